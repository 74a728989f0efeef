import type { Actor } from '../common/access';

declare global {
  // Express's request, as Brug's middleware and guard leave it.
  namespace Express {
    interface Request {
      id: string;
      actor?: Actor;
      /** The web session (cookie) this request was signed in by, if any (ADR 34). */
      sessionId?: string;
    }
  }
}

export {};
