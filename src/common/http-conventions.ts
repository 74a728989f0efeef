import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { API_BASE_PATH, API_VERSION } from './api-version';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Conventions that hold for every response, including errors and unknown routes: a request
 * id (kept from `X-Request-Id` when it is safe to echo), `API-Version`, and no caching of API
 * answers, which may hold personal data.
 */
export function httpConventions(req: Request, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  req.id = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  res.setHeader('API-Version', API_VERSION);
  if (req.path.startsWith(API_BASE_PATH) || req.path.startsWith('/health')) {
    res.setHeader('Cache-Control', 'no-store');
  }
  next();
}
