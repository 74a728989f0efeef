import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { FailedJobsService } from './queues/failed-jobs.service';
import { RelayLagIndicator } from '../health/health-indicators';
import { OutboxStats } from './outbox/outbox-stats';
import { JobHandlers } from './queues/job-handlers';
import { QueueService } from './queues/queue.service';
import { RoutingRulesService } from './routing/routing-rules.service';
import { SlaPoliciesService } from './sla/sla-policies.service';
import { WebhooksService } from './notifications/webhooks.service';
import { FailedJobsController } from './queues/failed-jobs.controller';
import { QueueBoardController } from './queues/queue-board.controller';
import { RoutingRulesController } from './routing/routing-rules.controller';
import { SlaPoliciesController } from './sla/sla-policies.controller';
import { WebhooksController } from './notifications/webhooks.controller';
import { DeliveryReplayController } from './notifications/delivery-replay.controller';
import { DeliveryReplayService } from './notifications/delivery-replay.service';

/** The workflow's configuration and queues, in every process (the API administers them). */
@Module({
  imports: [AuthModule, CatalogueModule, CasesModule, CalendarModule],
  controllers: [
    RoutingRulesController,
    SlaPoliciesController,
    WebhooksController,
    FailedJobsController,
    QueueBoardController,
    DeliveryReplayController,
  ],
  providers: [
    QueueService,
    JobHandlers,
    RoutingRulesService,
    SlaPoliciesService,
    WebhooksService,
    FailedJobsService,
    DeliveryReplayService,
    OutboxStats,
    // The readiness probe's view of the relay (health asks, the owner of the outbox answers).
    { provide: RelayLagIndicator, useExisting: OutboxStats },
  ],
  exports: [
    QueueService,
    JobHandlers,
    RoutingRulesService,
    SlaPoliciesService,
    WebhooksService,
    OutboxStats,
    RelayLagIndicator,
  ],
})
export class WorkflowModule {}
