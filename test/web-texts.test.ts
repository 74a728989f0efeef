import { adminOpsEn, adminOpsNl } from '../web/src/admin/ops-texts';
import { managementEn, managementNl } from '../web/src/dashboard/management-texts';

/** Every key of a text group, nested ones as `group.key`, plural forms by their base key. */
function keysOf(texts: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(texts)
    .flatMap(([key, value]) =>
      typeof value === 'string'
        ? [`${prefix}${key.replace(/_(one|other)$/, '')}`]
        : keysOf(value as Record<string, unknown>, `${prefix}${key}.`),
    )
    .filter((key, i, all) => all.indexOf(key) === i)
    .sort();
}

/**
 * The plain text records joined in web/src/common/i18n.ts are not checked by the compiler (the
 * typed locale objects are): the same keys in Dutch and English, and no empty text.
 */
describe('the web UI’s plain text groups', () => {
  it.each([
    ['adminOps', adminOpsNl, adminOpsEn],
    ['management', managementNl, managementEn],
  ])('%s has the same keys in nl and en, none empty', (_, nl, en) => {
    expect(keysOf(en)).toEqual(keysOf(nl));
    const values = (t: Record<string, unknown>): string[] =>
      Object.values(t).flatMap((v) =>
        typeof v === 'string' ? [v] : values(v as Record<string, unknown>),
      );
    expect([...values(nl), ...values(en)].filter((v) => v.trim() === '')).toEqual([]);
  });
});
