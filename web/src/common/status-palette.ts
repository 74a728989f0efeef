import type { CaseStatus } from '../api/client';

/**
 * One colour per case status, everywhere a status is coloured: the status badges and the
 * charts. The colours themselves are in common/app.css (`.brug-status-<status>`: design-system
 * colour tokens only, one per status, so no two statuses look alike); these are the class names
 * that apply them. Contrast is checked by test/status-palette.test.ts: the badge text on its
 * background at least 4.5:1; a chart fill below 3:1 against the page is outlined in the text
 * colour. Colour only helps scanning: the word on the badge and the chart's legend say it.
 */
const statusClass = (status: CaseStatus): string => `brug-status-${status.replace('_', '-')}`;

/** The classes of a status badge (on the design system's Badge, without its `color`). */
export const statusBadgeClass = (status: CaseStatus): string =>
  `brug-status-badge ${statusClass(status)}`;

/** The classes of a chart shape (bar, legend key) standing for a status. */
export const statusFillClass = (status: CaseStatus): string =>
  `brug-status-fill ${statusClass(status)}`;
