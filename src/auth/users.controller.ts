import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_BASE_PATH } from '../common/api-version';
import { IfMatchHeader, WithEtag, type IfMatch } from '../common/etag';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import { refOf } from '../database/unit-of-work';
import { CurrentActor, Roles } from './decorators';
import type { Actor } from './roles';
import {
  CreateUserDto,
  ListUsersQuery,
  SetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserListDto,
} from './dto/user.dto';
import { UsersService } from './users.service';
import { type HttpResponse, setHeader } from '../common/http-exchange';

/** User administration. Users are never deleted: deactivate them instead. */
@ApiTags('Administration')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users' })
  @ApiResult(UserListDto)
  list(@Query() query: ListUsersQuery): Promise<UserListDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @WithEtag()
  @ApiOperation({ summary: 'One user' })
  @ProblemResponses(404)
  @ApiResult(UserDto)
  get(@Param('id', uuidParam()) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @WithEtag()
  @ApiOperation({ summary: 'Create a user' })
  @ProblemResponses(409)
  @ApiResult(UserDto, 201)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateUserDto,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<UserDto> {
    const user = await this.users.create(refOf(actor), body);
    setHeader(response, 'Location', `${API_BASE_PATH}/users/${user.id}`);
    return user;
  }

  @Patch(':id')
  @WithEtag()
  @IfMatchRequired()
  @ApiOperation({ summary: 'Change a user’s name, role, unit, domains or active flag' })
  @ProblemResponses(404)
  @ApiResult(UserDto)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateUserDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
  ): Promise<UserDto> {
    return this.users.update(refOf(actor), id, body, ifMatch);
  }

  // No If-Match: a password is written, never read, so there is no version of it to name.
  @Put(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a user’s password (ends their sessions)' })
  @ProblemResponses(404)
  @ApiResult(undefined, 204)
  async setPassword(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SetPasswordDto,
  ): Promise<void> {
    await this.users.setPassword(refOf(actor), id, body.password);
  }
}
