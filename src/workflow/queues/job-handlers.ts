import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobItem, RegisteredJobName } from './queues';

type Handler<N extends RegisteredJobName> = (
  data: Extract<JobItem, { name: N }>['data'],
  job: Job,
) => Promise<unknown>;

/**
 * The handlers of jobs that a feature built on the workflow owns (the signals inbox, ADR 40):
 * that feature imports the workflow and registers them when its module starts; the workflow's
 * processors dispatch to them and never import the feature (no cycle between the folders).
 */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<
    RegisteredJobName,
    (data: unknown, job: Job) => Promise<unknown>
  >();

  register<N extends RegisteredJobName>(name: N, handler: Handler<N>): void {
    if (this.handlers.has(name)) throw new Error(`Job ${name} has a handler already`);
    this.handlers.set(name, handler as (data: unknown, job: Job) => Promise<unknown>);
  }

  has(name: RegisteredJobName): boolean {
    return this.handlers.has(name);
  }

  run<N extends RegisteredJobName>(
    name: N,
    data: Extract<JobItem, { name: N }>['data'],
    job: Job,
  ): Promise<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler registered for job ${name}`);
    return handler(data, job);
  }
}
