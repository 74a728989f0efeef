import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { UsersService } from '../../auth/users.service';
import { CaseReader } from '../../cases/case-reader';
import type { CaseStatus } from '../../cases/case-transitions';
import { CatalogueService } from '../../catalogue/catalogue.service';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { SYSTEM_ACTOR, UnitOfWork } from '../../database/unit-of-work';
import { ADMIN_EVENT_TYPES } from '../../events/events';
import { cloudEvent, CLOUDEVENTS_CONTENT_TYPE } from './cloud-event';
import {
  claimDelivery,
  deliveryJobId,
  deliveryJobs,
  finishDelivery,
  recordDeliveries,
} from './deliveries';
import type { NotificationDeliveryEntity } from './notification-delivery.entity';
import { nextAttemptAt, type RetryPolicy } from './retry-schedule';
import { Mailer } from './mailer';
import {
  assignedToYouMail,
  clockSuspendedMail,
  cofundingProposedMail,
  deadlineMail,
  noteSharedMail,
  pledgeExpiredMail,
  pledgeTransferRequestedMail,
  closedAsDuplicateMail,
  proposalAwaitingMail,
  routedToTeamMail,
  statusChangeMail,
  webhookFailingMail,
  webhookSwitchedOffMail,
  type Mail,
} from './messages';
import { postWebhook, WebhookUnreachable } from './webhook-client';
import { QueueService } from '../queues/queue.service';
import { signatureHeader } from './webhook-signature';
import { WebhooksService } from './webhooks.service';

