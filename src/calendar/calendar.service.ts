import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ValidationFailed } from '../common/errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '../database/pg-errors';
import { UnitOfWork, type ActorRef } from '../database/unit-of-work';
import { DesignatedDayExists, DesignatedDayNotFound } from './calendar.errors';
import { DesignatedDayEntity } from './designated-day.entity';
import type { CreateDesignatedDayDto, DaysOffDto, DesignatedDayDto } from './dto/calendar.dto';
import { CALENDAR_RULE_NAMES, calendarDateOf } from './holidays';
import { WorkingCalendar } from './working-days';

/**
 * How long a process uses its snapshot of the designated days before reading the table again:
 * another process's change applies within this time, this process's own at once (ADR 12).
 */
const CALENDAR_TTL_MS = 5000;

/**
 * The installation's working-day calendar (ADR 25): the Algemene termijnenwet's days, Goede
 * Vrijdag as configured (CALENDAR_GOOD_FRIDAY), and the designated days of
 * `calendar_designated_days`, of which this service is the only writer. Deadline arithmetic asks
 * `calendar()` once and then computes in memory, so no working-day check reads the database.
 */
@Injectable()
export class CalendarService {
  private cached: { calendar: WorkingCalendar; until: number } | undefined;
  private loading: Promise<WorkingCalendar> | undefined;
  /** Counts own writes, so a read that began before one does not become the fresh snapshot. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The calendar as of at most CALENDAR_TTL_MS ago; concurrent callers share one read. */
  async calendar(): Promise<WorkingCalendar> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.calendar;
    if (!this.loading) {
      const generation = this.generation;
      this.loading = this.load()
        .then((calendar) => {
          if (generation === this.generation) {
            this.cached = { calendar, until: Date.now() + CALENDAR_TTL_MS };
          }
          return calendar;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }

  private async load(): Promise<WorkingCalendar> {
    const rows: { date: string; name: string }[] = await this.db.query(
      `SELECT to_char("date", 'YYYY-MM-DD') AS "date", "name" FROM "calendar_designated_days"`,
    );
    return new WorkingCalendar({
      goodFriday: this.config.calendarGoodFriday,
      designatedDays: rows.map((r) => [r.date, r.name] as const),
    });
  }

  private forget(): void {
    this.generation += 1;
    this.cached = undefined;
  }

  /** Every day off of `year` besides ordinary weekends, with its rule and the rule's names. */
  async daysOff(year: number): Promise<DaysOffDto> {
    const calendar = await this.calendar();
    return {
      year,
      goodFriday: calendar.goodFriday,
      items: calendar.daysOffIn(year).map((day) => ({
        ...day,
        ruleName: CALENDAR_RULE_NAMES[day.rule],
      })),
    };
  }

  async list(): Promise<DesignatedDayDto[]> {
    const rows = await this.db.getRepository(DesignatedDayEntity).find({ order: { date: 'ASC' } });
    return rows.map(toDto);
  }

  /**
   * Adds a designated day, audited. A date that is a day off already (a weekend or a holiday of
   * the Atw) is refused: designating it would change nothing and hides a typing error.
   */
  async add(actor: ActorRef, input: CreateDesignatedDayDto): Promise<DesignatedDayDto> {
    const off = new WorkingCalendar({ goodFriday: this.config.calendarGoodFriday }).dayOffOn(
      calendarDateOf(input.date),
    );
    if (off) {
      throw new ValidationFailed([
        {
          field: 'date',
          code: 'not_allowed',
          message: `is a day off already (${off.rule})`,
          params: { date: input.date, rule: off.rule },
        },
      ]);
    }
    try {
      return await this.uow.run(actor, async (w) => {
        const repo = w.manager.getRepository(DesignatedDayEntity);
        await repo.insert({ date: input.date, name: input.name, addedById: actor.id });
        w.audit({
          action: 'catalogue.changed',
          subjectType: 'designated_day',
          subjectId: input.date,
          data: { change: 'created', date: input.date, name: input.name },
        });
        return toDto(await repo.findOneByOrFail({ date: input.date }));
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new DesignatedDayExists(input.date);
      throw error;
    } finally {
      // After the commit (or the rollback): the next calendar() reads the table afresh.
      this.forget();
    }
  }

  /** Removes a designated day, audited with what it was. */
  async remove(actor: ActorRef, date: string): Promise<void> {
    try {
      await this.uow.run(actor, async (w) => {
        const repo = w.manager.getRepository(DesignatedDayEntity);
        const row = await repo.findOne({ where: { date }, lock: { mode: 'pessimistic_write' } });
        if (!row) throw new DesignatedDayNotFound(date);
        await repo.delete({ date });
        w.audit({
          action: 'catalogue.changed',
          subjectType: 'designated_day',
          subjectId: date,
          data: { change: 'removed', date, name: row.name },
        });
      });
    } finally {
      this.forget();
    }
  }
}

function toDto(row: DesignatedDayEntity): DesignatedDayDto {
  return {
    date: row.date,
    name: row.name,
    addedById: row.addedById,
    addedAt: row.addedAt.toISOString(),
  };
}
