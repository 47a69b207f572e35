import type { ReactNode } from "react";

/**
 * A wide table's scroll box: focusable and named, so keyboard users can scroll it too
 * (axe: scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="hs-table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
