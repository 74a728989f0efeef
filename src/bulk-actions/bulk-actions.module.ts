import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { BulkActionRunner } from './bulk-action.runner';
import { BulkActionsController } from './bulk-actions.controller';
import { BulkActionsService } from './bulk-actions.service';

/**
 * Bulk actions on the work queue (issue 19, item 2; ADR 39); owns `bulk_actions` and
 * `bulk_action_items`. The runner is the workflow's `run-bulk-action` job handler.
 */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [BulkActionsController],
  providers: [BulkActionsService, BulkActionRunner],
  exports: [BulkActionRunner],
})
export class BulkActionsModule {}
