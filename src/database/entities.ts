import { UserDomainEntity } from '../auth/entities/user-domain.entity';
import { UserEntity } from '../auth/entities/user.entity';
import { DomainEntity } from '../catalogue/entities/domain.entity';
import { OrganisationUnitEntity } from '../catalogue/entities/organisation-unit.entity';

/**
 * Every entity, listed by hand rather than found by a file glob, so the same list works in the
 * compiled service, in Jest (which runs the TypeScript sources) and in the TypeORM CLI.
 */
export const ENTITIES = [DomainEntity, OrganisationUnitEntity, UserEntity, UserDomainEntity];
