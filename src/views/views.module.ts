import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ViewsController } from './views.controller';
import { ViewsService } from './views.service';

/** Saved views of the case list (issue 19, item 1; ADR 38); owns `saved_views`. */
@Module({
  imports: [AuthModule, CatalogueModule],
  controllers: [ViewsController],
  providers: [ViewsService],
})
export class ViewsModule {}
