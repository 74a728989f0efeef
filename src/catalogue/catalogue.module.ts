import { Module } from '@nestjs/common';
import { CatalogueService } from './catalogue.service';
import { DomainsController } from './domains.controller';
import { OrganisationUnitsController } from './organisation-units.controller';
import { TeamsController } from './teams.controller';

@Module({
  controllers: [DomainsController, TeamsController, OrganisationUnitsController],
  providers: [CatalogueService],
  exports: [CatalogueService],
})
export class CatalogueModule {}
