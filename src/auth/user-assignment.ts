import type { FieldError } from '../common/errors';
import type { OrganisationUnitKind } from '../catalogue/entities/organisation-unit.entity';
import type { Role } from './roles';

/**
 * What each role needs to work in Brug: buyers file for a municipal unit, staff work in a
 * MeentCoop team, budget holders hold at least one domain; only budget holders hold domains.
 * Pure, so the rule is tested on its own and applied on create and on every update.
 */
export function assignmentProblems(
  role: Role,
  unitKind: OrganisationUnitKind | null,
  domainCount: number,
): FieldError[] {
  const problems: FieldError[] = [];
  const unit = (message: string) => problems.push({ field: 'organisationUnitId', message });
  switch (role) {
    case 'buyer':
      if (unitKind !== 'municipal') unit('a buyer needs a municipal organisation unit');
      break;
    case 'staff':
      if (unitKind !== 'meentcoop_team') unit('staff need a MeentCoop team');
      break;
    case 'budget_holder':
      if (unitKind === 'meentcoop_team')
        unit('a budget holder belongs to a municipal unit or none');
      if (domainCount === 0)
        problems.push({ field: 'domains', message: 'a budget holder holds at least one domain' });
      break;
    case 'auditor':
    case 'admin':
      break;
  }
  if (role !== 'budget_holder' && domainCount > 0) {
    problems.push({ field: 'domains', message: 'only budget holders hold domains' });
  }
  return problems;
}
