import { DomainError } from '../common/errors';

export class DomainNotFound extends DomainError {
  readonly code = 'domain_not_found';
  readonly title = 'Domain not found';
  constructor(code: string) {
    super(`There is no policy domain with code "${code}".`, { params: { code } });
  }
}

export class DomainExists extends DomainError {
  readonly code = 'domain_exists';
  readonly title = 'Domain already exists';
  constructor(code: string) {
    super(`A policy domain with code "${code}" already exists.`, {
      errors: [{ field: 'code', code: 'in_use', message: 'is already in use', params: { code } }],
      params: { code },
    });
  }
}

export class OrganisationUnitNotFound extends DomainError {
  readonly code = 'organisation_unit_not_found';
  readonly title = 'Organisation unit not found';
  constructor(id: string) {
    super(`There is no organisation unit ${id}.`, { params: { id } });
  }
}

export class OrganisationUnitExists extends DomainError {
  readonly code = 'organisation_unit_exists';
  readonly title = 'Organisation unit already exists';
  constructor(code: string) {
    super(`An organisation unit with code "${code}" already exists.`, {
      errors: [{ field: 'code', code: 'in_use', message: 'is already in use', params: { code } }],
      params: { code },
    });
  }
}