interface EventJob {
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * What a delivery job ends with: done (sent, skipped, or nothing left to do), or a time to try
 * again (the worker moves the job to the delayed set until then, ADR 41).
 */
export type DeliveryResult = 'sent' | 'skipped' | 'done' | { retryAt: Date };

/** A 4xx answer other than 408 Request Timeout and 429 Too Many Requests: retrying cannot help. */
export function refusesForGood(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * Who hears of what: the buyer who filed, of the status changes of their case (a proposal is
 * their signal, ADR 40) and of its SLA clock stopping (and why); the team and the budget
 * holders, of a lapsed pledge; webhook subscribers, of the event types they chose. The signals
 * inbox mails the rest, by each person's choice, through `recordDeliveries` and the
 * `deliver-email` job. Each (event, channel, recipient) is one delivery row and one job:
 * effect-once.
 */
@Injectable()
export class NotificationJobs {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: CaseReader,
    private readonly users: UsersService,
    private readonly catalogue: CatalogueService,
    private readonly webhooks: WebhooksService,
    private readonly mailer: Mailer,
    private readonly queues: QueueService,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.policy = {
      baseMs: config.notifyRetryBaseMs,
      maxDelayMs: config.notifyRetryMaxDelayMs,
      retryForMs: config.notifyRetryForMs,
    };
  }

  private readonly policy: RetryPolicy;

  /** Fans an event out into deliveries, and a job per delivery not done yet. */
  async fanOut(event: EventJob): Promise<number> {
    const targets: { channel: 'email' | 'webhook'; recipient: string }[] = [];
    if ((ADMIN_EVENT_TYPES as readonly string[]).includes(event.type) && this.mailer.enabled) {
      for (const admin of await this.users.activeAdmins()) {
        targets.push({ channel: 'email', recipient: admin.email });
      }
    }
    const caseId = typeof event.payload.caseId === 'string' ? event.payload.caseId : null;
    const facts = caseId ? await this.reader.workflowFacts(caseId) : null;
    // Without SMTP no email goes out: record none (webhooks still do).
    // What needs a person (a case routed to their team, a deadline, a proposal to answer, money
    // asked of their domain) is a signal, mailed by the signals inbox as each person chose (ADR
    // 40), through these same deliveries. Here: the rest of the buyer's status changes, and a
    // lapsed pledge (issue 18, ADR 36).
    if (facts && this.mailer.enabled) {
      const proposal = event.type === 'case.transitioned' && event.payload.to === 'proposed';
      if ((event.type === 'case.transitioned' && !proposal) || event.type === 'case.suspended') {
        const buyer = await this.users.contact(facts.filedById);
        if (buyer?.active) targets.push({ channel: 'email', recipient: buyer.email });
      }
      if (event.type === 'funding.pledge_expired') {
        const holders = await this.users.activeBudgetHolders([String(event.payload.domainCode)]);
        for (const holder of holders) targets.push({ channel: 'email', recipient: holder.email });
        if (facts.teamId) {
          for (const member of await this.users.activeMembers(facts.teamId, 'staff')) {
            targets.push({ channel: 'email', recipient: member.email });
          }
        }
      }
    }
    // Subscribers filter by event type, and by the case's team and domains (none: all).
    const domains = new Set<string>([
      ...(facts?.domains ?? []),
      ...(typeof event.payload.domainCode === 'string' ? [event.payload.domainCode] : []),
      ...(Array.isArray(event.payload.domainCodes) ? event.payload.domainCodes.map(String) : []),
    ]);
    for (const hook of await this.webhooks.subscribers(event.type)) {
      if (hook.teamIds.length && !(facts?.teamId && hook.teamIds.includes(facts.teamId))) continue;
      if (hook.domainCodes.length && !hook.domainCodes.some((d) => domains.has(d))) continue;
      targets.push({ channel: 'webhook', recipient: hook.id });
    }
    const [outbox] = await this.db.query<{ created_at: Date }[]>(
      `SELECT created_at FROM outbox_events WHERE id = $1`,
      [event.eventId],
    );
    const open = await recordDeliveries(
      this.db.manager,
      {
        id: event.eventId,
        type: event.type,
        payload: event.payload,
        time: outbox?.created_at ?? null,
      },
      dedupe(targets),
    );
    await this.queueDeliveries(open);
    return open.length;
  }

  /** A job per delivery (a delivery's job id: `deliveryJobId`); one held already is not added. */
  async queueDeliveries(
    deliveries: { id: string; channel: 'email' | 'webhook'; replays: number; at?: Date | null }[],
  ): Promise<void> {
    await this.queues.add(deliveryJobs(deliveries));
  }

  /**
   * The safety net (run with the deadline jobs' one, ADR 16 and 41): every delivery still to be
   * done (pending, retrying, or sending) whose job Redis does not hold gets its job again, at
   * the time of its next attempt. Redis restarted empty, a job deleted by hand: no delivery is
   * left behind. Read a page of 500 at a time; answers how many jobs were re-created.
   */
  async reconcile(): Promise<number> {
    let added = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.db.query<
        {
          id: string;
          channel: 'email' | 'webhook';
          replays: number;
          next_attempt_at: Date | null;
        }[]
      >(
        `SELECT id, channel, replays, next_attempt_at FROM notification_deliveries
          WHERE status IN ('pending', 'retrying', 'sending') AND id > $1
          ORDER BY id LIMIT 500`,
        [after],
      );
      if (rows.length === 0) return added;
      after = rows[rows.length - 1]!.id;
      const missing = new Set(
        await this.queues.missing(
          'notifications',
          rows.map((r) => deliveryJobId(r)),
        ),
      );
      const lost = rows.filter((r) => missing.has(deliveryJobId(r)));
      await this.queueDeliveries(
        lost.map((r) => ({
          id: r.id,
          channel: r.channel,
          replays: r.replays,
          at: r.next_attempt_at,
        })),
      );
      added += lost.length;
      if (rows.length < 500) return added;
    }
  }

  async deliverEmail(deliveryId: string): Promise<DeliveryResult> {
    const claim = await claimDelivery(this.db.manager, deliveryId);
    if (claim.state === 'done') return 'done';
    if (claim.state === 'busy') return { retryAt: claim.retakeAt };
    const delivery = claim.delivery;
    if (!this.mailer.enabled) {
      await finishDelivery(this.db.manager, deliveryId, { status: 'skipped' });
      return 'skipped';
    }
    try {
      const mail = await this.compose(delivery.eventType, delivery.payload, delivery.recipient);
      if (!mail) {
        await finishDelivery(this.db.manager, deliveryId, { status: 'skipped' });
        return 'skipped';
      }
      await this.mailer.send(delivery.recipient, mail, deliveryId);
      await finishDelivery(this.db.manager, deliveryId, { status: 'sent' });
      return 'sent';
    } catch (error) {
      return this.failed(delivery, error instanceof Error ? error.message : String(error));
    }
  }

