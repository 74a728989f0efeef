import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways inside their own region on narrow screens (375 px) instead of
 * widening the page; the region is focusable so keyboard users can scroll it too.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="brug-table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
