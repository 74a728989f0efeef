/**
 * The signed-in session: the bearer token and when it expires, kept in sessionStorage so that a
 * reload (or a deep link opened in the same tab) stays signed in, and closing the tab signs out.
 * A tiny external store, read by React through useSyncExternalStore.
 */
interface Stored {
  token: string;
  expiresAt: number;
}

export type SessionState =
  | { status: 'signed-in'; token: string; expiresAt: number }
  | { status: 'signed-out'; reason: 'none' | 'expired' | 'signed-out' };

const KEY = 'brug.session';
const listeners = new Set<() => void>();

function readStored(): Stored | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Stored>;
    return typeof value.token === 'string' && typeof value.expiresAt === 'number'
      ? { token: value.token, expiresAt: value.expiresAt }
      : null;
  } catch {
    return null;
  }
}

function initial(): SessionState {
  const stored = readStored();
  return stored && stored.expiresAt > Date.now()
    ? { status: 'signed-in', ...stored }
    : { status: 'signed-out', reason: stored ? 'expired' : 'none' };
}

let state: SessionState = initial();

function set(next: SessionState): void {
  state = next;
  if (next.status === 'signed-in') {
    sessionStorage.setItem(KEY, JSON.stringify({ token: next.token, expiresAt: next.expiresAt }));
  } else {
    sessionStorage.removeItem(KEY);
  }
  for (const listener of listeners) listener();
}

export const session = {
  /** The token to send, or null (also once it has expired). */
  token: (): string | null => {
    if (state.status !== 'signed-in') return null;
    if (state.expiresAt <= Date.now()) {
      set({ status: 'signed-out', reason: 'expired' });
      return null;
    }
    return state.token;
  },
  signIn: (token: string, expiresInSeconds: number): void => {
    set({ status: 'signed-in', token, expiresAt: Date.now() + expiresInSeconds * 1000 });
  },
  signOut: (): void => {
    set({ status: 'signed-out', reason: 'signed-out' });
  },
  /** The API refused the token: sign out and say so on the sign-in page. */
  expire: (): void => {
    if (state.status === 'signed-in') set({ status: 'signed-out', reason: 'expired' });
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): SessionState => state,
};
