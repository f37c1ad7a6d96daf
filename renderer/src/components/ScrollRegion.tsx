import type { ReactNode } from 'react';

/**
 * A box that may scroll sideways on a narrow window (a wide table at 1024 px).
 * Keyboard users must be able to scroll it too, so it is a focusable, named region.
 */
export function ScrollRegion({ label, className = 'table-scroll', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
