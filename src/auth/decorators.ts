// The access decorators are shared by every feature (src/common/access.ts); the guard is here.
export { CurrentActor, Public, PUBLIC_ROUTE, Roles, ROUTE_ROLES, SignedIn } from '../common/access';
