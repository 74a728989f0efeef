import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { MethodNotAllowedException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Forbidden, Unauthenticated } from '../../auth/auth.errors';
import { AuthService } from '../../auth/auth.service';
import { readCookie, SESSION_COOKIE } from '../../auth/sessions/session-cookie';
import { SessionsService } from '../../auth/sessions/sessions.service';
import {
  exchangeOf,
  type HttpRequest,
  type HttpResponse,
  negotiate,
  redirect,
  requestUrl,
  setHeader,
} from '../../common/http-exchange';
import { ProblemFilter } from '../../common/problem.filter';
import { QueueService } from './queue.service';

export const BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'brug_board';
/** The web UI's page that explains the board and opens it for an admin (web/src/admin/). */
export const BOARD_UI_PAGE = '/admin/queue-board';

function cookie(request: HttpRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
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
function wantsPage(request: HttpRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    negotiate(request).type(['application/json', 'text/html']) === 'text/html'
  );
}

/** The only methods the board answers: it is read-only (ADR 0020). */
const BOARD_METHODS = ['GET', 'HEAD'];

function onBoard(url: string): boolean {
  return url === BOARD_PATH || url.startsWith(`${BOARD_PATH}/`) || url.startsWith(`${BOARD_PATH}?`);
}

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
 *
 * The check is a hook on every request under the board's path, routed or not, so that a
 * method or path the board does not have is refused in the same way.
 */
export function mountQueueBoard(app: NestFastifyApplication): void {
  const adapter = new FastifyAdapter();
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
  const actorOf = (request: HttpRequest) => {
    const session = request.headers.authorization ? undefined : readCookie(request, SESSION_COOKIE);
    if (session) return sessions.authenticate(session).then((s) => s.actor);
    const token = cookie(request, BOARD_COOKIE);
    return auth.authenticate(
      request.headers.authorization ?? (token ? `Bearer ${token}` : undefined),
    );
  };
  const problems = new ProblemFilter();
  /** Whether the request may go on to the board; when not, it has been answered here. */
  const admit = async (request: HttpRequest, response: HttpResponse): Promise<boolean> => {
    try {
      const actor = await actorOf(request);
      if (actor.role !== 'admin') throw new Forbidden('The queue dashboard is for admins.');
      await auth.assertSecondFactorSetUp(actor);
    } catch (error) {
      const refusal = error instanceof Unauthenticated || error instanceof Forbidden;
      if (refusal && wantsPage(request)) {
        setHeader(response, 'Cache-Control', 'no-store');
        redirect(response, `${BOARD_UI_PAGE}?to=${encodeURIComponent(requestUrl(request))}`, 303);
      } else {
        problems.respond(error instanceof Error ? error : new Unauthenticated(), request, response);
      }
      return false;
    }
    if (BOARD_METHODS.includes(request.method)) return true;
    setHeader(response, 'Allow', BOARD_METHODS.join(', '));
    problems.respond(
      new MethodNotAllowedException(
        'The queue dashboard is read-only; retry failed jobs with POST /api/v1/admin/failed-jobs/{id}/retry.',
      ),
      request,
      response,
    );
    return false;
  };
  const fastify = app.getHttpAdapter().getInstance();
  // Every request passes this hook; any other path goes on at once, without a promise.
  fastify.addHook('onRequest', (req, reply, done) => {
    if (!onBoard(req.url)) return done();
    const { request, response } = exchangeOf(req, reply);
    admit(request, response).then(
      (admitted) => {
        if (admitted) done();
      },
      (error: Error) => done(error),
    );
  });
  void fastify.register(adapter.registerPlugin(), { prefix: BOARD_PATH });
}
