import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiConsumes,
  ApiExtraModels,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ValidationFailed } from '../common/errors';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ApiClientsService, type ClientToken } from './api-clients.service';
import { OAuthError } from './auth.errors';
import { AuthService } from './auth.service';
import { BeforeSecondFactor, CurrentActor, Public, Roles, SignedIn } from './decorators';
import {
  ClientTokenDto,
  GRANT_TYPES,
  SecondFactorSignInDto,
  TokenDto,
  TokenRequestDto,
} from './dto/token.dto';
import { ChangeOwnPasswordDto, MeDto } from './dto/user.dto';
import type { Actor } from './roles';
import { UsersService } from './users.service';
import { type HttpRequest, type HttpResponse, setHeader } from '../common/http-exchange';

/** `Authorization: Basic …` as client id and secret (RFC 6749 §2.3.1: each form-encoded). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

@ApiTags('Authentication')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly clients: ApiClientsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('auth/token')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Get a bearer token: email and password, or an API client’s client credentials',
    description:
      'Without `grant_type` (or `password`): a person’s email and password; a person with a second factor gets `401 second_factor_required` with a `challenge` for `POST /auth/second-factor`. `404` when `PASSWORD_SIGNIN=false`. With `grant_type=client_credentials` (JSON or form-encoded): an API client, authenticated by HTTP Basic or `client_id` and `client_secret`; the answer has RFC 6749’s member names, and a refusal carries RFC 6749’s `error` member beside the problem details.',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiExtraModels(TokenDto, ClientTokenDto)
  @ProblemResponses(401, 404, 429)
  @ApiResponse({
    status: 200,
    description: 'OK',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenDto) }, { $ref: getSchemaPath(ClientTokenDto) }] },
  })
  async token(
    @Body() body: TokenRequestDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<TokenDto | ClientToken> {
    const address = request.ip ?? 'unknown';
    const grant = body.grant_type ?? 'password';
    if (grant === 'client_credentials') {
      // RFC 6749 §5.1: token answers are not cached (Cache-Control: no-store is set everywhere).
      setHeader(response, 'Pragma', 'no-cache');
      const basic = basicCredentials(request.headers.authorization);
      const id = basic?.id ?? body.client_id;
      const secret = basic?.secret ?? body.client_secret;
      const challenge = basic ? { 'WWW-Authenticate': 'Basic realm="brug"' } : undefined;
      if (!id || !secret) {
        throw new OAuthError('invalid_client', 'Send the client id and secret.', challenge);
      }
      return this.clients.issueToken(id, secret, address, challenge);
    }
    if (grant !== 'password') {
      throw new OAuthError(
        'unsupported_grant_type',
        `grant_type must be one of ${GRANT_TYPES.join(', ')}.`,
      );
    }
    this.passwordSignInOn();
    const missing = (['email', 'password'] as const).filter((f) => body[f] === undefined);
    if (missing.length) {
      throw new ValidationFailed(
        missing.map((field) => ({ field, code: 'required', message: 'is required' })),
      );
    }
    return this.auth.signIn(body.email!, body.password!, address);
  }

  @Post('auth/second-factor')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Sign in, second step: the challenge of the password step and a code',
    description:
      'A code from the authenticator app (each accepted once) or a recovery code (each works once). Wrong codes count per person: after `SECOND_FACTOR_MAX_FAILURES` the step answers `429` until `SECOND_FACTOR_LOCK_SECONDS` have passed.',
  })
  @ProblemResponses(401, 404, 422, 429)
  @ApiResult(TokenDto)
  async secondFactor(@Body() body: SecondFactorSignInDto): Promise<TokenDto> {
    this.passwordSignInOn();
    return this.auth.tokenFor(await this.auth.secondStep(body.challenge, body.code));
  }

  @Get('me')
  @SignedIn()
  @BeforeSecondFactor()
  @ApiOperation({ summary: 'Who am I: the signed-in user, their role, unit and domains' })
  @ApiResult(MeDto)
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const { id, email, name, role, organisationUnit, domains } = await this.users.get(actor.id);
    return { id, email, name, role, organisationUnit, domains };
  }

  @Put('me/password')
  @HttpCode(204)
  // Auditors change nothing, their own password included: an admin sets it.
  @Roles('buyer', 'staff', 'budget_holder', 'admin')
  @ApiOperation({ summary: 'Change my own password (ends all my sessions, this one too)' })
  @ProblemResponses(403, 404, 429)
  @ApiResult(undefined, 204)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangeOwnPasswordDto,
    @Req() request: HttpRequest,
  ): Promise<void> {
    this.passwordSignInOn();
    await this.auth.changeOwnPassword(
      actor,
      body.currentPassword,
      body.newPassword,
      request.ip ?? 'unknown',
    );
  }

  /** With `PASSWORD_SIGNIN=false` the password routes do not exist. */
  private passwordSignInOn(): void {
    if (!this.config.passwordSignIn) throw new NotFoundException();
  }
}
