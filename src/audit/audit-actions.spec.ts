import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_NAMES, FORMER_AUDIT_ACTIONS } from './audit-actions';

/** Every .ts file under a directory, specs left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('AUDIT_ACTIONS', () => {
  it('names every action the code writes to the audit trail, and no other but former ones', () => {
    const written = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      // `w.audit({ action: 'x', …` — the action is the first property of every audit entry.
      for (const match of text.matchAll(/\.audit\(\{\s*action:\s*'([^']+)'/g)) {
        written.add(match[1]!);
      }
    }
    expect(written.size).toBeGreaterThan(10);
    expect([...written, ...FORMER_AUDIT_ACTIONS].sort()).toEqual([...AUDIT_ACTION_NAMES].sort());
    for (const former of FORMER_AUDIT_ACTIONS) expect(written.has(former)).toBe(false);
  });
});
