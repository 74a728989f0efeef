import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import type { ActorRecord } from '../auth/users.store';
import { CaseReader, type WorkflowFacts } from '../cases/case-reader';
import { preparedQuery } from '../database/prepared';
import { deliveryJobs, recordDeliveries } from '../workflow/notifications/deliveries';
import { Mailer } from '../workflow/notifications/mailer';
import { QueueService } from '../workflow/queues/queue.service';
import { DEFAULT_DELIVERY, type SignalDelivery, type SignalKind } from './signal-kinds';

export interface SignalEvent {
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** Whom an event signals, of which kind: candidates, checked against the rules before. */
interface Wanted {
  kind: SignalKind;
  userIds: (string | null)[];
  /** The roles the kind is for (a proposal is a buyer's to answer, money a budget holder's). */
  roles: readonly Role[];
  detail: Record<string, unknown>;
  /** The person who caused it hears nothing of it (the author of a note). */
  except?: string;
}

/**
 * Makes the signals of one outbox event, in the worker (issue 19, item 3; ADR 40): who needs to
 * know, each checked to be active, of the kind's role and allowed to see the case (the cases
 * module's own rule), one row per (event, person) — a redelivered event adds nothing. Those who
 * chose e-mail for the kind get it through the notifications' deliveries (effect-once as every
 * mail, and one with a notification of the same event and person).
 */
@Injectable()
export class SignalMaker {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: CaseReader,
    private readonly users: UsersService,
    private readonly queues: QueueService,
    private readonly mailer: Mailer,
  ) {}

  /** Returns how many signals the event has (made now or before). */
  async make(event: SignalEvent): Promise<number> {
    const caseId = typeof event.payload.caseId === 'string' ? event.payload.caseId : null;
    const facts = caseId ? await this.reader.workflowFacts(caseId) : null;
    if (!facts) return 0;
    const wanted = await this.wanted(event, facts);
    if (!wanted) return 0;
    const people = await this.receivers(wanted, facts.id);
    if (people.length === 0) return 0;
    // One statement: each person's choice of delivery for the kind (or the kind's default), the
    // signals made, and with those a redelivery made before, the signals of the event as they
    // were first made (the plain read sees the rows from before this statement).
    // Prepared: one text for every signal made, planned once per connection.
    const rows = await preparedQuery<{ user_id: string; delivery: SignalDelivery }>(
      this.db,
      `WITH made AS (
         INSERT INTO signals (user_id, kind, case_id, event_id, detail, delivery)
         SELECT t.user_id, $1, $2, $3, $4::jsonb, coalesce(sp.delivery, $6)
           FROM unnest($5::uuid[]) WITH ORDINALITY AS t(user_id, n)
           LEFT JOIN signal_preferences sp ON sp.user_id = t.user_id AND sp.kind = $1
          ORDER BY t.n
         ON CONFLICT (event_id, user_id) DO NOTHING
         RETURNING user_id, delivery
       )
       SELECT user_id, delivery FROM signals WHERE event_id = $3
       UNION ALL SELECT user_id, delivery FROM made`,
      [
        wanted.kind,
        facts.id,
        event.eventId,
        JSON.stringify(wanted.detail),
        people.map((p) => p.id),
        DEFAULT_DELIVERY[wanted.kind],
      ],
    );
    // The e-mails of the signals as they were made (a redelivery mails what the first made).
    if (this.mailer.enabled) {
      const byId = new Map(people.map((p) => [p.id, p]));
      const targets = rows
        .filter((r) => r.delivery === 'email' && byId.has(r.user_id))
        .map((r) => ({ channel: 'email' as const, recipient: byId.get(r.user_id)!.email }));
      const open = await recordDeliveries(
        this.db.manager,
        { id: event.eventId, type: event.type, payload: event.payload, time: null },
        targets,
      );
      // Each at its own job id (a replayed one names its replay, ADR 41).
      await this.queues.add(deliveryJobs(open.filter((d) => d.channel === 'email')));
    }
    return rows.length;
  }

