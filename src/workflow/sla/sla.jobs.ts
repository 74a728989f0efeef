import { Injectable, Logger } from '@nestjs/common';
import { CaseReader } from '../../cases/case-reader';
import { CasesService } from '../../cases/cases.service';
import { stageOpen } from '../../cases/sla-clock';
import { SLA_STAGES, type SlaStage } from '../../events/events';
import { Clock } from '../../common/clock';
import { QueueService } from '../queues/queue.service';
import { jobIds, type JobItem } from '../queues/queues';
import { SlaPoliciesService } from './sla-policies.service';

const RECONCILE_PAGE = 500;

interface OpenStages {
  id: string;
  status: string;
  priority?: string;
  acceptBy: Date;
  proposeBy: Date;
  slaBreached: string[];
  slaWarned: string[];
  suspendedSince?: Date | null;
}

type StageJob = { job: JobItem; jobId: string; delayMs: number };

/** The result of a check that fired before its due time: run it again at that time. */
export class NotYetDue {
  constructor(readonly dueAt: Date) {}
}

/**
 * SLA deadlines as delayed jobs: one check and one warning per open stage, with stable job ids
 * (so scheduling twice adds nothing). The database holds the due times; the jobs are only the
 * alarm clock, re-created from the database when Redis lost them (see JobRecovery).
 */
@Injectable()
export class SlaJobs {
  private readonly logger = new Logger('SlaJobs');

  constructor(
    private readonly reader: CaseReader,
    private readonly cases: CasesService,
    private readonly queues: QueueService,
    private readonly policies: SlaPoliciesService,
    private readonly clock: Clock,
  ) {}

  /** Adds the check and warning jobs of a case's open, unbreached stages. */
  async schedule(caseId: string): Promise<void> {
    const facts = await this.reader.workflowFacts(caseId);
    if (!facts?.acceptBy || !facts.proposeBy) return;
    const c = { ...facts, acceptBy: facts.acceptBy, proposeBy: facts.proposeBy };
    await this.queues.add(await this.stageJobs(c, this.clock.now().getTime()));
  }

  /**
   * The check and warning jobs a case's open, unbreached stages should have now: none while its
   * clock stands still (resuming schedules them for the moved due times).
   */
  private async stageJobs(c: OpenStages, now: number): Promise<StageJob[]> {
    if (c.suspendedSince) return [];
    const warnBefore = await this.policies.warnBeforeSeconds(
      (c.priority ?? 'normal') as 'low' | 'normal' | 'high' | 'urgent',
    );
    const jobs: StageJob[] = [];
    for (const stage of SLA_STAGES) {
      if (!stageOpen(stage, c.status) || c.slaBreached.includes(stage)) continue;
      const due = stage === 'accept' ? c.acceptBy : c.proposeBy;
      const dueAt = due.toISOString();
      jobs.push({
        job: { queue: 'sla', name: 'check-sla', data: { caseId: c.id, stage, dueAt } },
        jobId: jobIds.check(c.id, stage, due),
        delayMs: due.getTime() - now,
      });
      const warnAt = due.getTime() - warnBefore * 1000;
      if (!c.slaWarned.includes(stage) && warnAt > now) {
        jobs.push({
          job: { queue: 'sla', name: 'warn-sla', data: { caseId: c.id, stage, dueAt } },
          jobId: jobIds.warn(c.id, stage, due),
          delayMs: warnAt - now,
        });
      }
    }
    return jobs;
  }

  /**
   * At the due time: a stage still open and running is breached (recorded once, on the case,
   * through the lifecycle). The stored due time decides: a job for a due time that moved since
   * (a suspension or an extension) does nothing — the job of the new due time does it — and one
   * for a suspended clock neither. Returns NotYetDue when the job fired early, so the caller
   * delays it.
   */
  async check(data: {
    caseId: string;
    stage: SlaStage;
    dueAt: string;
  }): Promise<'breached' | 'met' | 'moved' | 'suspended' | NotYetDue> {
    const facts = await this.reader.workflowFacts(data.caseId);
    if (!facts) return 'met';
    const due = data.stage === 'accept' ? facts.acceptBy : facts.proposeBy;
    if (!due) return 'met';
    if (!stageOpen(data.stage, facts.status) || facts.slaBreached.includes(data.stage))
      return 'met';
    if (due.getTime() !== Date.parse(data.dueAt)) return 'moved';
    if (facts.suspendedSince) return 'suspended';
    if (due.getTime() > this.clock.now().getTime()) return new NotYetDue(due);
    // Only if the due time has not moved since it was read (an extension racing the alarm).
    const breached = await this.cases.recordSlaBreach(facts.id, data.stage, due, {
      onlyIfDue: true,
    });
    if (breached) this.logger.warn(`SLA ${data.stage} breached for ${facts.reference}`);
    return breached ? 'breached' : 'met';
  }

  /** Shortly before the due time: warn the team, once, if the stage is still open and running. */
  async warn(data: { caseId: string; stage: SlaStage; dueAt: string }): Promise<boolean> {
    const facts = await this.reader.workflowFacts(data.caseId);
    if (!facts || facts.suspendedSince) return false;
    const due = data.stage === 'accept' ? facts.acceptBy : facts.proposeBy;
    if (!due || due.getTime() !== Date.parse(data.dueAt)) return false;
    if (due.getTime() <= this.clock.now().getTime() || !stageOpen(data.stage, facts.status)) {
      return false;
    }
    return this.cases.recordSlaWarning(facts.id, data.stage, due);
  }

  /**
   * Re-creates the missing jobs of every open deadline (at every worker start, after Redis lost
   * its data, and on a timer as a safety net). Pages through the open cases by id, and asks
   * Redis which of a page's jobs it lacks before adding any: when nothing is lost, a pass costs
   * one query and one round trip per page. Job ids are stable, so a job added meanwhile by
   * another worker is not doubled. Returns how many jobs it added.
   */
  async reconcile(pageSize = RECONCILE_PAGE): Promise<number> {
    let after: string | null = null;
    let added = 0;
    for (;;) {
      const page = await this.reader.openSlaCases(after, pageSize);
      if (page.length === 0) break;
      const now = this.clock.now().getTime();
      const jobs: StageJob[] = [];
      for (const c of page) {
        if (!c.acceptBy || !c.proposeBy) continue;
        jobs.push(
          ...(await this.stageJobs({ ...c, acceptBy: c.acceptBy, proposeBy: c.proposeBy }, now)),
        );
      }
      const missing = new Set(
        await this.queues.missing(
          'sla',
          jobs.map((j) => j.jobId),
        ),
      );
      const lost = jobs.filter((j) => missing.has(j.jobId));
      await this.queues.add(lost);
      added += lost.length;
      after = page[page.length - 1]!.id;
    }
    return added;
  }
}
