import { EmptyState, Heading, HomeIntro, QueryView, StatGrid, useFormat } from "@homestart/ui";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "./gql/index.ts";
import { useAppT } from "./i18n.ts";

const NationalOverviewQuery = graphql(`
  query NationalOverview {
    nationalOverview {
      on
      municipalitiesOffering
      locations
      activeLicences
      licencesExpiringSoon
      visitatiesOverdue
      visitatiesDueSoon
    }
  }
`);

/** The national overview: the six key numbers the API counts today, and what is still to come. */
export function OverviewPage() {
  const t = useAppT();
  const format = useFormat();
  const [result, reexecute] = useQuery({ query: NationalOverviewQuery });
  return (
    <>
      <HomeIntro title={t("overview.title")} compact>
        <p className="hs-page-head__lead">{t("overview.lead")}</p>
      </HomeIntro>
      <section className="hs-section" aria-labelledby="overview-numbers">
        <Heading level={2} id="overview-numbers">
          {t("overview.heading")}
        </Heading>
        <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
          {({ nationalOverview: o }) => (
            <>
              <p className="hs-section__intro">{t("overview.on", { date: format.date(o.on, "long") })}</p>
              <StatGrid
                items={[
                  {
                    id: "municipalitiesOffering",
                    label: t("overview.municipalitiesOffering"),
                    value: o.municipalitiesOffering,
                    hint: t("overview.municipalitiesOffering.hint"),
                  },
                  { id: "locations", label: t("overview.locations"), value: o.locations },
                  { id: "activeLicences", label: t("overview.activeLicences"), value: o.activeLicences },
                  {
                    id: "licencesExpiringSoon",
                    label: t("overview.licencesExpiringSoon"),
                    value: o.licencesExpiringSoon,
                    hint: t("overview.licencesExpiringSoon.hint"),
                    tone: "attention",
                  },
                  {
                    id: "visitatiesOverdue",
                    label: t("overview.visitatiesOverdue"),
                    value: o.visitatiesOverdue,
                    hint: t("overview.visitatiesOverdue.hint"),
                    tone: "attention",
                  },
                  {
                    id: "visitatiesDueSoon",
                    label: t("overview.visitatiesDueSoon"),
                    value: o.visitatiesDueSoon,
                    hint: t("overview.visitatiesDueSoon.hint"),
                    tone: "attention",
                  },
                ]}
              />
              <p>
                <Link href="/jaarcijfers" className="utrecht-link utrecht-link--html-a hs-strong-link">
                  {t("overview.figuresLink")}
                  <span aria-hidden="true"> →</span>
                </Link>
              </p>
            </>
          )}
        </QueryView>
      </section>
      <section className="hs-section" aria-labelledby="later">
        <Heading level={2} id="later">
          {t("later.heading")}
        </Heading>
        <EmptyState title={t("later.title")} icon="chart" badge={t("later.badge")}>
          <p>{t("later.planned")}</p>
          <p>{t("later.honest")}</p>
        </EmptyState>
      </section>
    </>
  );
}
