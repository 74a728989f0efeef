import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult, ProblemResponses } from '../../common/openapi-decorators';
import { uuidParam } from '../../common/validators';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { refOf } from '../../database/unit-of-work';
import { Forbidden, Unauthenticated } from '../auth.errors';
import { AuthService } from '../auth.service';
import { BeforeSecondFactor, CurrentActor, Public, Roles, SignedIn } from '../decorators';
import { MySessionsDto, SessionDto, SessionSignInDto, SignOutDto } from '../dto/session.dto';
import { SecondFactorSignInDto } from '../dto/token.dto';
import type { Actor } from '../roles';
import { EndSessionLinks } from './end-session-links';
import {
  clearSessionCookie,
  readCookie,
  sameOrigin,
  SESSION_COOKIE,
  setSessionCookie,
} from './session-cookie';
import { SessionsService } from './sessions.service';
import { type HttpRequest, type HttpResponse } from '../../common/http-exchange';

/**
 * The web UI's cookie sessions (ADR 34): signing in with a password into a session, the
 * session's CSRF token, signing out, "my sessions", and an admin ending a user's sessions.
 */
@ApiTags('Authentication')
@Controller()
export class SessionsController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly endSessionLinks: EndSessionLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('auth/session')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Sign in to the web UI with email and password: sets the session cookie',
    description:
      'Sets `__Host-brug_session` (HttpOnly, Secure, SameSite=Lax) and answers the session with its CSRF token. Only from this site’s own pages (`Origin`). A person with a second factor gets `401 second_factor_required` with a `challenge` for `POST /auth/session/second-factor`. `404` when `PASSWORD_SIGNIN=false`.',
  })
  @ProblemResponses(401, 403, 404, 429)
  @ApiResult(SessionDto)
  async signIn(
    @Body() body: SessionSignInDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<SessionDto> {
    this.passwordSignInOn();
    this.assertOwnOrigin(request);
    const user = await this.auth.passwordStep(body.email, body.password, request.ip ?? 'unknown');
    return this.begin(user, request, response);
  }

  @Post('auth/session/second-factor')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Sign in to the web UI, second step: the challenge and a code; sets the cookie',
  })
  @ProblemResponses(401, 403, 404, 422, 429)
  @ApiResult(SessionDto)
  async secondFactor(
    @Body() body: SecondFactorSignInDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<SessionDto> {
    this.passwordSignInOn();
    this.assertOwnOrigin(request);
    const user = await this.auth.secondStep(body.challenge, body.code);
    return this.begin(user, request, response);
  }

  @Get('auth/session')
  @Public()
  @ApiOperation({
    summary: 'The current web session (by its cookie) and its CSRF token; 401 without one',
  })
  @ProblemResponses(401)
  @ApiResult(SessionDto)
  async current(
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<SessionDto> {
    const cookie = readCookie(request, SESSION_COOKIE);
    if (!cookie) throw new Unauthenticated('There is no session in this browser.');
    try {
      const session = await this.sessions.authenticate(cookie);
      return {
        csrfToken: this.sessions.csrfToken(cookie),
        method: session.method,
        provider: session.provider,
        createdAt: session.createdAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        idleExpiresAt: session.idleExpiresAt.toISOString(),
      };
    } catch (error) {
      if (error instanceof Unauthenticated) clearSessionCookie(response);
      throw error;
    }
  }

  @Delete('auth/session')
  @HttpCode(200)
  @SignedIn()
  @BeforeSecondFactor()
  @ApiOperation({
    summary: 'Sign out: ends this web session and clears its cookie',
    description:
      'For a session begun at an identity provider, `redirectTo` is the provider’s end-session URL: send the browser there to sign out at the provider too.',
  })
  @ProblemResponses(400)
  @ApiResult(SignOutDto)
  async signOut(
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<SignOutDto> {
    clearSessionCookie(response);
    if (!request.sessionId) return { redirectTo: null };
    const ended = await this.sessions.signOut(request.sessionId);
    return { redirectTo: ended ? await this.endSessionLinks.for(ended) : null };
  }

  @Get('me/sessions')
  @SignedIn()
  @BeforeSecondFactor()
  @ApiOperation({ summary: 'My open web sessions, newest first (at most 100)' })
  @ApiResult(MySessionsDto)
  async mine(@CurrentActor() actor: Actor, @Req() request: HttpRequest): Promise<MySessionsDto> {
    const rows = await this.sessions.list(actor.id);
    return {
      items: rows.map((s) => ({
        ...s,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        current: s.id === request.sessionId,
      })),
    };
  }

  // No If-Match: a session has no version; ending one is final.
  @Delete('me/sessions/:id')
  @HttpCode(204)
  @SignedIn()
  @BeforeSecondFactor()
  @ApiOperation({ summary: 'End one of my web sessions (in any browser, this one too)' })
  @ProblemResponses(404)
  @ApiResult(undefined, 204)
  async endMine(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<void> {
    await this.sessions.endOwn(actor.id, id);
    if (id === request.sessionId) clearSessionCookie(response);
  }

  // No If-Match: ending sessions changes no versioned resource.
  @Delete('users/:id/sessions')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'End every web session of a user (audited)' })
  @ProblemResponses(404)
  @ApiResult(undefined, 204)
  async endAllOf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.sessions.endAllOf(refOf(actor), id);
  }

  private async begin(
    user: { id: string; tokenVersion: number },
    request: HttpRequest,
    response: HttpResponse,
  ): Promise<SessionDto> {
    const session = await this.sessions.create({
      userId: user.id,
      tokenVersion: user.tokenVersion,
      method: 'password',
      address: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    });
    setSessionCookie(response, session.token);
    const now = session.expiresAt.getTime() - this.config.sessionLifetimeSeconds * 1000;
    return {
      csrfToken: this.sessions.csrfToken(session.token),
      method: 'password',
      provider: null,
      createdAt: new Date(now).toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      idleExpiresAt: new Date(
        Math.min(now + this.config.sessionIdleSeconds * 1000, session.expiresAt.getTime()),
      ).toISOString(),
    };
  }

  /** A sign-in into a cookie only from Brug's own pages (no login CSRF). */
  private assertOwnOrigin(request: HttpRequest): void {
    if (!sameOrigin(request, this.config)) {
      throw new Forbidden('Sign in from Brug’s own sign-in page.', { reason: 'csrf_origin' });
    }
  }

  private passwordSignInOn(): void {
    if (!this.config.passwordSignIn) throw new NotFoundException();
  }
}
