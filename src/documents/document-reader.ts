import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { CaseReader } from '../cases/case-reader';
import { seesInternalNotes } from '../cases/case-access';
import { CursorCodec } from '../common/cursor';
import { ValidationFailed } from '../common/errors';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { refOf, UnitOfWork } from '../database/unit-of-work';
import { ContentMissing, DocumentStore, storeUnavailable, type ByteRange } from './document-store';
import {
  DOCUMENT_COLUMNS,
  findDocument,
  findVersion,
  peopleOf,
  presentDocument,
  presentVersion,
  VERSION_COLUMNS,
  visibilityFilter,
  type DocumentRow,
  type VersionRow,
} from './document-rows';
import { RangeNotSatisfiable } from './documents.errors';
import type {
  DocumentDto,
  DocumentListDto,
  DocumentListQuery,
  DocumentVersionListDto,
  VerificationDto,
} from './dto/document.dto';

export const DOCUMENT_PAGE_SIZE = 50;
/** A document's versions are listed whole, newest first, up to this many. */
export const VERSIONS_LISTED = 500;

export interface OpenedContent {
  version: VersionRow;
  range: ByteRange | null;
  stream: Readable;
}

/**
 * Reading documents: lists, versions and content, always through the case's visibility and the
 * notes' rule for internal documents. Every read of content is an audit event (the BIO asks
 * that reading case records is logged), auditors' with the reason they gave.
 */