  async deliverWebhook(deliveryId: string): Promise<DeliveryResult> {
    const claim = await claimDelivery(this.db.manager, deliveryId);
    if (claim.state === 'done') return 'done';
    if (claim.state === 'busy') return { retryAt: claim.retakeAt };
    const delivery = claim.delivery;
    const hook = await this.webhooks.withSecret(delivery.recipient);
    if (!hook || !hook.active) {
      await finishDelivery(this.db.manager, deliveryId, { status: 'skipped' });
      return 'skipped';
    }
    const body = JSON.stringify(
      cloudEvent(
        {
          source: this.config.cloudEventsSource,
          typePrefix: this.config.cloudEventsTypePrefix,
          publicUrl: this.config.publicUrl,
        },
        {
          id: delivery.eventId,
          type: delivery.eventType,
          time: delivery.eventTime ?? delivery.createdAt,
          payload: delivery.payload,
        },
      ),
    );
    let status: number;
    try {
      const response = await postWebhook(
        hook.url,
        body,
        {
          'Content-Type': CLOUDEVENTS_CONTENT_TYPE,
          'Brug-Signature': signatureHeader(hook.secret, body),
          'Brug-Event': delivery.eventType,
          'Brug-Delivery': delivery.id,
        },
        this.webhooks.addressPolicy,
      );
      status = response.status;
    } catch (error) {
      // Admins see the message only (here and as the failed job's reason): one neutral "could
      // not connect" for every connection-level cause. The cause is logged.
      const reason = error instanceof Error ? error.message : String(error);
      const cause = error instanceof WebhookUnreachable ? ` (${String(error.cause)})` : '';
      this.logger.warn(`Webhook delivery ${deliveryId} to ${hook.url} failed: ${reason}${cause}`);
      await this.webhookFailed(hook.id, reason);
      return this.failed(delivery, reason);
    }
    if (status >= 200 && status < 300) {
      await finishDelivery(this.db.manager, deliveryId, { status: 'sent' });
      await this.db.query(
        `UPDATE webhooks SET failing_since = NULL, failure_alerted_at = NULL
          WHERE id = $1 AND failing_since IS NOT NULL`,
        [hook.id],
      );
      return 'sent';
    }
    const reason = `webhook answered ${status}`;
    this.logger.warn(`Webhook delivery ${deliveryId} to ${hook.url} failed: ${reason}`);
    if (status === 410) {
      // Gone: the receiver says it will never take another one. Switched off (audited, the
      // administrators are emailed); its other deliveries are skipped, to be replayed if an
      // administrator switches it on again.
      await finishDelivery(this.db.manager, deliveryId, { status: 'failed', error: reason });
      await this.switchOff(hook.id, hook.url, reason);
      throw new UnrecoverableError(reason);
    }
    await this.webhookFailed(hook.id, reason);
    // The receiver refused this delivery (400, 401, 404, ...): sending the same body again gets
    // the same answer, so it fails at once, for an admin to look at and replay. 408 and 429 ask
    // to come back later, and a 5xx may pass: those are retried on the schedule.
    return this.failed(delivery, reason, refusesForGood(status));
  }

  /**
   * A failed attempt: tried again on the schedule while its window lasts (`retrying`, the job
   * sleeps until then), else `failed` with the last error and the job into the failed set.
   */
  private async failed(
    delivery: NotificationDeliveryEntity,
    reason: string,
    forGood = false,
  ): Promise<DeliveryResult> {
    const next = forGood
      ? null
      : nextAttemptAt(
          this.policy,
          delivery.attempts,
          delivery.firstAttemptAt ?? new Date(),
          new Date(),
        );
    if (next) {
      await finishDelivery(this.db.manager, delivery.id, {
        status: 'retrying',
        error: reason,
        nextAttemptAt: next,
      });
      return { retryAt: next };
    }
    await finishDelivery(this.db.manager, delivery.id, { status: 'failed', error: reason });
    throw new UnrecoverableError(reason);
  }

