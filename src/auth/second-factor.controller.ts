import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import { BeforeSecondFactor, CurrentActor, Roles, SignedIn } from './decorators';
import {
  RecoveryCodesDto,
  SecondFactorCodeDto,
  SecondFactorEnrolmentDto,
  SecondFactorStatusDto,
} from './dto/second-factor.dto';
import type { Actor } from './roles';
import { SecondFactorService } from './second-factor.service';

/** A person's own second factor (TOTP), and an admin's removal of someone's (ADR 35). */
@ApiTags('Authentication')
@Controller()
export class SecondFactorController {
  constructor(private readonly secondFactors: SecondFactorService) {}

  @Get('me/second-factor')
  @SignedIn()
  @BeforeSecondFactor()
  @ApiOperation({ summary: 'Whether I have a second factor, and whether my role needs one' })
  @ApiResult(SecondFactorStatusDto)
  status(@CurrentActor() actor: Actor): Promise<SecondFactorStatusDto> {
    return this.secondFactors.status(actor.id, actor.role);
  }

  @Post('me/second-factor')
  @SignedIn()
  @BeforeSecondFactor()
  @ApiOperation({
    summary: 'Start setting up a second factor: a new secret for an authenticator app',
    description:
      'The secret (base32) and its otpauth:// URI are shown this once; confirm with a code from the app. Starting again replaces a secret not yet confirmed.',
  })
  @ProblemResponses(409)
  @ApiResult(SecondFactorEnrolmentDto, 201)
  start(@CurrentActor() actor: Actor): Promise<SecondFactorEnrolmentDto> {
    return this.secondFactors.start(actor);
  }

  @Post('me/second-factor/confirmation')
  @HttpCode(200)
  @SignedIn()
  @BeforeSecondFactor()
  @ApiOperation({
    summary: 'Confirm the second factor with a code from the app; get the recovery codes once',
  })
  @ProblemResponses(404, 409, 422, 429)
  @ApiResult(RecoveryCodesDto)
  async confirm(
    @CurrentActor() actor: Actor,
    @Body() body: SecondFactorCodeDto,
  ): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.secondFactors.confirm(actor, body.code) };
  }

  @Post('me/second-factor/removal')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary: 'Remove my second factor, proven with a current code (not when my role needs one)',
  })
  @ProblemResponses(403, 404, 422, 429)
  @ApiResult(undefined, 204)
  async remove(@CurrentActor() actor: Actor, @Body() body: SecondFactorCodeDto): Promise<void> {
    await this.secondFactors.remove(actor, actor.id, { code: body.code });
  }

  // No If-Match: the second factor has no version of its own; removing it is idempotent in effect.
  @Delete('users/:id/second-factor')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({
    summary: 'Remove a user’s second factor (a lost phone); a role that needs one sets up anew',
  })
  @ProblemResponses(404)
  @ApiResult(undefined, 204)
  async removeFor(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.secondFactors.remove(actor, id, { byAdmin: true });
  }
}
