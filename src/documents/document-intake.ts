import { Inject, Injectable } from '@nestjs/common';
import busboy from 'busboy';
import type { Readable } from 'node:stream';
import { DomainError, ValidationFailed } from '../common/errors';
import {
  headersSent,
  nodeRequest,
  setHeader,
  type HttpRequest,
  type HttpResponse,
} from '../common/http-exchange';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ContentInspector } from './content-inspector';
import { DocumentStore, storeUnavailable } from './document-store';
import { DocumentTooLarge, fileProblem, UnsupportedContentType } from './documents.errors';
import { sanitiseFileName } from './file-name';

/** A file in the store under a temporary name, inspected: not yet anyone's content. */
export interface StoredFile {
  temporary: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** Room for the fields and part headers around the file in a multipart body. */
const MULTIPART_OVERHEAD = 64 * 1024;

const malformed = () =>
  new ValidationFailed(
    [
      {
        field: '(body)',
        code: 'invalid_format',
        message: 'not a complete multipart/form-data body',
      },
    ],
    'The multipart body is not complete or not well-formed.',
  );

/**
 * Takes files in (ADR 31): streamed, never held whole in memory; inspected on the way (size,
 * type, SHA-256); written to the store under a temporary name, moved under the hash only when
 * the caller is about to record it. A refusal stops reading the request at once.
 */
@Injectable()
export class DocumentIntake {
  constructor(
    private readonly store: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Streams one file into the store under a temporary name; 4xx for the file, 503 for the store. */
  async take(source: Readable, rawName: string | undefined): Promise<StoredFile> {
    const fileName = sanitiseFileName(rawName);
    const inspector = new ContentInspector(
      fileName,
      this.config.documentExtensions,
      this.config.documentMaxBytes,
    );
    source.on('error', (error) =>
      inspector.destroy(error instanceof DomainError ? error : malformed()),
    );
    inspector.on('error', () => {
      source.unpipe(inspector);
      source.destroy();
    });
    source.pipe(inspector);
    let temporary: string;
    try {
      temporary = await this.store.writeTemporary(inspector);
    } catch (error) {
      throw storeUnavailable(error);
    }
    return {
      temporary,
      fileName,
      mediaType: inspector.mediaType,
      sizeBytes: inspector.size,
      sha256: inspector.sha256,
    };
  }

  /** Moves the file under its hash: after this, a row may name it. */
  async keep(file: StoredFile): Promise<void> {
    try {
      await this.store.promote(file.temporary, file.sha256);
    } catch (error) {
      await this.discard(file);
      throw storeUnavailable(error);
    }
  }

  /** Removes a file taken in but not kept (best effort: the clean-up job finds what is left). */
  async discard(file: StoredFile): Promise<void> {
    await this.store.remove({ kind: 'temporary', name: file.temporary }).catch(() => undefined);
  }

  /**
   * Reads a multipart/form-data upload: its fields first, then exactly one part named `file`.
   * `onFile` sees the fields when the file part begins and may refuse them before a byte of the
   * file is stored. Nothing after the file part is accepted.
   */
  async receive(
    req: HttpRequest,
    res: HttpResponse,
    onFile: (fields: Record<string, string>) => void,
  ): Promise<{ fields: Record<string, string>; file: StoredFile }> {
    const input = nodeRequest(req);
    const stopReading = () => {
      input.unpipe();
      input.pause();
      if (!headersSent(res)) setHeader(res, 'Connection', 'close');
    };
    if (!/^multipart\/form-data\s*;.*boundary=/i.test(req.headers['content-type'] ?? '')) {
      stopReading();
      throw new UnsupportedContentType();
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.config.documentMaxBytes + MULTIPART_OVERHEAD) {
      stopReading();
      throw new DocumentTooLarge(this.config.documentMaxBytes);
    }
    return new Promise((resolve, reject) => {
      const fields: Record<string, string> = {};
      let taking: Promise<StoredFile> | undefined;
      let fileStream: Readable | undefined;
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        stopReading();
        fileStream?.destroy(error instanceof DomainError ? error : malformed());
        // A file already taken in is not kept.
        taking?.then((file) => this.discard(file)).catch(() => undefined);
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const parser = busboy({
        headers: req.headers,
        preservePath: true,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 20, parts: 21, fieldSize: 4096, headerPairs: 20 },
      });
      parser.on('field', (name, value, info) => {
        if (taking)
          return fail(
            fileProblem({ code: 'not_allowed', message: 'the file must be the last part' }),
          );
        if (info.valueTruncated) {
          return fail(
            new ValidationFailed([
              { field: name, code: 'too_long', message: 'is too long', params: { max: 4096 } },
            ]),
          );
        }
        fields[name] = value;
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || taking) {
          stream.resume();
          return fail(
            new ValidationFailed([
              {
                field: name,
                code: 'unknown_field',
                message: 'only one part named "file" is a file',
              },
            ]),
          );
        }
        fileStream = stream;
        // Its errors reach the intake through `take`; one raised before then needs no listener.
        stream.on('error', () => undefined);
        try {
          onFile(fields);
        } catch (error) {
          return fail(error);
        }
        taking = this.take(stream, info.filename);
        taking.catch(fail);
      });
      for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) {
        parser.on(limit, () =>
          fail(
            new ValidationFailed([
              {
                field: '(body)',
                code: 'too_many_items',
                message: 'too many parts',
                params: { max: 21 },
              },
            ]),
          ),
        );
      }
      parser.on('error', () => fail(malformed()));
      parser.on('close', () => {
        if (!taking)
          return fail(
            fileProblem({ code: 'required', message: 'a part named "file" is required' }),
          );
        taking.then((file) => {
          if (settled) return void this.discard(file);
          settled = true;
          resolve({ fields, file });
        }, fail);
      });
      input.on('close', () => {
        if (!input.complete) fail(malformed());
      });
      input.pipe(parser);
    });
  }
}
