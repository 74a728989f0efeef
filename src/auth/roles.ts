// The roles and the actor are shared access vocabulary (src/common/access.ts).
export { ROLES, type Actor, type Role } from '../common/access';