  private async wanted(event: SignalEvent, facts: WorkflowFacts): Promise<Wanted | null> {
    const p = event.payload;
    switch (event.type) {
      case 'case.transitioned':
        if (p.to === 'routed' && facts.teamId) {
          const team = await this.users.activeMembers(facts.teamId, 'staff');
          return {
            kind: 'case_assigned',
            userIds: team.map((m) => m.id),
            roles: ['staff'],
            detail: { to: 'team' },
          };
        }
        if (p.to === 'proposed') {
          return {
            kind: 'proposal_awaiting',
            userIds: [facts.filedById, facts.koppelMunicipalId],
            roles: ['buyer'],
            detail: {},
          };
        }
        return null;
      case 'case.koppel_changed':
        return p.kind === 'changed'
          ? {
              kind: 'case_assigned',
              userIds: [facts.koppelMeentcoopId, facts.assigneeId],
              roles: ['staff'],
              detail: { to: 'you' },
            }
          : null;
      case 'case.sla_warning':
      case 'case.sla_breached': {
        const team = facts.teamId ? await this.users.activeMembers(facts.teamId, 'staff') : [];
        return {
          kind: event.type === 'case.sla_breached' ? 'deadline_breached' : 'deadline_due_soon',
          userIds: [...team.map((m) => m.id), facts.koppelMeentcoopId, facts.assigneeId],
          roles: ['staff'],
          detail: { stage: p.stage, dueAt: p.dueAt },
        };
      }
      case 'funding.cofunding_proposed': {
        const domains = Array.isArray(p.domainCodes) ? p.domainCodes.map(String) : [];
        const holders = domains.length ? await this.users.activeBudgetHolders(domains) : [];
        return {
          kind: 'funding_requested',
          userIds: holders.map((h) => h.id),
          roles: ['budget_holder'],
          detail: { proposalId: p.proposalId, domainCodes: domains },
        };
      }
      // A duplicate's buyer hears that it was closed, and which case goes on (ADR 44).
      case 'case.closed_as_duplicate':
        return {
          kind: 'closed_as_duplicate',
          userIds: [facts.filedById, facts.koppelMunicipalId],
          roles: ['buyer'],
          detail: { duplicateOfId: p.duplicateOfId },
        };
      // The budget holders of a domain are asked to consent to moving its pledge (ADR 44).
      case 'funding.pledge_transfer_requested': {
        const domains = Array.isArray(p.domainCodes) ? p.domainCodes.map(String) : [];
        const holders = domains.length ? await this.users.activeBudgetHolders(domains) : [];
        return {
          kind: 'funding_requested',
          userIds: holders.map((h) => h.id),
          roles: ['budget_holder'],
          detail: { transferId: p.transferId, domainCodes: domains, toCaseId: p.toCaseId },
        };
      }
      case 'note.added': {
        const note = typeof p.noteId === 'string' ? await this.reader.noteFacts(p.noteId) : null;
        if (!note || note.visibility !== 'shared') return null;
        return {
          kind: 'note_shared',
          userIds: [
            facts.filedById,
            facts.koppelMunicipalId,
            facts.koppelMeentcoopId,
            facts.assigneeId,
          ],
          roles: ['buyer', 'staff'],
          detail: { noteId: p.noteId },
          except: note.authorId,
        };
      }
      default:
        return null;
    }
  }

  /**
   * The candidates who are active, of the kind's roles, and may see the case: two queries
   * whatever the number of candidates (a routed case tells its whole team).
   */
  private async receivers(wanted: Wanted, caseId: string): Promise<ActorRecord[]> {
    const ids = [...new Set(wanted.userIds.filter((id): id is string => id !== null))].filter(
      (id) => id !== wanted.except,
    );
    const found = new Map((await this.users.findActors(ids)).map((a) => [a.id, a]));
    const candidates = ids
      .map((id) => found.get(id))
      .filter((a): a is ActorRecord => !!a?.active && wanted.roles.includes(a.role));
    const seeing = await this.reader.whoMaySee(caseId, candidates);
    return candidates.filter((a) => seeing.has(a.id));
  }
}
