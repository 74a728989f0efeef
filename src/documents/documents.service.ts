import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CaseReader } from '../cases/case-reader';
import { ValidationFailed } from '../common/errors';
import { checkIfMatch, type IfMatch } from '../common/etag';
import type { HttpRequest, HttpResponse } from '../common/http-exchange';
import { flattenValidationErrors } from '../common/validation';
import { refOf, UnitOfWork, type WriteContext } from '../database/unit-of-work';
import { DocumentIntake, type StoredFile } from './document-intake';
import {
  DOCUMENT_COLUMNS,
  findDocument,
  peopleOf,
  presentDocument,
  VERSION_COLUMNS,
  type DocumentRow,
  type VersionRow,
} from './document-rows';
import { DocumentWithdrawn } from './documents.errors';
import { NewDocumentDto, type DocumentDto } from './dto/document.dto';

/** The metadata of a new document, checked as the JSON routes check their bodies. */
export function checkNewDocument(actor: Actor, fields: Record<string, unknown>): NewDocumentDto {
  const input = plainToInstance(NewDocumentDto, fields);
  const errors = flattenValidationErrors(
    validateSync(input, { whitelist: true, forbidNonWhitelisted: true }),
  );
  if (errors.length) throw new ValidationFailed(errors);
  if (input.visibility === 'internal' && actor.role === 'buyer') {
    throw new Forbidden('Buyers add shared documents only.', { reason: 'internal_document' });
  }
  return input;
}

/** A new version takes no fields beside its file. */
export function checkNoFields(fields: Record<string, unknown>): void {
  const names = Object.keys(fields);
  if (names.length) {
    throw new ValidationFailed(
      names.map((field) => ({ field, code: 'unknown_field', message: 'is not a field here' })),
    );
  }
}

