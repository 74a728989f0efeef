import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AuditReader } from './audit-reader';
import { AuditController, CaseAuditController } from './audit.controller';

@Module({
  imports: [CasesModule],
  controllers: [AuditController, CaseAuditController],
  providers: [AuditReader],
  exports: [AuditReader],
})
export class AuditModule {}
