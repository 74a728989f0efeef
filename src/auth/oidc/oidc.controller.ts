import { Controller, Get, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiResult, ProblemResponses } from '../../common/openapi-decorators';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { Public } from '../decorators';
import { SignInOptionsDto } from '../dto/identity-mapping.dto';
import { readCookie, setSessionCookie } from '../sessions/session-cookie';
import { SessionsService } from '../sessions/sessions.service';
import { OidcProblem, OidcSignInService } from './oidc-sign-in.service';
import {
  type HttpRequest,
  type HttpResponse,
  clearCookie,
  redirect,
  requestUrl,
  setCookie,
  setHeader,
} from '../../common/http-exchange';

/** The cookie that ties a started sign-in to this browser (ten minutes; ADR 33). */
const FLOW_COOKIE = '__Host-brug_oidc';

/** Only paths inside the app are followed after signing in (no open redirect). */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
    ? value.slice(0, 2000)
    : '/';
}

/**
 * Signing in through an identity provider (ADR 33): the browser is sent to the provider and
 * comes back to the callback, which ends in the web UI with a session cookie, or on the sign-in
 * problem page (`/sign-in/problem?code=…`) with a log line; never an error answer.
 */
@ApiTags('Authentication')
@Controller('auth')
export class OidcController {
  private readonly logger = new Logger('Oidc');

  constructor(
    private readonly signIn: OidcSignInService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('providers')
  @Public()
  @ApiOperation({ summary: 'How people sign in here: the providers’ buttons and the form' })
  @ApiResult(SignInOptionsDto)
  options(): SignInOptionsDto {
    return {
      passwordSignIn: this.config.passwordSignIn,
      providers: this.config.oidcProviders.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        startUrl: `/api/v1/auth/oidc/${p.id}/start`,
      })),
      supportContact: this.config.oidcSupportContact,
    };
  }

  @Get('oidc/:provider/start')
  @Public()
  @ApiOperation({ summary: 'Start signing in at a provider: a redirect to its sign-in page' })
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of the web UI.' })
  @ApiResponse({ status: 303, description: 'To the provider, or to the sign-in problem page' })
  @ProblemResponses(400)
  async start(
    @Param('provider') providerId: string,
    @Query('returnTo') returnTo: unknown,
    @Req() request: HttpRequest,
    @Res() response: HttpResponse,
  ): Promise<void> {
    try {
      const { url, flowId } = await this.signIn.start(providerId, safeReturnTo(returnTo));
      setCookie(response, FLOW_COOKIE, flowId, {
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        path: '/',
        maxAge: 600,
        expires: new Date(Date.now() + 600_000),
      });
      redirect(response, url, 303);
    } catch (error) {
      this.fail(providerId, error, request, response);
    }
  }

  @Get('oidc/:provider/callback')
  @Public()
  @ApiOperation({
    summary: 'The provider’s answer: signs in and sends the browser on, or to the problem page',
  })
  @ApiResponse({ status: 303, description: 'To the web UI, or to the sign-in problem page' })
  @ProblemResponses(400)
  async callback(
    @Param('provider') providerId: string,
    @Req() request: HttpRequest,
    @Res() response: HttpResponse,
  ): Promise<void> {
    const flowId = readCookie(request, FLOW_COOKIE);
    clearCookie(response, FLOW_COOKIE, {
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/',
    });
    try {
      const url = new URL(requestUrl(request), this.config.publicUrl);
      const provider = this.signIn.provider(providerId);
      // openid-client compares the URL it is given with the registered redirect URI.
      const callbackUrl = new URL(`${this.config.publicUrl}${provider.redirectPath}${url.search}`);
      const person = await this.signIn.finish(providerId, flowId, callbackUrl);
      const session = await this.sessions.create({
        userId: person.userId,
        tokenVersion: person.tokenVersion,
        method: 'oidc',
        provider: person.provider,
        idToken: person.idToken,
        address: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(response, session.token);
      this.logger.log(
        { event: 'oidc_signed_in', provider: providerId, userId: person.userId },
        'Signed in through a provider',
      );
      redirect(response, person.returnTo, 303);
    } catch (error) {
      this.fail(providerId, error, request, response);
    }
  }

  /** Every failure: a log line and the problem page, no session, never a 500. */
  private fail(
    providerId: string,
    error: unknown,
    request: HttpRequest,
    response: HttpResponse,
  ): void {
    const problem =
      error instanceof OidcProblem
        ? error
        : new OidcProblem('sign_in_failed', error instanceof Error ? error.message : 'failed');
    this.logger.warn(
      {
        event: 'oidc_sign_in_failed',
        provider: providerId,
        code: problem.code,
        detail: problem.detail,
        address: request.ip,
      },
      `Sign-in through ${providerId} failed: ${problem.code}`,
    );
    const params = new URLSearchParams({ code: problem.code, provider: providerId });
    setHeader(response, 'Cache-Control', 'no-store');
    redirect(response, `/sign-in/problem?${params.toString()}`, 303);
  }
}
