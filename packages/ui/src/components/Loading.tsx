import { useT } from "../i18n/I18nProvider.tsx";
import { cx } from "./classNames.ts";

/** A spinner with a text, announced politely to screen readers. */
export function Loading({ label, className }: { label?: string; className?: string }) {
  const t = useT();
  return (
    <div className={cx("hs-loading", className)} role="status" aria-live="polite">
      <span className="hs-spinner" aria-hidden="true" />
      <span>{label ?? t("loading")}</span>
    </div>
  );
}
