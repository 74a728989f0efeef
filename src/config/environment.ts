import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { AppConfig, ConfigError, loadConfig } from './config';
import { keptSecret } from './kept-secret';

/**
 * The one place that reads process.env: merges an optional `.env` file (real environment
 * variables win) and validates the result. Outside production, a missing `JWT_SECRET` is made
 * once and kept in `JWT_SECRET_FILE`, shared by every process started from this directory.
 */
export function configFromEnvironment(envFile = '.env'): AppConfig {
  const fromFile = existsSync(envFile) ? parse(readFileSync(envFile)) : {};
  return loadConfig({ ...fromFile, ...process.env }, { keptSecret });
}

/** For entry points: the configuration, or a message naming every bad variable and exit 1. */
export function configOrExit(program: string): AppConfig {
  try {
    return configFromEnvironment();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${program}: ${error.message}\nSee docs/configuration.md.\n`);
      process.exit(1);
    }
    throw error;
  }
}
