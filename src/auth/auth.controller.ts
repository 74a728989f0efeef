import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { AuthService } from './auth.service';
import { CurrentActor, Public, Roles, SignedIn } from './decorators';
import { TokenDto, TokenRequestDto } from './dto/token.dto';
import { ChangeOwnPasswordDto, MeDto } from './dto/user.dto';
import type { Actor } from './roles';
import { UsersService } from './users.service';

@ApiTags('Authentication')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('auth/token')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Sign in: exchange email and password for a bearer token' })
  @ProblemResponses(401, 429)
  @ApiResult(TokenDto)
  token(@Body() body: TokenRequestDto, @Req() request: Request): Promise<TokenDto> {
    return this.auth.signIn(body.email, body.password, request.ip ?? 'unknown');
  }

  @Get('me')
  @SignedIn()
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
  @ProblemResponses(403, 429)
  @ApiResult(undefined, 204)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangeOwnPasswordDto,
    @Req() request: Request,
  ): Promise<void> {
    await this.auth.changeOwnPassword(
      actor,
      body.currentPassword,
      body.newPassword,
      request.ip ?? 'unknown',
    );
  }
}
