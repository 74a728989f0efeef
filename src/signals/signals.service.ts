import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { visibleTo } from '../cases/case-access';
import { CursorCodec } from '../common/cursor';
import { InvalidCursor } from '../common/errors';
import { Params } from '../common/sql-params';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { UnitOfWork, refOf } from '../database/unit-of-work';
import type {
  ListSignalsQuery,
  MarkedReadDto,
  SetSignalPreferencesDto,
  SignalDto,
  SignalListDto,
  SignalPreferencesDto,
  UnreadCountDto,
} from './dto/signal.dto';
import {
  DEFAULT_DELIVERY,
  SIGNAL_KINDS,
  type SignalDelivery,
  type SignalKind,
} from './signal-kinds';
import { kindTwice, SignalNotFound } from './signals.errors';

/** The unread count stops counting here (the header shows "999+"): bounded work per request. */
export const UNREAD_MAX = 999;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SignalRow {
  id: string;
  kind: SignalKind;
  case_id: string;
  reference: string;
  title: string;
  detail: Record<string, unknown>;
  created_at: Date;
  at_key: string;
  read_at: Date | null;
}

/**
 * A person's signals (issue 19, item 3; ADR 40): only their own, and of those only the ones of
 * cases they may still see (the cases module's rule, applied when read). Owns `signals` (read
 * and marked here; made by `SignalMaker` in the worker) and `signal_preferences`.
 */
@Injectable()
export class SignalsService {
  private readonly cursors: CursorCodec;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  /** Newest first, keyset paged on (created_at, id), from `signals_user_idx` or the unread one. */
  async list(actor: Actor, query: ListSignalsQuery): Promise<SignalListDto> {
    const pageSize = query.pageSize ?? 25;
    const scope = `signals:${actor.id}:${query.unread ? 'unread' : 'all'}`;
    const p = new Params();
    const where = [`s.user_id = ${p.add(actor.id)}`, visibleTo(actor, p)];
    if (query.unread) where.push('s.read_at IS NULL');
    if (query.cursor) {
      const [at, id] = this.cursors.decode(query.cursor, scope);
      if (typeof at !== 'string' || typeof id !== 'string' || !UUID.test(id)) {
        throw new InvalidCursor();
      }
      where.push(`(s.created_at, s.id) < (${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`);
    }
    const rows = await this.db.query<SignalRow[]>(
      `${SELECT} WHERE ${where.join(' AND ')}
        ORDER BY s.created_at DESC, s.id DESC LIMIT ${p.add(pageSize + 1)}`,
      p.values,
    );
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      items: page.map(present),
      nextCursor:
        rows.length > pageSize && last ? this.cursors.encode([last.at_key, last.id], scope) : null,
    };
  }

  async unreadCount(actor: Actor): Promise<UnreadCountDto> {
    const p = new Params();
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM signals s JOIN cases c ON c.id = s.case_id
          WHERE s.user_id = ${p.add(actor.id)} AND s.read_at IS NULL AND ${visibleTo(actor, p)}
          LIMIT ${p.add(UNREAD_MAX + 1)}) AS unread`,
      p.values,
    );
    const n = row?.n ?? 0;
    return { count: Math.min(n, UNREAD_MAX), capped: n > UNREAD_MAX, max: UNREAD_MAX };
  }

  /** Marks one of the person's signals read (again: no change); another's is a 404. */
  async markRead(actor: Actor, id: string): Promise<SignalDto> {
    if (!UUID.test(id)) throw new SignalNotFound(id);
    await this.db.query(
      'UPDATE signals SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL',
      [id, actor.id],
    );
    const p = new Params();
    const [row] = await this.db.query<SignalRow[]>(
      `${SELECT} WHERE s.id = ${p.add(id)} AND s.user_id = ${p.add(actor.id)} AND ${visibleTo(actor, p)}`,
      p.values,
    );
    if (!row) throw new SignalNotFound(id);
    return present(row);
  }

  /** Marks every unread signal of the person read (one statement, on the unread index). */
  async markAllRead(actor: Actor): Promise<MarkedReadDto> {
    const [, marked] = await this.db.query<[unknown[], number]>(
      'UPDATE signals SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
      [actor.id],
    );
    return { marked };
  }

  async preferences(actor: Actor): Promise<SignalPreferencesDto> {
    const rows = await this.db.query<{ kind: SignalKind; delivery: SignalDelivery }[]>(
      'SELECT kind, delivery FROM signal_preferences WHERE user_id = $1',
      [actor.id],
    );
    const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
    return {
      items: SIGNAL_KINDS.map((kind) => ({
        kind,
        delivery: chosen.get(kind) ?? DEFAULT_DELIVERY[kind],
      })),
    };
  }

  /** Sets the kinds given (the rest keep theirs), audited: it decides who gets mail. */
  async setPreferences(
    actor: Actor,
    input: SetSignalPreferencesDto,
  ): Promise<SignalPreferencesDto> {
    const seen = new Set<SignalKind>();
    input.items.forEach((item, i) => {
      if (seen.has(item.kind)) throw kindTwice(i, item.kind);
      seen.add(item.kind);
    });
    await this.uow.run(refOf(actor), async (w) => {
      await w.manager.query(
        `INSERT INTO signal_preferences (user_id, kind, delivery)
         SELECT $1, t.kind, t.delivery FROM unnest($2::text[], $3::text[]) AS t(kind, delivery)
         ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery`,
        [actor.id, input.items.map((i) => i.kind), input.items.map((i) => i.delivery)],
      );
      w.audit({
        action: 'signal.preferences_set',
        subjectType: 'user',
        subjectId: actor.id,
        data: { preferences: Object.fromEntries(input.items.map((i) => [i.kind, i.delivery])) },
      });
    });
    return this.preferences(actor);
  }
}

/** The signal with its case's reference and title (a display join, ADR 27). */
const SELECT = `SELECT s.id, s.kind, s.case_id, c.reference, c.title, s.detail, s.created_at,
                       s.created_at::text AS at_key, s.read_at
                  FROM signals s JOIN cases c ON c.id = s.case_id`;

function present(row: SignalRow): SignalDto {
  return {
    id: row.id,
    kind: row.kind,
    case: { id: row.case_id, reference: row.reference, title: row.title },
    detail: row.detail,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
