import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  OpenAPIObject,
  SwaggerModule,
  type OperationObject,
  type PathItemObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { API_BASE_PATH, API_VERSION } from './api-version';
import { PROBLEM_DESCRIPTIONS } from './openapi-decorators';
import { ProblemDto } from './problem.dto';

const METHODS = ['get', 'head', 'put', 'post', 'patch', 'delete'] as const;
const PROBLEM_REF = { $ref: '#/components/schemas/ProblemDto' };

/**
 * Builds the OpenAPI 3 document from the controllers, then applies the conventions of the
 * NLGov API Design Rules to every operation in one pass, so no route can forget them:
 * `API-Version` on every 2xx/3xx, problem+json on every 4xx/5xx, 400 wherever input is taken,
 * 401/403 on protected routes, and the roles that may call each route.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Brug API')
    .setDescription(
      'Procurement-bridging case tracker for the City of Amsterdam and MeentCoop. ' +
        'Every route names the roles that may call it (`x-brug-roles`), or is public.',
    )
    .setVersion(API_VERSION)
    .setContact('MeentCoop Brug team', 'https://meentcoop.example/brug', 'brug@meentcoop.example')
    .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl')
    .addServer(API_BASE_PATH)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
  return applyConventions(document);
}

export function applyConventions(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.headers = {
    ...document.components.headers,
    'API-Version': {
      description: 'The full semantic version of the API.',
      schema: { type: 'string', example: API_VERSION },
    },
  };

  const paths: Record<string, PathItemObject> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const inApi = path.startsWith(`${API_BASE_PATH}/`);
    const relative = inApi ? path.slice(API_BASE_PATH.length) : path;
    // Health and metrics live outside /api/v1: say so with a path-level server.
    const pathItem: PathItemObject = inApi ? item : { ...item, servers: [{ url: '/' }] };
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation) finishOperation(operation, method);
    }
    paths[relative] = pathItem;
  }
  document.paths = paths;
  return document;
}

function finishOperation(operation: OperationObject, method: (typeof METHODS)[number]): void {
  const extensions = operation as OperationObject & {
    'x-brug-roles'?: string[];
    'x-brug-access'?: string;
  };
  const isPublic = extensions['x-brug-access'] === 'public';
  const roles = extensions['x-brug-roles'];
  operation.description = [
    operation.description,
    isPublic ? 'Access: public.' : `Roles: ${(roles ?? []).join(', ')}.`,
  ]
    .filter(Boolean)
    .join('\n\n');

  const responses = operation.responses;
  const takesInput =
    method === 'post' ||
    method === 'put' ||
    method === 'patch' ||
    (operation.parameters?.length ?? 0) > 0;
  const needed = [
    ...(takesInput ? [400] : []),
    ...(isPublic ? [] : [401, 403]),
    ...(method === 'post' || method === 'put' || method === 'patch' ? [413] : []),
    500,
  ];
  for (const status of needed) {
    responses[String(status)] ??= { description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem' };
  }

  for (const [status, response] of Object.entries(responses)) {
    if (!response || '$ref' in response) continue;
    const code = Number(status);
    const r: ResponseObject = response;
    if (code >= 200 && code < 400) {
      r.headers = { ...r.headers, 'API-Version': { $ref: '#/components/headers/API-Version' } };
    } else if (code >= 400) {
      r.content = { 'application/problem+json': { schema: PROBLEM_REF } };
      r.description ||= PROBLEM_DESCRIPTIONS[code] ?? 'Problem';
    }
  }
}
