import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_BASE_PATH } from '../common/api-version';
import { ApiResult, ProblemResponses } from '../common/openapi-decorators';
import { uuidParam } from '../common/validators';
import { refOf } from '../database/unit-of-work';
import { ApiClientsService } from './api-clients.service';
import { CurrentActor, Roles } from './decorators';
import {
  ApiClientDto,
  ApiClientListDto,
  CreateApiClientDto,
  CreatedApiClientDto,
  ListApiClientsQuery,
  NewApiClientSecretDto,
} from './dto/api-client.dto';
import type { Actor } from './roles';
import { type HttpResponse, setHeader } from '../common/http-exchange';

/**
 * API clients (integrations): made and given secrets by admins (ADR 35). A client's name, role,
 * unit, domains and active flag are those of its system user: change them with
 * `PATCH /users/{id}`; deactivating it ends its tokens at once.
 */
@ApiTags('Administration')
@Controller('api-clients')
@Roles('admin')
export class ApiClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @Get()
  @ApiOperation({ summary: 'List API clients by name, with their live secrets (never the secret)' })
  @ApiResult(ApiClientListDto)
  list(@Query() query: ListApiClientsQuery): Promise<ApiClientListDto> {
    return this.clients.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One API client' })
  @ProblemResponses(404)
  @ApiResult(ApiClientDto)
  get(@Param('id', uuidParam()) id: string): Promise<ApiClientDto> {
    return this.clients.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an API client: its id and first secret (the secret is shown this once)',
  })
  @ApiResult(CreatedApiClientDto, 201)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateApiClientDto,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CreatedApiClientDto> {
    const created = await this.clients.create(refOf(actor), body);
    setHeader(response, 'Location', `${API_BASE_PATH}/api-clients/${created.client.id}`);
    return created;
  }

  @Post(':id/secrets')
  @ApiOperation({
    summary: 'Add a second secret (rotation): shown this once; at most two are live',
  })
  @ProblemResponses(404, 409)
  @ApiResult(NewApiClientSecretDto, 201)
  createSecret(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<NewApiClientSecretDto> {
    return this.clients.createSecret(refOf(actor), id);
  }

  // No If-Match: a secret has no version; retiring one twice is a 404 the second time.
  @Delete(':id/secrets/:secretId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retire a secret: no new token is issued with it' })
  @ProblemResponses(404)
  @ApiResult(undefined, 204)
  async retireSecret(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('secretId', uuidParam('secretId')) secretId: string,
  ): Promise<void> {
    await this.clients.retireSecret(refOf(actor), id, secretId);
  }
}
