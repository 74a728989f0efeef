/** Types of scripts/eslint-rules.cjs (test/lint.test.ts imports it). */
import type { ESLint } from 'eslint';

export interface FeatureFolderOptions {
  root: string;
  shared?: string[];
  knownCycleEdges?: [string, string][];
}
export declare const plugin: ESLint.Plugin;
export declare function cycleEdges(cwd: string, options: FeatureFolderOptions): [string, string][];
