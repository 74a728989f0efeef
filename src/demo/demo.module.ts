import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DemoDataService } from './demo-data.service';

@Module({
  imports: [AuthModule, CatalogueModule, WorkflowModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoModule {}
