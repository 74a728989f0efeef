import createClient, { type Middleware } from 'openapi-fetch';
import { session } from '../auth/session';
import { ApiProblem } from './problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type CaseDto = Schemas['CaseDto'];
export type CaseStatus = CaseDto['status'];
export type Priority = CaseDto['priority'];
export type ProcurementStage = CaseDto['procurementStage'];
export type ProcurementKind = NonNullable<CaseDto['procurementKind']>;
export type SupplierType = NonNullable<Schemas['OutcomeDto']['supplierType']>;
export type Role = Schemas['MeDto']['role'];
export type Me = Schemas['MeDto'];
export type Domain = Schemas['DomainDto'];
export type Team = Schemas['OrganisationUnitDto'];

/** Every path of the API is relative to its server, `/api/v1` (see the OpenAPI `servers`). */
export const API_BASE = '/api/v1';

/** The typed client: paths, parameters and bodies checked against web/src/api/schema.d.ts. */
export const api = createClient<paths>({ baseUrl: API_BASE });

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * The session travels in its HttpOnly cookie (ADR 34); every change carries the session's CSRF
 * token too, which another site's page cannot read.
 */
const csrf: Middleware = {
  onRequest({ request }) {
    const token = session.csrfToken();
    if (token && !SAFE_METHODS.includes(request.method)) request.headers.set('X-CSRF-Token', token);
    return request;
  },
  onResponse({ request, response }) {
    // A session that expired or was ended: back to the sign-in page, saying why.
    if (response.status === 401 && !request.url.includes('/auth/session')) session.expire();
    return undefined;
  },
};
api.use(csrf);

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call, or an ApiProblem carrying the problem+json the API answered with. */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok || error !== undefined) throw new ApiProblem(response.status, error);
  return data as T;
}

/** The `If-Match` value for a version read earlier (optimistic concurrency). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/**
 * Fetches a file the API streams (exports) in the caller's session and hands it to the browser
 * as a download, with the name the API gives it.
 */
export async function download(
  path: string,
  fallbackName: string,
  accept = 'application/json',
): Promise<void> {
  const headers = new Headers({ Accept: accept });
  const response = await fetch(`${API_BASE}${path}`, { headers, credentials: 'same-origin' });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 401) session.expire();
    throw new ApiProblem(response.status, body);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
