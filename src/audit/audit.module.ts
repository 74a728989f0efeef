import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AuditChecker } from './audit-checker';
import { AuditEraser, AuditErasureController } from './audit-erasure';
import { AuditLogReader } from './audit-log';
import { AuditReader } from './audit-reader';
import { AuditSigner } from './audit-signer';
import { AuditController, CaseAuditController } from './audit.controller';

@Module({
  imports: [CasesModule],
  controllers: [AuditController, CaseAuditController, AuditErasureController],
  providers: [AuditReader, AuditLogReader, AuditChecker, AuditEraser, AuditSigner],
  exports: [AuditReader, AuditSigner],
})
export class AuditModule {}
