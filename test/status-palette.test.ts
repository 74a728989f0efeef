import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tokens from '@amsterdam/design-system-tokens/dist/index.json';
import { CASE_STATUSES } from '../src/cases/case-transitions';

const APP_CSS = readFileSync(join(__dirname, '..', 'web', 'src', 'common', 'app.css'), 'utf8');
const TOKENS_CSS = readFileSync(
  require.resolve('@amsterdam/design-system-tokens/dist/index.css'),
  'utf8',
);

/** The design-system colour token a rule of app.css sets a property to (`highlight-purple`). */
function tokenOf(selector: string, property: string): string {
  const rule = new RegExp(`${selector.replace('.', '\\.')} \\{([^}]*)\\}`).exec(APP_CSS);
  if (!rule) throw new Error(`no rule ${selector} in app.css`);
  const value = new RegExp(`${property}: var\\(--ams-color-([a-z-]+)\\);`).exec(rule[1]!);
  if (!value) throw new Error(`${selector} sets no ${property} to a colour token`);
  return value[1]!;
}

/** A token to its colour, from the design system's own values (`text` is `text.default`). */
function hex(name: string): string {
  // The custom property exists in the design system (so the browser has it too).
  expect(TOKENS_CSS).toContain(`--ams-color-${name}:`);
  const color = tokens.ams.color as unknown as Record<string, string | Record<string, string>>;
  const [group, leaf] = name.split('-', 2) as [string, string | undefined];
  const node = color[group];
  const value = typeof node === 'string' ? node : node?.[leaf ?? 'default'];
  if (typeof value !== 'string' || !/^#[0-9a-f]{6}$/i.test(value)) {
    throw new Error(`no colour token ${name}`);
  }
  return value;
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(colour.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const classOf = (status: string) => `.brug-status-${status.replace('_', '-')}`;

/** Issue 13, item 18: one palette per status, readable as text and visible as a shape. */
describe('the status palette (web/src/common/app.css)', () => {
  const page = tokens.ams.color.background.default;

  it('has a colour for every status, and no two statuses share one', () => {
    const backgrounds = CASE_STATUSES.map((s) =>
      hex(tokenOf(classOf(s), '--brug-status-background')),
    );
    expect(new Set(backgrounds).size).toBe(CASE_STATUSES.length);
  });

  it('gives badges and chart shapes those colours', () => {
    const rule = (selector: string) =>
      new RegExp(`${selector.replace('.', '\\.')} \\{([^}]*)\\}`).exec(APP_CSS)?.[1] ?? '';
    expect(rule('.brug-status-badge')).toContain(
      '--ams-badge-background-color: var(--brug-status-background);',
    );
    expect(rule('.brug-status-badge')).toContain('--ams-badge-color: var(--brug-status-text);');
    expect(rule('.brug-status-fill')).toContain('fill: var(--brug-status-background);');
  });

  it.each(CASE_STATUSES)('%s: badge text ≥ 4.5:1, chart shape ≥ 3:1 against the page', (s) => {
    const background = hex(tokenOf(classOf(s), '--brug-status-background'));
    const text = hex(tokenOf(classOf(s), '--brug-status-text'));
    expect(contrast(background, text)).toBeGreaterThanOrEqual(4.5);
    // The fill itself, or else its outline, stands 3:1 apart from the page.
    const outline = hex(tokenOf('.brug-status-fill', 'stroke'));
    expect(Math.max(contrast(background, page), contrast(outline, page))).toBeGreaterThanOrEqual(3);
  });
});
