import { useFormat } from "@homestart/ui";
import { useAppT } from "../../i18n.ts";

/** A licence's period: "1-1-2024 t/m 31-12-2026", "vanaf …", or none yet. */
export function Period({ from, until }: { from?: string | null; until?: string | null }) {
  const t = useAppT();
  const format = useFormat();
  if (!from) return <>{t("period.none")}</>;
  if (!until) return <>{t("period.from", { from: format.date(from, "short") })}</>;
  return <>{t("period.range", { from: format.date(from, "short"), until: format.date(until, "short") })}</>;
}
