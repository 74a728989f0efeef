import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DocumentCleanup } from './document-cleanup';
import { DocumentIntake } from './document-intake';
import { DocumentReader } from './document-reader';
import { DocumentStore } from './document-store';
import { DocumentUploadsController } from './document-uploads.controller';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { FsDocumentStore } from './fs-document-store';
import type { S3DocumentStore } from './s3-document-store';
import { TusUploads } from './tus-uploads';

/**
 * The store the configuration names (ADR 31). The S3 store, and with it the AWS SDK (about
 * 4 MB of heap and its share of the API's resident memory), is loaded only when it is
 * configured (ADR 49).
 */
export function documentStoreOf(config: AppConfig): DocumentStore {
  if (config.documentStore === 's3' && config.s3) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand (ADR 49)
    const s3 = require('./s3-document-store') as { S3DocumentStore: typeof S3DocumentStore };
    return new s3.S3DocumentStore(config.s3);
  }
  return new FsDocumentStore(config.documentDir);
}

/** Documents on cases (issue 16): the only writer of `documents` and `document_versions`. */
@Module({
  imports: [AuthModule, CasesModule],
  // The tus routes first: `uploads` is not a document id.
  controllers: [DocumentUploadsController, DocumentsController],
  providers: [
    { provide: DocumentStore, useFactory: documentStoreOf, inject: [APP_CONFIG] },
    DocumentIntake,
    DocumentsService,
    DocumentReader,
    TusUploads,
    DocumentCleanup,
  ],
  exports: [DocumentCleanup, DocumentStore],
})
export class DocumentsModule {}