@Injectable()
export class DocumentReader {
  private readonly cursors: CursorCodec;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly cases: CaseReader,
    private readonly users: UsersService,
    private readonly store: DocumentStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cursors = new CursorCodec(config.jwtSecret);
  }

  /** The documents of a case, oldest first, a page at a time (keyset on created_at, id). */
  async list(actor: Actor, caseRef: string, query: DocumentListQuery): Promise<DocumentListDto> {
    const caseId = await this.cases.visibleId(actor, caseRef);
    const withdrawn = query.withdrawn === 'true' && seesInternalNotes(actor);
    const scope = `documents:${caseId}:${withdrawn}`;
    const after = query.cursor ? this.cursors.decode(query.cursor, scope) : undefined;
    const values: unknown[] = [caseId, DOCUMENT_PAGE_SIZE + 1];
    let keyset = '';
    if (after) {
      values.push(after[0], after[1]);
      keyset = `AND (d.created_at, d.id) > ($3::timestamptz, $4::uuid)`;
    }
    const rows = await this.db.query<(DocumentRow & { latest: VersionRow })[]>(
      `SELECT ${DOCUMENT_COLUMNS}, to_jsonb(l) AS latest
         FROM documents d
         CROSS JOIN LATERAL (SELECT ${VERSION_COLUMNS} FROM document_versions v
                              WHERE v.document_id = d.id AND v.number = d.version_count) l
        WHERE d.case_id = $1 AND ${visibilityFilter(actor)}
          ${withdrawn ? '' : 'AND d.withdrawn_at IS NULL'} ${keyset}
        ORDER BY d.created_at, d.id LIMIT $2`,
      values,
    );
    const page = rows.slice(0, DOCUMENT_PAGE_SIZE);
    const latest = page.map((r) => ({ ...r.latest, uploaded_at: new Date(r.latest.uploaded_at) }));
    const names = await this.users.refs(peopleOf(page, latest));
    const last = page[page.length - 1];
    return {
      items: page.map((d, i) => presentDocument(d, latest[i]!, names)),
      nextCursor:
        rows.length > DOCUMENT_PAGE_SIZE && last
          ? this.cursors.encode([last.created_at.toISOString(), last.id], scope)
          : null,
    };
  }

  async get(actor: Actor, caseRef: string, documentId: string): Promise<DocumentDto> {
    const caseId = await this.cases.visibleId(actor, caseRef);
    const document = await findDocument(this.db.manager, actor, caseId, documentId);
    const latest = await findVersion(this.db.manager, documentId, String(document.version_count));
    const names = await this.users.refs(peopleOf([document], [latest]));
    return presentDocument(document, latest, names);
  }

  async versions(
    actor: Actor,
    caseRef: string,
    documentId: string,
  ): Promise<DocumentVersionListDto> {
    const caseId = await this.cases.visibleId(actor, caseRef);
    await findDocument(this.db.manager, actor, caseId, documentId);
    const rows = await this.db.query<VersionRow[]>(
      `SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.document_id = $1
        ORDER BY v.number DESC LIMIT ${VERSIONS_LISTED}`,
      [documentId],
    );
    const names = await this.users.refs(peopleOf([], rows));
    return { items: rows.map((v) => presentVersion(v, names)) };
  }

  /**
   * Opens the content of a version (or a byte range of it) and records the read in the audit
   * trail; auditors must say why. The event is written once the store has the bytes ready.
   */
  async open(
    actor: Actor,
    caseRef: string,
    documentId: string,
    number: string,
    rangeHeader: string | undefined,
    reason: string | undefined,
  ): Promise<OpenedContent> {
    if (actor.role === 'auditor' && !reason) {
      throw new ValidationFailed([
        { field: 'reason', code: 'required', message: 'auditors say why they read content' },
      ]);
    }
    const caseId = await this.cases.visibleId(actor, caseRef);
    await findDocument(this.db.manager, actor, caseId, documentId);
    const version = await findVersion(this.db.manager, documentId, number);
    const range = parseRange(rangeHeader, Number(version.size_bytes));
    const stream = await this.readStored(version.sha256, range ?? undefined).catch((error) => {
      throw storeUnavailable(error);
    });
    try {
      await this.uow.run(refOf(actor), (w) => {
        w.audit({
          action: 'document.downloaded',
          subjectType: 'document',
          subjectId: documentId,
          caseId,
          data: {
            versionNumber: version.number,
            sha256: version.sha256,
            ...(range ? { range: `${range.start}-${range.end}` } : {}),
            ...(reason ? { reason } : {}),
          },
        });
        return Promise.resolve();
      });
    } catch (error) {
      stream.destroy();
      throw error;
    }
    return { version, range, stream };
  }

  /** Reads the stored bytes back and compares their hash with the row's and the audit trail's. */
  async verify(
    actor: Actor,
    caseRef: string,
    documentId: string,
    number: string,
  ): Promise<VerificationDto> {
    const caseId = await this.cases.visibleId(actor, caseRef);
    await findDocument(this.db.manager, actor, caseId, documentId);
    const version = await findVersion(this.db.manager, documentId, number);
    // A read-only look at the audit trail (ADR 27): the event that recorded this version.
    const [audited] = await this.db.query<{ sha256: string | null }[]>(
      `SELECT data::jsonb->>'sha256' AS sha256 FROM audit_events
        WHERE subject_type = 'document' AND subject_id = $1
          AND action IN ('document.uploaded', 'document.version_added')
          AND data::jsonb->>'versionNumber' = $2
        ORDER BY seq LIMIT 1`,
      [documentId, String(version.number)],
    );
    let stored: string | null = null;
    try {
      const hash = createHash('sha256');
      await pipeline(await this.readStored(version.sha256), hash);
      stored = hash.digest('hex');
    } catch (error) {
      if (!(error instanceof ContentMissing)) throw storeUnavailable(error);
    }
    const auditedSha256 = audited?.sha256 ?? null;
    return {
      number: version.number,
      recordedSha256: version.sha256,
      auditedSha256,
      storedSha256: stored,
      intact: stored === version.sha256 && auditedSha256 === version.sha256,
    };
  }

  private async readStored(sha256: string, range?: ByteRange): Promise<Readable> {
    try {
      return await this.store.read(sha256, range);
    } catch (error) {
      if (error instanceof ContentMissing) throw error;
      throw storeUnavailable(error);
    }
  }
}

/**
 * One byte range of `Range: bytes=…` (RFC 9110 §14): `a-b`, `a-` or `-n`. A header that is not
 * one such range (several ranges, another unit, nonsense) is ignored and the whole content
 * served, as the RFC allows; a range wholly past the end is 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) throw new RangeNotSatisfiable(size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) throw new RangeNotSatisfiable(size);
  if (end < start) return null;
  return { start, end };
}
