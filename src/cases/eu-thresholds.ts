import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { ValidationFailed } from '../common/errors';
import { refOf, UnitOfWork } from '../database/unit-of-work';
import type { CaseRow } from './case-presenter';
import type { AddEuThresholdDto, EuThresholdDto, EuThresholdListDto } from './dto/eu-threshold.dto';
import type { CaseEuThresholdDto } from './dto/case.dto';
import type { ProcurementKind } from './entities/eu-threshold.entity';

interface ThresholdRow {
  id: string;
  kind: ProcurementKind;
  valid_from: string;
  valid_to: string;
  amount_cents: string;
  added_by_name: string;
  added_at: Date;
}

const toDto = (r: ThresholdRow): EuThresholdDto => ({
  id: r.id,
  kind: r.kind,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  amountCents: Number(r.amount_cents),
  addedByName: r.added_by_name,
  addedAt: r.added_at.toISOString(),
});

/** Who sees the group check (a possible split of one tender below the threshold). */
const SEES_GROUPS: readonly Actor['role'][] = ['staff', 'auditor', 'admin'];

/**
 * The European thresholds (issue 18, item 6; ADR 36): the dated table, and each case's flag. A
 * case is flagged when its estimated value reaches the threshold of its procurement kind in force
 * on its filing day (Amsterdam); a group of cases with the same tender reference when their
 * values together reach it while each stays below (a possible split). Never blocking: a flag to
 * look at. The only writer of `eu_thresholds`.
 */
@Injectable()
export class EuThresholds {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async list(): Promise<EuThresholdListDto> {
    const rows = await this.db.query<ThresholdRow[]>(
      `SELECT * FROM eu_thresholds ORDER BY valid_from, kind`,
    );
    return { items: rows.map(toDto) };
  }

  /** An administrator adds a period; one overlapping a period of the same kind is a 400. */
  async add(actor: Actor, input: AddEuThresholdDto): Promise<EuThresholdDto> {
    if (input.validTo < input.validFrom) {
      throw new ValidationFailed([
        {
          field: 'validTo',
          code: 'out_of_range',
          message: 'must not be before validFrom',
          params: { min: input.validFrom },
        },
      ]);
    }
    return this.uow.run(refOf(actor), async (w) => {
      // One writer at a time, so two overlapping periods cannot both pass the check.
      await w.manager.query(`SELECT pg_advisory_xact_lock(hashtext('brug:eu_thresholds'))`);
      const [overlap] = await w.manager.query<ThresholdRow[]>(
        `SELECT * FROM eu_thresholds WHERE kind = $1 AND valid_from <= $3 AND valid_to >= $2`,
        [input.kind, input.validFrom, input.validTo],
      );
      if (overlap) {
        throw new ValidationFailed([
          {
            field: 'validFrom',
            code: 'in_use',
            message: `overlaps the period ${overlap.valid_from} to ${overlap.valid_to}`,
            params: { validFrom: overlap.valid_from, validTo: overlap.valid_to },
          },
        ]);
      }
      const [row] = await w.manager.query<ThresholdRow[]>(
        `INSERT INTO eu_thresholds (kind, valid_from, valid_to, amount_cents, added_by_name)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [input.kind, input.validFrom, input.validTo, input.amountCents, actor.name],
      );
      const dto = toDto(row!);
      w.audit({
        action: 'eu_threshold.added',
        subjectType: 'eu_threshold',
        subjectId: dto.id,
        data: {
          kind: dto.kind,
          validFrom: dto.validFrom,
          validTo: dto.validTo,
          amountCents: dto.amountCents,
        },
      });
      return dto;
    });
  }

  /**
   * The flag of each case (null without a procurement kind or a threshold in force), in one
   * query for a page of cases: the threshold by kind and filing day, and per tender reference the
   * open cases sharing it (through `cases_tender_reference_idx`). The group is for staff,
   * auditors and admins only.
   */
  async flagsOf(
    manager: EntityManager,
    rows: CaseRow[],
    role: Actor['role'],
  ): Promise<Map<string, CaseEuThresholdDto>> {
    const ids = rows.filter((r) => r.procurement_kind !== null).map((r) => r.id);
    if (ids.length === 0) return new Map();
    const found = await manager.query<
      {
        id: string;
        estimated_value_cents: string;
        tender_reference: string | null;
        amount_cents: string;
        valid_from: string;
        valid_to: string;
        group_cases: number | null;
        group_cents: string | null;
        group_all_below: boolean | null;
      }[]
    >(
      `SELECT c.id, c.estimated_value_cents, c.tender_reference, t.amount_cents, t.valid_from,
              t.valid_to, g.group_cases, g.group_cents, g.group_all_below
         FROM cases c
         JOIN eu_thresholds t
           ON t.kind = c.procurement_kind
          AND (c.filed_at AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN t.valid_from AND t.valid_to
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS group_cases, sum(o.estimated_value_cents)::bigint AS group_cents,
                  bool_and(o.estimated_value_cents < t.amount_cents) AS group_all_below
             FROM cases o
            WHERE o.tender_reference = c.tender_reference
              AND o.status NOT IN ('withdrawn', 'declined')
         ) g ON c.tender_reference IS NOT NULL
        WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    const seesGroups = SEES_GROUPS.includes(role);
    return new Map(
      found.map((f) => {
        const amountCents = Number(f.amount_cents);
        const groupCents = Number(f.group_cents ?? 0);
        const group =
          seesGroups && f.tender_reference !== null && (f.group_cases ?? 0) > 1
            ? {
                tenderReference: f.tender_reference,
                caseCount: f.group_cases ?? 0,
                totalCents: groupCents,
                possibleSplit: groupCents >= amountCents && f.group_all_below === true,
              }
            : null;
        return [
          f.id,
          {
            amountCents,
            period: `${f.valid_from}/${f.valid_to}`,
            reached: Number(f.estimated_value_cents) >= amountCents,
            group,
          },
        ];
      }),
    );
  }
}