  /**
   * A webhook's delivery failed: the failing episode starts (if it had not), and once it has
   * lasted `NOTIFY_ALERT_AFTER_MS` the administrators are emailed, once per episode: the first
   * worker to mark the episode alerted writes the event, in one unit of work with its audit.
   */
  private async webhookFailed(webhookId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE webhooks SET failing_since = now() WHERE id = $1 AND failing_since IS NULL`,
      [webhookId],
    );
    await this.uow.run(SYSTEM_ACTOR, async (w) => {
      const [rows] = await w.manager.query<
        [{ id: string; url: string; failing_since: Date }[], number]
      >(
        `UPDATE webhooks SET failure_alerted_at = now()
          WHERE id = $1 AND failure_alerted_at IS NULL
            AND failing_since <= now() - make_interval(secs => $2::double precision / 1000)
          RETURNING id, url, failing_since`,
        [webhookId, this.config.notifyAlertAfterMs],
      );
      const hook = rows[0];
      if (!hook) return;
      const payload = {
        webhookId: hook.id,
        url: hook.url,
        failingSince: hook.failing_since.toISOString(),
        lastError: reason,
      };
      w.audit({
        action: 'webhook.failing',
        subjectType: 'webhook',
        subjectId: hook.id,
        data: payload,
      });
      w.emit({ type: 'webhook.failing', payload });
    });
  }

  /** Switches a webhook off for good after `410 Gone`: audited, announced to the admins. */
  private async switchOff(webhookId: string, url: string, reason: string): Promise<void> {
    await this.uow.run(SYSTEM_ACTOR, async (w) => {
      const [rows] = await w.manager.query<[{ id: string }[], number]>(
        `UPDATE webhooks
            SET active = false, switched_off_at = now(), switched_off_reason = $2,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND active
          RETURNING id`,
        [webhookId, reason],
      );
      if (!rows[0]) return;
      w.audit({
        action: 'catalogue.changed',
        subjectType: 'webhook',
        subjectId: webhookId,
        data: { change: 'switched_off', reason, changes: { active: { old: true, new: false } } },
      });
      w.emit({ type: 'webhook.switched_off', payload: { webhookId, url, reason } });
    });
  }

  /** The email for a delivery, from the event's facts and the case as it is now. */
  private async compose(
    type: string,
    payload: Record<string, unknown>,
    recipient: string,
  ): Promise<Mail | null> {
    const base = this.config.publicUrl;
    if (type === 'webhook.failing') {
      return webhookFailingMail(
        base,
        { id: String(payload.webhookId), url: String(payload.url) },
        String(payload.failingSince),
        String(payload.lastError),
      );
    }
    if (type === 'webhook.switched_off') {
      return webhookSwitchedOffMail(
        { id: String(payload.webhookId), url: String(payload.url) },
        String(payload.reason),
      );
    }
    const facts = await this.reader.workflowFacts(
      typeof payload.caseId === 'string' ? payload.caseId : '',
    );
    if (!facts) return null;
    const ref = { id: facts.id, reference: facts.reference, title: facts.title };
    switch (type) {
      case 'case.transitioned': {
        const buyer = await this.users.contact(facts.filedById);
        if (buyer?.email === recipient) {
          return statusChangeMail(base, ref, buyer.name, {
            from: (payload.from as CaseStatus | null) ?? null,
            to: payload.to as CaseStatus,
            reason: typeof payload.reason === 'string' ? payload.reason : null,
          });
        }
        if (payload.to === 'proposed') return proposalAwaitingMail(base, ref);
        const team = facts.teamId
          ? (await this.catalogue.unitRefs([facts.teamId])).get(facts.teamId)
          : undefined;
        return routedToTeamMail(base, ref, team?.name ?? 'MeentCoop');
      }
      case 'case.koppel_changed':
        return assignedToYouMail(base, ref);
      case 'note.added':
        return noteSharedMail(base, ref);
      case 'case.suspended': {
        const buyer = await this.users.contact(facts.filedById);
        if (buyer?.email !== recipient) return null;
        return clockSuspendedMail(base, ref, buyer.name, {
          kind: String(payload.kind),
          reason: String(payload.reason),
          expectedEnd: typeof payload.expectedEnd === 'string' ? payload.expectedEnd : null,
        });
      }
      case 'case.sla_breached':
      case 'case.sla_warning':
        return deadlineMail(
          base,
          ref,
          type === 'case.sla_breached' ? 'breached' : 'warning',
          payload.stage === 'propose' ? 'propose' : 'accept',
          String(payload.dueAt),
        );
      case 'funding.cofunding_proposed':
        return cofundingProposedMail(base, ref, String(payload.proposalId));
      case 'funding.pledge_transfer_requested':
        return pledgeTransferRequestedMail(
          base,
          ref,
          Array.isArray(payload.domainCodes) ? String(payload.domainCodes[0]) : '',
          Number(payload.amountCents),
        );
      case 'case.closed_as_duplicate': {
        const survivor = await this.reader.workflowFacts(String(payload.duplicateOfId));
        if (!survivor) return null;
        return closedAsDuplicateMail(base, ref, {
          id: survivor.id,
          reference: survivor.reference,
          title: survivor.title,
        });
      }
      case 'funding.pledge_expired':
        return pledgeExpiredMail(
          base,
          ref,
          String(payload.domainCode),
          Number(payload.amountCents),
        );
      default:
        return null;
    }
  }
}

function dedupe<T extends { channel: string; recipient: string }>(targets: T[]): T[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.channel}:${t.recipient}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
