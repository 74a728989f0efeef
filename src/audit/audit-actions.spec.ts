import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_NAMES } from './audit-actions';

/** Every .ts file under a directory, specs left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('AUDIT_ACTIONS', () => {
  it('names every action the code writes to the audit trail, and no other', () => {
    const written = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      // `w.audit({ action: 'x', …` — the action is the first property of every audit entry.
      for (const match of text.matchAll(/\.audit\(\{\s*action:\s*'([^']+)'/g)) {
        written.add(match[1]!);
      }
    }
    expect(written.size).toBeGreaterThan(10);
    expect([...written].sort()).toEqual([...AUDIT_ACTION_NAMES].sort());
  });
});
