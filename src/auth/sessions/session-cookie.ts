import {
  clearCookie,
  type HttpRequest,
  type HttpResponse,
  requestProtocol,
  setCookie,
} from '../../common/http-exchange';
import type { AppConfig } from '../../config/config';

/**
 * The web session's cookie (ADR 34). `__Host-`: the browser takes it only when Secure, from a
 * secure origin (https, or http://localhost), without a Domain and with Path=/, so no other
 * host or path can set or shadow it.
 */
export const SESSION_COOKIE = '__Host-brug_session';
/** The header that proves a cookie-signed change comes from Brug's own pages. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.includes(method.toUpperCase());
}

/** One cookie's value from the Cookie header, or undefined. */
export function readCookie(request: HttpRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setSessionCookie(response: HttpResponse, token: string): void {
  // No Max-Age: a browser session cookie; the server ends the session (idle, lifetime).
  setCookie(response, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    path: '/',
  });
}

export function clearSessionCookie(response: HttpResponse): void {
  clearCookie(response, SESSION_COOKIE, {
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    path: '/',
  });
}

/**
 * Whether a request comes from one of Brug's own pages: its `Origin` (or, without one, its
 * `Referer`) is PUBLIC_URL's origin or the origin the request was sent to.
 */
export function sameOrigin(request: HttpRequest, config: AppConfig): boolean {
  let origin = request.headers.origin;
  if (!origin || origin === 'null') {
    const referer = request.headers.referer;
    if (!referer) return false;
    try {
      origin = new URL(referer).origin;
    } catch {
      return false;
    }
  }
  const allowed = new Set<string>([new URL(config.publicUrl).origin]);
  const host = request.headers.host;
  if (host) allowed.add(`${requestProtocol(request)}://${host}`);
  return allowed.has(origin);
}
