import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { ActorRef } from '../database/unit-of-work';
import { RoutingRulesService } from '../workflow/routing/routing-rules.service';
import { SlaPoliciesService } from '../workflow/sla/sla-policies.service';
import { DEMO_USERS, SEED_DOMAINS, SEED_UNITS } from './demo-catalogue';

const SEED_LOCK = 7_202_611_281;

/** Who the audit trail names for seeded records. */
const SEED_ACTOR: ActorRef = { id: null, role: 'system', name: 'Brug seed' };

export interface SeedReport {
  domains: number;
  units: number;
  users: number;
  routingRules: number;
  slaPolicies: number;
}

/**
 * The catalogue and the demo users. Idempotent: creates what is missing and leaves what exists
 * alone (an admin's later edits survive a restart). Serialised by an advisory lock so several
 * processes starting at once do not race. Goes through the owning modules' services.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly users: UsersService,
    private readonly routingRules: RoutingRulesService,
    private readonly slaPolicies: SlaPoliciesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Seeds the catalogue, and the demo users unless `users` is false (production installs take
   * the catalogue only; the configuration refuses DEMO_DATA there).
   */
  async seed(options: { users: boolean } = { users: true }): Promise<SeedReport> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
      try {
        const report = await this.seedUnlocked(options.users);
        this.logger.log(
          `Seeded: ${report.domains} domains, ${report.units} units, ${report.users} users created`,
        );
        return report;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async seedUnlocked(withUsers: boolean): Promise<SeedReport> {
    const report: SeedReport = { domains: 0, units: 0, users: 0, routingRules: 0, slaPolicies: 0 };
    const existingDomains = new Set((await this.catalogue.listDomains(true)).map((d) => d.code));
    for (const domain of SEED_DOMAINS) {
      if (existingDomains.has(domain.code)) continue;
      await this.catalogue.createDomain(SEED_ACTOR, domain);
      report.domains++;
    }
    const units = new Map(
      (await this.catalogue.listUnits({ includeInactive: true })).map((u) => [u.code, u.id]),
    );
    for (const unit of SEED_UNITS) {
      if (units.has(unit.code)) continue;
      units.set(unit.code, (await this.catalogue.createUnit(SEED_ACTOR, unit)).id);
      report.units++;
    }
    report.routingRules = await this.routingRules.seed(SEED_ACTOR);
    report.slaPolicies = await this.slaPolicies.seed(SEED_ACTOR);
    for (const user of withUsers ? DEMO_USERS : []) {
      if (await this.users.findIdByEmail(user.email)) continue;
      await this.users.create(SEED_ACTOR, {
        email: user.email,
        name: user.name,
        role: user.role,
        organisationUnitId: user.unit ? (units.get(user.unit) ?? null) : null,
        domains: user.domains,
        password: this.config.demoPassword,
      });
      report.users++;
    }
    return report;
  }
}
