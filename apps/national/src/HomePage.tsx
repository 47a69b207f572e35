import { EmptyState, Heading, HomeIntro } from "@homestart/ui";
import { useAppT } from "./i18n.ts";

/** Who is logged in; the national overview itself is a later issue, and the page says so. */
export function HomePage() {
  const t = useAppT();
  return (
    <>
      <HomeIntro />
      <section className="hs-section" aria-labelledby="overview">
        <Heading level={2} id="overview">
          {t("overview.heading")}
        </Heading>
        <EmptyState title={t("overview.title")} icon="chart" badge={t("overview.badge")}>
          <p>{t("overview.planned")}</p>
          <p>{t("overview.honest")}</p>
        </EmptyState>
      </section>
    </>
  );
}
