import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

/** The processes a bench run starts, so that every one of them is ended, also on failure. */
export class Processes {
  private readonly running = new Map<string, { child: ChildProcess; tail: string[] }>();
  private readonly ended = new Map<string, string[]>();

  start(
    name: string,
    args: string[],
    options: { env: NodeJS.ProcessEnv; cwd: string; input?: string },
  ): ChildProcess {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        tail.push(line);
        if (tail.length > 60) tail.shift();
      }
    };
    child.stderr?.on('data', keep);
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
    this.running.set(name, { child, tail });
    child.once('exit', () => {
      if (this.running.get(name)?.child === child) this.running.delete(name);
      this.ended.set(name, tail);
    });
    return child;
  }

  /** The last lines a process wrote to stderr (and stdout, when not read elsewhere). */
  tail(name: string): string {
    return (this.running.get(name)?.tail ?? this.ended.get(name) ?? []).join('\n');
  }

  follow(name: string, child: ChildProcess): void {
    const entry = this.running.get(name);
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line && entry) {
          entry.tail.push(line);
          if (entry.tail.length > 60) entry.tail.shift();
        }
      }
    });
  }

  pid(name: string): number {
    const pid = this.running.get(name)?.child.pid;
    if (pid === undefined) throw new Error(`${name} is not running`);
    return pid;
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(name: string, graceMs = 10_000): Promise<void> {
    const entry = this.running.get(name);
    if (!entry) return;
    const { child } = entry;
    if (child.exitCode !== null || child.signalCode !== null) {
      this.running.delete(name);
      return;
    }
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    this.running.delete(name);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((name) => this.stop(name)));
  }

  /** For process exit: no waiting possible, so SIGKILL whatever is left. */
  killAllNow(): void {
    for (const { child } of this.running.values()) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }
}

/** Resident set size of a process in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`No VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Samples the RSS of some processes every `everyMs` and keeps the peak of each. */
export class RssSampler {
  private readonly peaks = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: number[],
    everyMs = 50,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  private sample(): void {
    for (const pid of this.pids) {
      try {
        const mb = rssMb(pid);
        this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, mb));
      } catch {
        // The process is gone; its peak so far stays.
      }
    }
  }

  stop(): Map<number, number> {
    clearInterval(this.timer);
    this.sample();
    return this.peaks;
  }
}
