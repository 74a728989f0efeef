import { Module } from '@nestjs/common';
import { AuditSequencer } from './audit-sequencer';
import { AuditModule } from './audit.module';

/**
 * The audit sequencer (ADR 29): in every worker process (and the API's, with its workers),
 * unless AUDIT_SEQUENCER=off; one of them at a time sequences, elected by an advisory lock.
 */
@Module({
  imports: [AuditModule],
  providers: [AuditSequencer],
})
export class AuditSequencerModule {}
