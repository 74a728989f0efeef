import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { CasesModule } from '../../cases/cases.module';
import { CatalogueModule } from '../../catalogue/catalogue.module';
import { NotificationJobs } from '../notifications/notification.jobs';
import { RouteCaseJob } from '../routing/route-case.job';
import { SlaJobs } from '../sla/sla.jobs';
import { PledgeExpiryJobs } from '../sla/pledge-expiry.jobs';
import { Mailer } from '../notifications/mailer';
import { JobRecovery } from './job-recovery';
import { OutboxRelay } from '../outbox/outbox-relay';
import { WorkflowModule } from '../workflow.module';
import { WorkflowWorkers } from './workflow-workers';

/**
 * The background workers: the outbox relay, the queue processors and the recovery of jobs that
 * Redis lost. Run by `worker.ts`, and by `main.ts` unless WORKERS=off. Any number of worker
 * processes may run side by side.
 */
@Module({
  imports: [WorkflowModule, CasesModule, AuthModule, CatalogueModule],
  providers: [
    OutboxRelay,
    WorkflowWorkers,
    JobRecovery,
    RouteCaseJob,
    SlaJobs,
    PledgeExpiryJobs,
    NotificationJobs,
    Mailer,
  ],
})
export class WorkersModule {}
