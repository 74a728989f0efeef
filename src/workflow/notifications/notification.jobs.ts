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
import { claimDelivery, finishDelivery, recordDeliveries } from './deliveries';
import { Mailer } from './mailer';
import {
  assignedToYouMail,
  clockSuspendedMail,
  cofundingProposedMail,
  deadlineMail,
  noteSharedMail,
  pledgeExpiredMail,
  proposalAwaitingMail,
  routedToTeamMail,
  statusChangeMail,
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Fans an event out into deliveries, and a job per delivery not done yet. */
  async fanOut(event: EventJob): Promise<number> {
    const targets: { channel: 'email' | 'webhook'; recipient: string }[] = [];
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
    for (const hook of await this.webhooks.subscribers(event.type)) {
      targets.push({ channel: 'webhook', recipient: hook.id });
    }
    const open = await recordDeliveries(
      this.db.manager,
      { id: event.eventId, type: event.type, payload: event.payload },
      dedupe(targets),
    );
    await this.queues.add(
      open.map((d) => ({
        job: {
          queue: 'notifications' as const,
          name: d.channel === 'email' ? ('deliver-email' as const) : ('deliver-webhook' as const),
          data: { deliveryId: d.id },
        },
        jobId: d.id,
      })),
    );
    return open.length;
  }

  async deliverEmail(deliveryId: string): Promise<'sent' | 'skipped' | 'done'> {
    const delivery = await claimDelivery(this.db.manager, deliveryId);
    if (!delivery) return 'done';
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
      await finishDelivery(this.db.manager, deliveryId, { status: 'failed', error: String(error) });
      throw error;
    }
  }

  async deliverWebhook(deliveryId: string): Promise<'sent' | 'skipped' | 'done'> {
    const delivery = await claimDelivery(this.db.manager, deliveryId);
    if (!delivery) return 'done';
    const hook = await this.webhooks.withSecret(delivery.recipient);
    if (!hook || !hook.active) {
      await finishDelivery(this.db.manager, deliveryId, { status: 'skipped' });
      return 'skipped';
    }
    const body = JSON.stringify({
      id: delivery.eventId,
      type: delivery.eventType,
      createdAt: delivery.createdAt.toISOString(),
      data: delivery.payload,
    });
    try {
      const response = await postWebhook(
        hook.url,
        body,
        {
          'Brug-Signature': signatureHeader(hook.secret, body),
          'Brug-Event': delivery.eventType,
          'Brug-Delivery': delivery.id,
        },
        this.webhooks.addressPolicy,
      );
      if (response.status < 200 || response.status >= 300) {
        const message = `webhook answered ${response.status}`;
        // The receiver refused this delivery (410 Gone, 400, 401, 404, ...): sending the same
        // body again gets the same answer, so the job fails at once, for an admin to look at.
        // 408 and 429 ask to come back later, and a 5xx may pass: those are retried.
        throw refusesForGood(response.status)
          ? new UnrecoverableError(message)
          : new Error(message);
      }
      await finishDelivery(this.db.manager, deliveryId, { status: 'sent' });
      return 'sent';
    } catch (error) {
      // Admins see the message only (here and as the failed job's reason): an HTTP status, or
      // one neutral "could not connect" for every connection-level cause. The cause is logged.
      const reason = error instanceof Error ? error.message : String(error);
      await finishDelivery(this.db.manager, deliveryId, { status: 'failed', error: reason });
      const cause = error instanceof WebhookUnreachable ? ` (${String(error.cause)})` : '';
      this.logger.warn(`Webhook delivery ${deliveryId} to ${hook.url} failed: ${reason}${cause}`);
      throw error;
    }
  }

  /** The email for a delivery, from the event's facts and the case as it is now. */
  private async compose(
    type: string,
    payload: Record<string, unknown>,
    recipient: string,
  ): Promise<Mail | null> {
    const facts = await this.reader.workflowFacts(
      typeof payload.caseId === 'string' ? payload.caseId : '',
    );
    if (!facts) return null;
    const base = this.config.publicUrl;
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
