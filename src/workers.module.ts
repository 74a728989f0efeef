import { Module } from '@nestjs/common';

/**
 * The background workers: queue processors, the outbox relay, the SLA reconciler. Run by
 * `worker.ts`, and by `main.ts` unless WORKERS=off. The workflow issue fills it.
 */
@Module({})
export class WorkersModule {}
