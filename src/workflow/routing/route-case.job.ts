import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { CaseReader } from '../../cases/case-reader';
import { CasesService } from '../../cases/cases.service';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { Clock } from '../../common/clock';
import { RoutingRulesService } from './routing-rules.service';
import { FALLBACK_TEAM_CODE, firstMatch } from './routing-rules';
import { SlaPoliciesService } from '../sla/sla-policies.service';

/**
 * `filed → routed`: the first matching rule names the team (the intake team otherwise), the
 * team member with the fewest open koppels becomes the MeentCoop contact, the SLA policy of the
 * case's priority gives the due times. Effect-once: a case that is no longer filed is left alone,
 * and the routing itself only applies to a filed case (checked again in its transaction).
 */
@Injectable()
export class RouteCaseJob {
  private readonly logger = new Logger('RouteCaseJob');

  constructor(
    private readonly reader: CaseReader,
    private readonly cases: CasesService,
    private readonly rules: RoutingRulesService,
    private readonly sla: SlaPoliciesService,
    private readonly catalogue: CatalogueService,
    private readonly clock: Clock,
  ) {}

  async handle(data: { caseId: string }): Promise<'routed' | 'skipped'> {
    const facts = await this.reader.workflowFacts(data.caseId);
    if (!facts || facts.status !== 'filed') return 'skipped';
    const rule = firstMatch(await this.rules.active(), facts);
    let teamId = rule?.teamId;
    if (!teamId) {
      const intake = await this.catalogue.findUnitByCode(FALLBACK_TEAM_CODE);
      // A configuration fault, not a passing one: retrying finds no team either. The job fails at
      // once into the failed set; an admin creates the team and retries it there.
      if (!intake) {
        throw new UnrecoverableError(`The fallback team ${FALLBACK_TEAM_CODE} does not exist`);
      }
      teamId = intake.id;
    }
    // The team's active staff member with the fewest open koppels (ties: the lowest id).
    const contact = await this.reader.leastBusyContact(teamId);
    // The due times count from this moment, which the case keeps as its routing time.
    const routedAt = this.clock.now();
    const due = await this.sla.dueDates(facts.priority, routedAt);
    const routed = await this.cases.route(facts.id, {
      teamId,
      koppelMeentcoopId: contact,
      acceptBy: due.acceptBy,
      proposeBy: due.proposeBy,
      counts: due.counts,
      routedAt,
      rule: rule?.name ?? `fallback: ${FALLBACK_TEAM_CODE}`,
    });
    if (routed) this.logger.log(`Routed ${facts.reference} (${rule?.name ?? 'fallback'})`);
    return routed ? 'routed' : 'skipped';
  }
}
