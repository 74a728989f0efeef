import type { FieldError, FieldErrorCode } from '../common/errors';
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
  const unit = (code: FieldErrorCode, message: string, params?: Record<string, unknown>) =>
    problems.push({ field: 'organisationUnitId', code, message, ...(params ? { params } : {}) });
  switch (role) {
    case 'buyer':
      if (unitKind !== 'municipal')
        unit('unit_required', 'a buyer needs a municipal organisation unit', {
          role,
          kind: 'municipal',
        });
      break;
    case 'staff':
      if (unitKind !== 'meentcoop_team')
        unit('unit_required', 'staff need a MeentCoop team', { role, kind: 'meentcoop_team' });
      break;
    case 'budget_holder':
      if (unitKind === 'meentcoop_team')
        unit('unit_not_allowed', 'a budget holder belongs to a municipal unit or none', {
          role,
          kind: 'meentcoop_team',
        });
      if (domainCount === 0)
        problems.push({
          field: 'domains',
          code: 'domains_required',
          message: 'a budget holder holds at least one domain',
        });
      break;
    case 'auditor':
    case 'admin':
      break;
  }
  if (role !== 'budget_holder' && domainCount > 0) {
    problems.push({
      field: 'domains',
      code: 'domains_not_allowed',
      message: 'only budget holders hold domains',
      params: { role },
    });
  }
  return problems;
}
