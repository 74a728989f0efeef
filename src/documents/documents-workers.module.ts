import { Module } from '@nestjs/common';
import { DocumentCleanupTimer } from './document-cleanup';
import { DocumentsModule } from './documents.module';

/** The clean-up timer, in the processes that run workers. */
@Module({ imports: [DocumentsModule], providers: [DocumentCleanupTimer] })
export class DocumentsWorkersModule {}
