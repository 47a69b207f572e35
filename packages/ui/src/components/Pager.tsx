import { useT } from "../i18n/I18nProvider.tsx";
import { Button } from "./Button.tsx";

export interface PagerProps {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** What is on this page, e.g. "Gezinnen 1 tot 50", read out with the navigation. */
  status?: string;
}

/** Previous / next page, for lists paged with cursors. Hidden when there is only one page. */
export function Pager({ hasPrevious, hasNext, onPrevious, onNext, status }: PagerProps) {
  const t = useT();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="hs-pager" aria-label={t("pager.label")}>
      <Button appearance="secondary" onClick={onPrevious} disabled={!hasPrevious}>
        <span aria-hidden="true">←</span> {t("pager.previous")}
      </Button>
      {status && <p className="hs-pager__status">{status}</p>}
      <Button appearance="secondary" onClick={onNext} disabled={!hasNext}>
        {t("pager.next")} <span aria-hidden="true">→</span>
      </Button>
    </nav>
  );
}
