import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { Forbidden } from '../auth/auth.errors';
import type { Actor } from '../auth/roles';
import { DomainError } from '../common/errors';
import {
  nodeRequest,
  takeOverResponse,
  type HttpRequest,
  type HttpResponse,
} from '../common/http-exchange';
import { domainProblem } from '../common/problem.filter';
import { PROBLEM_CONTENT_TYPE } from '../common/problem';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DocumentIntake } from './document-intake';
import { DocumentsService } from './documents.service';
import type { NewDocumentDto } from './dto/document.dto';

/** A day to resume an interrupted upload; after that its parts are removed. */
const RESUMABLE_FOR_MS = 24 * 3600 * 1000;

/** What Brug keeps in an upload's metadata besides what the client sent. */
export interface UploadOwner {
  caseId: string;
  userId: string;
  /** A new version of this document (at this version, as If-Match named it). */
  documentId?: string;
  documentVersion?: string;
}

/** What `handle` leaves on Node's request for tus's hooks: who asks, and for which upload. */
type BrugTusRequest = IncomingMessage & { brugActor?: Actor; brugUpload?: UploadOwner };

/** The Node request under tus's web request, as `handle` passed it on. */
const nodeRequestOf = (req: unknown): BrugTusRequest | undefined =>
  (req as { runtime?: { node?: { req: BrugTusRequest } } }).runtime?.node?.req;

/**
 * Resumable uploads with the tus protocol (`@tus/server` with `@tus/file-store`, ADR 32): the
 * parts are kept in `DOCUMENT_UPLOAD_DIR` until the upload is complete; then the file goes
 * through the same intake as a multipart upload (size, type, SHA-256, store) and becomes a
 * document or a version, and its parts are removed. The routes (and so the AuthGuard and the
 * role rules) are Nest's: `DocumentUploadsController` checks the case and the upload's owner
 * before it hands a request to tus.
 */
@Injectable()
export class TusUploads {
  private readonly logger = new Logger(TusUploads.name);
  readonly store: FileStore;
  private readonly server: Server;

  constructor(
    private readonly intake: DocumentIntake,
    private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.store = new FileStore({
      directory: config.documentUploadDir,
      expirationPeriodInMilliseconds: RESUMABLE_FOR_MS,
    });
    this.server = new Server({
      path: '/api/v1/cases',
      datastore: this.store,
      maxSize: config.documentMaxBytes,
      allowedOrigins: [config.publicUrl],
      namingFunction: () => randomBytes(16).toString('hex'),
      // The upload's address is the address it was created at, plus its id.
      generateUrl: (req, { id }) => `${new URL(req.url).pathname}/${id}`,
      getFileIdFromRequest: (_req, lastPath) => lastPath,
      onUploadCreate: (req, upload) => {
        const owner = nodeRequestOf(req)?.brugUpload;
        if (!owner) throw Object.assign(new Error('Forbidden'), { status_code: 403, body: '' });
        return Promise.resolve({ metadata: { ...upload.metadata, ...owner } });
      },
      onUploadFinish: (req, upload) => this.finish(nodeRequestOf(req)?.brugActor, upload),
    });
  }

  /** Hands a request (already authorised by the controller) to tus. */
  handle(req: HttpRequest, res: HttpResponse, owner?: UploadOwner): Promise<void> {
    // The signed-in actor travels on Node's own request, which is what tus hands its hooks.
    const input: BrugTusRequest = nodeRequest(req);
    input.brugActor = req.actor;
    input.brugUpload = owner;
    return this.server.handle(input, takeOverResponse(res));
  }

  /** The metadata of an upload, or null when there is none by that id. */
  async metadataOf(id: string): Promise<Record<string, string | null> | null> {
    if (!/^[0-9a-f]{32}$/.test(id)) return null;
    try {
      return (await this.store.getUpload(id)).metadata ?? {};
    } catch {
      return null;
    }
  }

  /** Removes the parts of uploads not finished within a day. */
  async removeExpired(_olderThan: Date): Promise<number> {
    return this.store.deleteExpired().catch(() => 0);
  }

  /**
   * The last part arrived: the file becomes a document or a version by the same checks as a
   * multipart upload. The answer to the last PATCH is the document (200) or the problem.
   */
  private async finish(
    actor: Actor | undefined,
    upload: Upload,
  ): Promise<{ status_code: number; headers: Record<string, string>; body: string }> {
    const meta = upload.metadata ?? {};
    try {
      if (!actor || actor.id !== meta.userId || !meta.caseId) throw new Forbidden();
      const file = await this.intake.take(this.store.read(upload.id), meta.filename ?? undefined);
      const document = meta.documentId
        ? await this.documents.addVersion(
            actor,
            meta.caseId,
            meta.documentId,
            { strong: [meta.documentVersion ?? ''] },
            file,
          )
        : await this.documents.create(actor, meta.caseId, newDocumentOf(meta), file);
      return {
        status_code: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(document),
      };
    } catch (error) {
      if (!(error instanceof DomainError)) {
        this.logger.error({ err: error }, 'A finished upload could not be recorded');
      }
      const problem =
        error instanceof DomainError
          ? domainProblem(error)
          : {
              type: 'urn:brug:problem:internal-error',
              title: 'Internal server error',
              status: 500,
              detail: 'The upload could not be recorded.',
              code: 'internal_error',
            };
      return {
        status_code: problem.status,
        headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
        body: JSON.stringify(problem),
      };
    } finally {
      await this.store.remove(upload.id).catch(() => undefined);
    }
  }
}

function newDocumentOf(meta: Record<string, string | null>): NewDocumentDto {
  return {
    title: meta.title ?? '',
    kind: meta.kind as NewDocumentDto['kind'],
    direction: meta.direction as NewDocumentDto['direction'],
    visibility: meta.visibility as NewDocumentDto['visibility'],
  };
}
