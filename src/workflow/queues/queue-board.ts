import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { MethodNotAllowedException, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Forbidden, Unauthenticated } from '../../auth/auth.errors';
import { AuthService } from '../../auth/auth.service';
import { readCookie, SESSION_COOKIE } from '../../auth/sessions/session-cookie';
import { SessionsService } from '../../auth/sessions/sessions.service';
import { exchangeOf } from '../../common/http-exchange';
import { ProblemFilter } from '../../common/problem.filter';
import { QueueService } from './queue.service';

export const BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'brug_board';
/** The web UI's page that explains the board and opens it for an admin (web/src/admin/). */
export const BOARD_UI_PAGE = '/admin/queue-board';

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * A person opening the board in a browser (a GET that prefers HTML to JSON) without a valid
 * admin cookie gets the web UI's page about it, which opens the board for an admin and shows
 * "no access" to anyone else, instead of a raw problem+json. API clients keep the 401/403.
 */
function wantsPage(req: Request): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    req.accepts(['application/json', 'text/html']) === 'text/html'
  );
}

/** The only methods the board answers: it is read-only (ADR 0020). */
const BOARD_METHODS = ['GET', 'HEAD'];

/**
 * Bull Board (the queue dashboard) at /admin/queues, for admins only: a bearer token in the
 * Authorization header, or in the HttpOnly cookie that `POST /api/v1/admin/queue-board/session`
 * sets for browsers (which cannot send headers on navigation).
 *
 * Read-only (ADR 0020): its actions (pause, add, edit, remove, retry, clean, promote…) would
 * change queues without an audit event, so every queue is in Bull Board's `readOnlyMode` and,
 * in case a version of the board forgets to check it on some route, every request other than
 * GET or HEAD is refused here with 405 before the board sees it. Changes go through Brug's own
 * audited routes (`/api/v1/admin/failed-jobs`).
 */
export function mountQueueBoard(app: INestApplication): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: Object.values(app.get(QueueService).queues).map(
      (q) => new BullMQAdapter(q, { readOnlyMode: true, allowRetries: false }),
    ),
    serverAdapter: adapter,
  });
  const auth = app.get(AuthService);
  const sessions = app.get(SessionsService);
  // The web UI's session cookie opens the board too (GET only, so no CSRF proof is needed).
  const actorOf = (req: Request) => {
    const session = req.headers.authorization ? undefined : readCookie(req, SESSION_COOKIE);
    if (session) return sessions.authenticate(session).then((s) => s.actor);
    const token = cookie(req, BOARD_COOKIE);
    return auth.authenticate(req.headers.authorization ?? (token ? `Bearer ${token}` : undefined));
  };
  const problems = new ProblemFilter();
  const adminOnly = (req: Request, res: Response, next: NextFunction): void => {
    actorOf(req)
      .then(async (actor) => {
        if (actor.role !== 'admin') throw new Forbidden('The queue dashboard is for admins.');
        await auth.assertSecondFactorSetUp(actor);
        next();
      })
      .catch((error: unknown) => {
        const refusal = error instanceof Unauthenticated || error instanceof Forbidden;
        if (refusal && wantsPage(req)) {
          res.setHeader('Cache-Control', 'no-store');
          res.redirect(303, `${BOARD_UI_PAGE}?to=${encodeURIComponent(req.originalUrl)}`);
          return;
        }
        const { request, response } = exchangeOf(req, res);
        problems.respond(error instanceof Error ? error : new Unauthenticated(), request, response);
      });
  };
  const readOnly = (req: Request, res: Response, next: NextFunction): void => {
    if (BOARD_METHODS.includes(req.method)) return next();
    res.setHeader('Allow', BOARD_METHODS.join(', '));
    const { request, response } = exchangeOf(req, res);
    problems.respond(
      new MethodNotAllowedException(
        'The queue dashboard is read-only; retry failed jobs with POST /api/v1/admin/failed-jobs/{id}/retry.',
      ),
      request,
      response,
    );
  };
  app.use(BOARD_PATH, adminOnly, readOnly, adapter.getRouter());
}
