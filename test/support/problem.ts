import type { Response } from 'supertest';

/** Asserts an RFC 9457 problem+json answer with the given status, and no stack trace in it. */
export function expectProblem(response: Response, status: number): Record<string, unknown> {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['api-version']).toBe('1.0.0');
  const body = JSON.parse(response.text) as Record<string, unknown>;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(typeof body.detail).toBe('string');
  expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(response.text).not.toMatch(/node_modules|stack/i);
  return body;
}
