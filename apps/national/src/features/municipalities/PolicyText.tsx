import { useAppT } from "../../i18n.ts";

/** "0 t/m 6 jaar" (short) or with the pregnancy week (full). */
export function PolicyText({
  policy,
  full = false,
}: {
  policy: { maxAgeInclusive: number; pregnancyWeeksFrom: number } | null | undefined;
  full?: boolean;
}) {
  const t = useAppT();
  if (!policy) return <>{t("policy.none")}</>;
  return (
    <>
      {full
        ? t("policy.rangeFull", { max: policy.maxAgeInclusive, weeks: policy.pregnancyWeeksFrom })
        : t("policy.range", { max: policy.maxAgeInclusive })}
    </>
  );
}
