import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

/**
 * Declares the error answers of a route, each as problem+json. The common ones (400 where
 * input is taken, 401/403 on protected routes, 429, 500) are added to every operation when the
 * document is built; routes declare the ones particular to them.
 */
export const ProblemResponses = (...statuses: number[]): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } },
        },
      }),
    ),
  );

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request: the input breaks a rule; `errors` names each field',
  401: 'Not signed in, or the token is invalid or expired',
  403: 'The caller’s role may not do this',
  404: 'No such resource, or not visible to the caller',
  409: 'Conflicts with the current state',
  412: 'The If-Match version is stale',
  413: 'The request body is too large',
  422: 'Well-formed, but breaks a business rule',
  428: 'If-Match is required',
  429: 'Too many requests; see Retry-After',
  500: 'Internal error; quote the request id',
  503: 'A dependency is unavailable',
};

/** The success answer of a route and its body type (the document cannot infer it). */
export const ApiResult = (
  type: (new () => object) | undefined,
  status: 200 | 201 | 202 | 204 = 200,
): MethodDecorator =>
  ApiResponse({
    status,
    description: { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'Done, no content' }[status],
    ...(type ? { type } : {}),
  });

/**
 * A change at the version the caller read (see src/common/etag.ts): `If-Match` is required, and
 * the route answers 428 without it and 412 when it names another version.
 */
export const IfMatchRequired = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: true,
      description:
        'The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches.',
    }),
    ProblemResponses(412, 428),
  );
