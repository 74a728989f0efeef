import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { Mailer } from '../workflow/notifications/mailer';
import { WorkflowModule } from '../workflow/workflow.module';
import { SignalDigests } from './signal-digests';
import { SignalMaker } from './signal-maker';

/**
 * The signals' work in the processes that run workers (ADR 40): making signals from the outbox
 * events and the daily digest, as handlers of the workflow's `signals` queue.
 */
@Module({
  imports: [WorkflowModule, CasesModule, AuthModule],
  providers: [SignalMaker, SignalDigests, Mailer],
  exports: [SignalDigests],
})
export class SignalsWorkersModule {}
