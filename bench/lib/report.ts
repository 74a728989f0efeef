import { fmt } from './stats';

/** One line of the results table: what Brug did, the raw limit beside it, and their ratio. */
export interface Row {
  scenario: string;
  what: string;
  brug: string;
  baseline: string;
  ratio: string;
  /** The raw numbers, for bench/results/<date>.json. */
  data: Record<string, unknown>;
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

export class Report {
  readonly rows: Row[] = [];
  readonly goals: Goal[] = [];
  readonly notes: string[] = [];
  readonly phases: Record<string, number> = {};

  add(row: Row): void {
    this.rows.push(row);
    process.stdout.write(
      `  ${row.scenario} · ${row.what}: ${row.brug}  |  ${row.baseline}  |  ${row.ratio}\n`,
    );
  }

  goal(goal: string, measured: string, met: boolean): void {
    this.goals.push({ goal, measured, met });
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

/** `412 /s` style throughput; `×2.3` style ratios. */
export const perSecond = (n: number, unit: string): string => `${fmt(n)} ${unit}/s`;
export const ms = (n: number): string => `${fmt(n)} ms`;
export const ratio = (n: number): string => (Number.isFinite(n) ? `×${fmt(n, 2)}` : '–');

/** A plain-text table for the terminal. */
export function textTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A Markdown table (pipes in cells escaped). */
export function markdownTable(headers: string[], rows: string[][]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}
