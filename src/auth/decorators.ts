import { SetMetadata } from '@nestjs/common';

// The access decorators are shared by every feature (src/common/access.ts); the guard is here.
export { CurrentActor, Public, PUBLIC_ROUTE, Roles, ROUTE_ROLES, SignedIn } from '../common/access';

export const BEFORE_SECOND_FACTOR = 'brug:before-second-factor';

/**
 * Open to a person who must set up a second factor and has none yet (`/me`, setting it up):
 * every other route refuses them with `second_factor_setup_required` (ADR 35).
 */
export const BeforeSecondFactor = (): MethodDecorator => SetMetadata(BEFORE_SECOND_FACTOR, true);
