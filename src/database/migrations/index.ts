import { InitialSchema1795847995736 } from './1795847995736-InitialSchema';
import { CasesOutboxAudit1795848883659 } from './1795848883659-CasesOutboxAudit';

/**
 * Every migration, in order. A generated migration is added here by hand after it has been
 * read and finished (see docs/development.md).
 */
export const MIGRATIONS: (new () => object)[] = [
  InitialSchema1795847995736,
  CasesOutboxAudit1795848883659,
];
