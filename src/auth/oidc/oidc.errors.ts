import { DomainError } from '../../common/errors';

export class IdentityMappingNotFound extends DomainError {
  readonly code = 'identity_mapping_not_found';
  readonly title = 'Identity mapping not found';
  constructor(id: string) {
    super(`There is no identity mapping with id ${id}.`, { params: { id } });
  }
}

export class IdentityMappingExists extends DomainError {
  readonly code = 'identity_mapping_exists';
  readonly title = 'Identity mapping already exists';
  constructor(provider: string, claimValue: string) {
    super(`Provider ${provider} already has a mapping for "${claimValue}".`, {
      params: { provider, claimValue },
      errors: [{ field: 'claimValue', code: 'in_use', message: 'is already mapped' }],
    });
  }
}
