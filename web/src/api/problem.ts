import type { components } from './schema';

export type Problem = components['schemas']['ProblemDto'];
export type FieldError = components['schemas']['FieldErrorDto'];

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { title?: unknown }).title === 'string'
  );
}

/** An answer of the API that is not a success: its status and, when it sent one, its problem. */
export class ApiProblem extends Error {
  readonly problem: Problem | null;

  constructor(
    readonly status: number,
    body: unknown,
  ) {
    const problem = isProblem(body) ? body : null;
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.problem = problem;
  }

  /** The API's `errors` list (validation failures), one entry per field. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

/** Whether an error is the API saying no (4xx): retrying will not change its mind. */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiProblem && error.status >= 400 && error.status < 500;
}
