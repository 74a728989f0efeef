import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../auth/decorators';
import type { Actor } from '../auth/roles';
import { API_BASE_PATH } from '../common/api-version';
import { ValidationFailed } from '../common/errors';
import { etagOf, IfMatchHeader, type IfMatch } from '../common/etag';
import { IDEMPOTENCY_KEY_PATTERN } from '../common/idempotency/idempotency';
import { ApiResult, IfMatchRequired, ProblemResponses } from '../common/openapi-decorators';
import { MEENTCOOP_READERS } from './case-access';
import { CaseFiling } from './case-filing';
import { CaseKoppel } from './case-koppel';
import { CaseReader } from './case-reader';
import { rolesFor } from './case-transitions';
import { CasesService } from './cases.service';
import { FileCaseDto, UpdateCaseDto } from './dto/case-input.dto';
import { AddNoteDto, CaseDto, CaseListDto, HistoryDto, NoteDto, NoteListDto } from './dto/case.dto';
import { ChangeKoppelDto, KoppelCandidatesDto, KoppelHistoryDto } from './dto/koppel.dto';
import { ListCasesQuery } from './dto/list-cases.query';
import { TransitionDto } from './dto/transition.dto';
import { type HttpResponse, setHeader, setStatus } from '../common/http-exchange';

const CaseIdParam = () =>
  ApiParam({ name: 'id', description: 'The case id (UUID) or its reference (BRUG-2026-000042).' });

@ApiTags('Cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly filing: CaseFiling,
    private readonly reader: CaseReader,
    private readonly koppel: CaseKoppel,
  ) {}

  @Post()
  @Roles(...rolesFor('file'))
  @ApiOperation({ summary: 'File a cross-domain purchasing question as a case' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Replays with the same key and body return the first response (24 hours).',
  })
  @ApiResult(CaseDto, 201)
  @ProblemResponses(422)
  async file(
    @CurrentActor() actor: Actor,
    @Body() body: FileCaseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new ValidationFailed([
        {
          field: 'Idempotency-Key',
          code: 'invalid_key',
          message: 'must be 1 to 128 letters, digits or ._:-',
          params: { max: 128 },
        },
      ]);
    }
    const result = await this.filing.file(actor, body, idempotencyKey);
    setStatus(response, result.status);
    setHeader(response, 'Location', `${API_BASE_PATH}/cases/${result.body.id}`);
    setHeader(response, 'ETag', etagOf(result.body.version));
    return result.body;
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Find cases: filters, full text, sort, keyset pages' })
  @ApiResult(CaseListDto)
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQuery): Promise<CaseListDto> {
    return this.reader.list(actor, query);
  }

  @Get(':id')
  @SignedIn()
  @CaseIdParam()
  @ApiOperation({ summary: 'One case, by id or reference' })
  @ApiResult(CaseDto)
  @ProblemResponses(404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    const found = await this.reader.get(actor, id);
    setHeader(response, 'ETag', etagOf(found.version));
    return found;
  }

  @Patch(':id')
  @Roles(...rolesFor('edit'))
  @CaseIdParam()
  @IfMatchRequired()
  @ApiOperation({
    summary:
      'Change a case: content (buyer, while filed or routed), value and deadline (staff, while open), assignee and priority (staff); `editableFields` on the case says what the caller may change',
  })
  @ApiResult(CaseDto)
  @ProblemResponses(404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateCaseDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    const updated = await this.cases.update(actor, id, body, ifMatch);
    setHeader(response, 'ETag', etagOf(updated.version));
    return updated;
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(...rolesFor('transition'))
  @CaseIdParam()
  @IfMatchRequired()
  @ApiOperation({ summary: 'Move a case along the state machine' })
  @ApiResult(CaseDto)
  @ProblemResponses(404, 409)
  async transition(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: TransitionDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    const updated = await this.cases.transition(actor, id, body, ifMatch);
    setHeader(response, 'ETag', etagOf(updated.version));
    return updated;
  }

  @Get(':id/history')
  @SignedIn()
  @CaseIdParam()
  @ApiOperation({ summary: 'The status history, oldest first, the filing included' })
  @ApiResult(HistoryDto)
  @ProblemResponses(404)
  history(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<HistoryDto> {
    return this.reader.history(actor, id);
  }

  @Post(':id/notes')
  @Roles(...rolesFor('addNote'))
  @CaseIdParam()
  @ApiOperation({ summary: 'Add a note (buyers: shared only)' })
  @ApiResult(NoteDto, 201)
  @ProblemResponses(404)
  addNote(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: AddNoteDto,
  ): Promise<NoteDto> {
    return this.cases.addNote(actor, id, body);
  }

  @Get(':id/notes')
  @SignedIn()
  @CaseIdParam()
  @ApiOperation({ summary: 'The notes of a case (buyers and budget holders: shared ones only)' })
  @ApiResult(NoteListDto)
  @ProblemResponses(404)
  notes(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NoteListDto> {
    return this.reader.notes(actor, id);
  }

  @Put(':id/koppel')
  @Roles(...rolesFor('changeKoppel'))
  @CaseIdParam()
  @IfMatchRequired()
  @ApiOperation({
    summary:
      'Change the koppel: both halves, with a reason (the case moves to the team of the MeentCoop half)',
  })
  @ApiResult(CaseDto)
  @ProblemResponses(404, 409)
  async changeKoppel(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ChangeKoppelDto,
    @IfMatchHeader() ifMatch: IfMatch | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CaseDto> {
    const updated = await this.koppel.change(actor, id, body, ifMatch);
    setHeader(response, 'ETag', etagOf(updated.version));
    return updated;
  }

  @Get(':id/koppel-history')
  @Roles(...MEENTCOOP_READERS)
  @CaseIdParam()
  @ApiOperation({ summary: 'The history of the koppel, oldest first, with reasons' })
  @ApiResult(KoppelHistoryDto)
  @ProblemResponses(404)
  koppelHistory(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<KoppelHistoryDto> {
    return this.koppel.history(actor, id);
  }

  @Get(':id/koppel-candidates')
  @Roles(...rolesFor('changeKoppel'))
  @CaseIdParam()
  @ApiOperation({ summary: 'Who may be either half of the koppel of this case' })
  @ApiResult(KoppelCandidatesDto)
  @ProblemResponses(404)
  koppelCandidates(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<KoppelCandidatesDto> {
    return this.koppel.candidates(actor, id);
  }
}