/**
 * The writes of documents (issue 16): a new document with its first version, a new version,
 * a withdrawal; each with its audit event in one unit of work. The row is written only after
 * the content is kept under its hash.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly cases: CaseReader,
    private readonly users: UsersService,
    private readonly intake: DocumentIntake,
  ) {}

  /** `POST /cases/{id}/documents`: the case is checked before a byte is read. */
  async upload(
    actor: Actor,
    caseRef: string,
    req: HttpRequest,
    res: HttpResponse,
  ): Promise<DocumentDto> {
    const caseId = await this.cases.visibleId(actor, caseRef);
    let input: NewDocumentDto | undefined;
    const { file } = await this.intake.receive(req, res, (fields) => {
      input = checkNewDocument(actor, fields);
    });
    return this.create(actor, caseId, input!, file);
  }

  /** `POST /cases/{id}/documents/{docId}/versions`. */
  async uploadVersion(
    actor: Actor,
    caseRef: string,
    documentId: string,
    ifMatch: IfMatch | undefined,
    req: HttpRequest,
    res: HttpResponse,
  ): Promise<DocumentDto> {
    const caseId = await this.cases.visibleId(actor, caseRef);
    const current = await findDocument(this.db.manager, actor, caseId, documentId);
    if (current.withdrawn_at) throw new DocumentWithdrawn();
    checkIfMatch(ifMatch, current.version);
    const { file } = await this.intake.receive(req, res, checkNoFields);
    return this.addVersion(actor, caseId, documentId, ifMatch, file);
  }

  /** Records a new document for a file taken in (multipart or tus); discards it when refused. */
  async create(
    actor: Actor,
    caseId: string,
    input: NewDocumentDto,
    file: StoredFile,
  ): Promise<DocumentDto> {
    return this.recording(file, () =>
      this.uow.run(refOf(actor), async (w) => {
        const visibleCase = await this.cases.findVisible(w.manager, actor, caseId);
        const [document] = await w.manager.query<DocumentRow[]>(
          `INSERT INTO documents AS d (case_id, title, kind, direction, visibility, created_by_id)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${DOCUMENT_COLUMNS}`,
          [visibleCase.id, input.title, input.kind, input.direction, input.visibility, actor.id],
        );
        const version = await this.insertVersion(w, document!, 1, file);
        w.audit({
          action: 'document.uploaded',
          subjectType: 'document',
          subjectId: document!.id,
          caseId: visibleCase.id,
          data: {
            title: input.title,
            kind: input.kind,
            direction: input.direction,
            visibility: input.visibility,
            ...versionFacts(version),
          },
        });
        return this.present(w, document!, version);
      }),
    );
  }

  /** Records a new version; every earlier one stays. */
  async addVersion(
    actor: Actor,
    caseId: string,
    documentId: string,
    ifMatch: IfMatch | undefined,
    file: StoredFile,
  ): Promise<DocumentDto> {
    return this.recording(file, () =>
      this.uow.run(refOf(actor), async (w) => {
        await this.cases.findVisible(w.manager, actor, caseId);
        const current = await findDocument(w.manager, actor, caseId, documentId, { lock: true });
        if (current.withdrawn_at) throw new DocumentWithdrawn();
        checkIfMatch(ifMatch, current.version);
        const [[updated]] = await w.manager.query<[DocumentRow[], number]>(
          `UPDATE documents d SET version_count = version_count + 1, version = version + 1
            WHERE id = $1 RETURNING ${DOCUMENT_COLUMNS}`,
          [documentId],
        );
        const version = await this.insertVersion(w, updated!, updated!.version_count, file);
        w.audit({
          action: 'document.version_added',
          subjectType: 'document',
          subjectId: documentId,
          caseId: current.case_id,
          data: versionFacts(version),
        });
        return this.present(w, updated!, version);
      }),
    );
  }

  async withdraw(
    actor: Actor,
    caseRef: string,
    documentId: string,
    ifMatch: IfMatch | undefined,
    reason: string,
  ): Promise<DocumentDto> {
    return this.uow.run(refOf(actor), async (w) => {
      const visibleCase = await this.cases.findVisible(w.manager, actor, caseRef);
      const current = await findDocument(w.manager, actor, visibleCase.id, documentId, {
        lock: true,
      });
      if (current.withdrawn_at) throw new DocumentWithdrawn();
      checkIfMatch(ifMatch, current.version);
      const [[updated]] = await w.manager.query<[DocumentRow[], number]>(
        `UPDATE documents d SET withdrawn_at = now(), withdrawn_by_id = $2, withdrawal_reason = $3,
                version = version + 1
          WHERE id = $1 RETURNING ${DOCUMENT_COLUMNS}`,
        [documentId, actor.id, reason],
      );
      w.audit({
        action: 'document.withdrawn',
        subjectType: 'document',
        subjectId: documentId,
        caseId: visibleCase.id,
        data: { reason },
      });
      const [latest] = await w.manager.query<VersionRow[]>(
        `SELECT ${VERSION_COLUMNS} FROM document_versions v
          WHERE v.document_id = $1 AND v.number = $2`,
        [documentId, updated!.version_count],
      );
      return this.present(w, updated!, latest!);
    });
  }

  /**
   * Keeps the file under its hash, then records it; a refusal of the record (404, 409, 412)
   * leaves content no row names, which the clean-up job removes after its grace period.
   */
  private async recording<T>(file: StoredFile, record: () => Promise<T>): Promise<T> {
    await this.intake.keep(file);
    return record();
  }

  private async insertVersion(
    w: WriteContext,
    document: DocumentRow,
    number: number,
    file: StoredFile,
  ): Promise<VersionRow> {
    const [version] = await w.manager.query<VersionRow[]>(
      `INSERT INTO document_versions AS v (document_id, number, file_name, media_type, size_bytes,
                                        sha256, uploaded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${VERSION_COLUMNS}`,
      [document.id, number, file.fileName, file.mediaType, file.sizeBytes, file.sha256, w.actor.id],
    );
    return version!;
  }

  private async present(
    w: WriteContext,
    document: DocumentRow,
    version: VersionRow,
  ): Promise<DocumentDto> {
    const names = await this.users.refs(peopleOf([document], [version]), w.manager);
    return presentDocument(document, version, names);
  }
}

/** What the audit trail keeps of a version: enough to prove which bytes were on the case. */
export function versionFacts(v: VersionRow): Record<string, unknown> {
  return {
    versionNumber: v.number,
    fileName: v.file_name,
    mediaType: v.media_type,
    sizeBytes: Number(v.size_bytes),
    sha256: v.sha256,
  };
}
