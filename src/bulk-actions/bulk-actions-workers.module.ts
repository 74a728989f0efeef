import { Module, type OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '../workflow/queues/job-handlers';
import { WorkflowModule } from '../workflow/workflow.module';
import { BulkActionRunner } from './bulk-action.runner';
import { BulkActionsModule } from './bulk-actions.module';

/**
 * Bulk actions in the processes that run workers (ADR 39): the runner handles the workflow's
 * `run-bulk-action` jobs. The last attempt records a case that keeps failing as failed; an
 * earlier one lets the error retry the job.
 */
@Module({ imports: [WorkflowModule, BulkActionsModule] })
export class BulkActionsWorkersModule implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly runner: BulkActionRunner,
  ) {}

  onModuleInit(): void {
    this.handlers.register('run-bulk-action', (data, job) =>
      this.runner.run(data.bulkActionId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
    );
  }
}
