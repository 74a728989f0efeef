import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { seesInternalNotes } from '../cases/case-access';
import { DocumentNotFound } from './documents.errors';
import type { DocumentDto, DocumentVersionDto } from './dto/document.dto';
import type {
  DocumentDirection,
  DocumentKind,
  DocumentVisibility,
} from './entities/document.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DocumentRow {
  id: string;
  case_id: string;
  title: string;
  kind: DocumentKind;
  direction: DocumentDirection;
  visibility: DocumentVisibility;
  version_count: number;
  created_by_id: string;
  created_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by_id: string | null;
  withdrawal_reason: string | null;
  version: number;
}

export interface VersionRow {
  id: string;
  document_id: string;
  number: number;
  file_name: string;
  media_type: string;
  size_bytes: string;
  sha256: string;
  uploaded_by_id: string;
  uploaded_at: Date;
}

export const DOCUMENT_COLUMNS = `d.id, d.case_id, d.title, d.kind, d.direction, d.visibility,
  d.version_count, d.created_by_id, d.created_at, d.withdrawn_at, d.withdrawn_by_id,
  d.withdrawal_reason, d.version`;
export const VERSION_COLUMNS = `v.id, v.document_id, v.number, v.file_name, v.media_type,
  v.size_bytes, v.sha256, v.uploaded_by_id, v.uploaded_at`;

/** The notes' rule (ADR 31): internal documents for staff, auditors and admins only. */
export const visibilityFilter = (actor: Actor): string =>
  seesInternalNotes(actor) ? 'TRUE' : `d.visibility = 'shared'`;

/** A document of a case the actor may see (the case checked before), or 404. */
export async function findDocument(
  manager: EntityManager,
  actor: Actor,
  caseId: string,
  documentId: string,
  options: { lock?: boolean } = {},
): Promise<DocumentRow> {
  if (!UUID.test(documentId)) throw new DocumentNotFound('such document');
  const [row] = await manager.query<DocumentRow[]>(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents d
      WHERE d.id = $1 AND d.case_id = $2 AND ${visibilityFilter(actor)}
      ${options.lock ? 'FOR UPDATE' : ''}`,
    [documentId, caseId],
  );
  if (!row) throw new DocumentNotFound('such document');
  return row;
}

/** One version of a document, by its number, or 404. */
export async function findVersion(
  manager: EntityManager,
  documentId: string,
  number: string,
): Promise<VersionRow> {
  if (!/^[1-9]\d{0,8}$/.test(number)) throw new DocumentNotFound('such version');
  const [row] = await manager.query<VersionRow[]>(
    `SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.document_id = $1 AND v.number = $2`,
    [documentId, Number(number)],
  );
  if (!row) throw new DocumentNotFound('such version');
  return row;
}

export type Names = Map<string, { id: string; name: string }>;

const ref = (names: Names, id: string) => names.get(id) ?? { id, name: '' };

export function presentVersion(v: VersionRow, names: Names): DocumentVersionDto {
  return {
    number: v.number,
    fileName: v.file_name,
    mediaType: v.media_type,
    sizeBytes: Number(v.size_bytes),
    sha256: v.sha256,
    uploadedBy: ref(names, v.uploaded_by_id),
    uploadedAt: v.uploaded_at.toISOString(),
  };
}

export function presentDocument(d: DocumentRow, latest: VersionRow, names: Names): DocumentDto {
  return {
    id: d.id,
    caseId: d.case_id,
    title: d.title,
    kind: d.kind,
    direction: d.direction,
    visibility: d.visibility,
    versionCount: d.version_count,
    latest: presentVersion(latest, names),
    createdBy: ref(names, d.created_by_id),
    createdAt: d.created_at.toISOString(),
    withdrawal:
      d.withdrawn_at && d.withdrawn_by_id
        ? {
            at: d.withdrawn_at.toISOString(),
            by: ref(names, d.withdrawn_by_id),
            reason: d.withdrawal_reason ?? '',
          }
        : null,
    version: d.version,
  };
}

/** The people a page of documents names. */
export function peopleOf(documents: DocumentRow[], versions: VersionRow[]): string[] {
  const ids = new Set<string>();
  for (const d of documents) {
    ids.add(d.created_by_id);
    if (d.withdrawn_by_id) ids.add(d.withdrawn_by_id);
  }
  for (const v of versions) ids.add(v.uploaded_by_id);
  return [...ids];
}
