import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

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

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The user + system CPU of a process so far, in ms (0 when it has gone). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces), from field 3 on: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The pids of every process with this command name (e.g. all PostgreSQL backends). */
function pidsNamed(command: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command;
      } catch {
        return false;
      }
    });
}

/** The machine's busy and total CPU so far, in ms over all cores (from /proc/stat). */
function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  // cpu  user nice system idle iowait irq softirq steal …
  const n = line.trim().split(/\s+/).slice(1).map(Number);
  const at = (i: number) => n[i] ?? 0;
  const busy = at(0) + at(1) + at(2) + at(5) + at(6) + at(7);
  return {
    busy: (busy * 1000) / TICKS_PER_SECOND,
    total: ((busy + at(3) + at(4)) * 1000) / TICKS_PER_SECOND,
  };
}

/** CPU used during a stretch of time by Brug's processes, PostgreSQL, Redis and the machine. */
export interface CpuUse {
  /** ms of CPU per named process (e.g. api, worker). */
  processes: Record<string, number>;
  /** ms of CPU of all PostgreSQL processes (backends, WAL writer, checkpointer, …). */
  postgres: number;
  /** ms of CPU of Redis. */
  redis: number;
  /** ms of CPU the whole machine used (every core), and the share of its capacity. */
  machine: number;
  machineShare: number;
  /** Wall time, ms. */
  wallMs: number;
}

/**
 * Measures CPU from now until `stop()`: per process (by pid), all of PostgreSQL's processes,
 * Redis, and the machine as a whole (which also holds the load generator and anything else).
 * PostgreSQL backends come and go (a load generator's connections end with it): every
 * PostgreSQL and Redis process is read every 100 ms, and one that has ended counts with what it
 * had used when last seen.
 */
export class CpuMeter {
  private readonly started = performance.now();
  private readonly machine0 = machineCpuMs();
  private readonly named: Map<string, { pid: number; ms: number }>;
  /** Per command: pid → [CPU at the start (0 for processes started since), CPU last seen]. */
  private readonly seen = new Map<string, Map<number, [number, number]>>();
  private readonly timer: NodeJS.Timeout;

  constructor(processes: Record<string, number>) {
    this.named = new Map(
      Object.entries(processes).map(([name, pid]) => [name, { pid, ms: processCpuMs(pid) }]),
    );
    for (const command of ['postgres', 'redis-server']) {
      this.seen.set(
        command,
        new Map(
          pidsNamed(command).map((pid) => {
            const ms = processCpuMs(pid);
            return [pid, [ms, ms]];
          }),
        ),
      );
    }
    this.timer = setInterval(() => this.look(), 100);
  }

  private look(): void {
    for (const [command, pids] of this.seen) {
      for (const pid of pidsNamed(command)) {
        const ms = processCpuMs(pid);
        const known = pids.get(pid);
        if (known) known[1] = Math.max(known[1], ms);
        else pids.set(pid, [0, ms]);
      }
    }
  }

  stop(): CpuUse {
    clearInterval(this.timer);
    this.look();
    const used = (command: string) =>
      [...this.seen.get(command)!.values()].reduce((sum, [from, to]) => sum + to - from, 0);
    const machine = machineCpuMs();
    const machineMs = machine.busy - this.machine0.busy;
    return {
      processes: Object.fromEntries(
        [...this.named].map(([name, { pid, ms }]) => [name, processCpuMs(pid) - ms]),
      ),
      postgres: used('postgres'),
      redis: used('redis-server'),
      machine: machineMs,
      machineShare: machineMs / (machine.total - this.machine0.total),
      wallMs: performance.now() - this.started,
    };
  }
}
