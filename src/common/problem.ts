import type { FieldError } from './errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, as every Brug error response carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  /** What a client needs to word the problem from its `code` in its own language (ADR 23). */
  params?: Record<string, unknown>;
}

export function problemType(code: string): string {
  return `urn:brug:problem:${code.replace(/_/g, '-')}`;
}
