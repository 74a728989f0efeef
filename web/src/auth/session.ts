/**
 * The signed-in session (ADR 34): the service keeps it and the browser holds it only as an
 * HttpOnly cookie, so nothing of it lives in sessionStorage or localStorage. What the page keeps,
 * in memory, is whether there is one and its CSRF token, sent with every change. On load the
 * page asks the service (`GET /auth/session`). A tiny external store, read by React through
 * useSyncExternalStore.
 */
export interface SessionInfo {
  csrfToken: string;
  method: 'password' | 'oidc';
  provider: string | null;
}

export type SessionState =
  | { status: 'unknown' }
  | ({ status: 'signed-in' } & SessionInfo)
  | { status: 'signed-out'; reason: 'none' | 'expired' | 'signed-out' };

const listeners = new Set<() => void>();
let state: SessionState = { status: 'unknown' };

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Asks the service whether this browser has a session (its cookie is sent by itself). */
async function load(): Promise<void> {
  try {
    const response = await fetch('/api/v1/auth/session', {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (response.ok) {
      const info = (await response.json()) as SessionInfo;
      set({
        status: 'signed-in',
        csrfToken: info.csrfToken,
        method: info.method,
        provider: info.provider,
      });
    } else {
      set({ status: 'signed-out', reason: 'none' });
    }
  } catch {
    set({ status: 'signed-out', reason: 'none' });
  }
}

let loading: Promise<void> | null = null;

export const session = {
  /** The CSRF token to send with a change, or null. */
  csrfToken: (): string | null => (state.status === 'signed-in' ? state.csrfToken : null),
  /** Reads the session from the service (once at start, and after a sign-in elsewhere). */
  load: (): Promise<void> => {
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  },
  signIn: (info: SessionInfo): void => {
    set({ status: 'signed-in', ...info });
  },
  signOut: (): void => {
    set({ status: 'signed-out', reason: 'signed-out' });
  },
  /** The service refused the session: sign out here and say so on the sign-in page. */
  expire: (): void => {
    if (state.status === 'signed-in') set({ status: 'signed-out', reason: 'expired' });
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): SessionState => state,
};

void session.load();
