import { cx, Heading, HomeIntro, QueryView, useFormat } from "@homestart/ui";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { EXPIRING_DAYS } from "../licences/LicencesPage.tsx";

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

/** The national overview: the six key numbers the API counts today, each a link to the list behind it. */
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
              <LinkedStats
                items={[
                  {
                    id: "municipalitiesOffering",
                    label: t("overview.municipalitiesOffering"),
                    value: o.municipalitiesOffering,
                    hint: t("overview.municipalitiesOffering.hint"),
                    href: "/gemeenten?aangeboden=ja",
                  },
                  { id: "locations", label: t("overview.locations"), value: o.locations, href: "/locaties" },
                  { id: "activeLicences", label: t("overview.activeLicences"), value: o.activeLicences, href: "/licenties?status=ACTIVE" },
                  {
                    id: "licencesExpiringSoon",
                    label: t("overview.licencesExpiringSoon"),
                    value: o.licencesExpiringSoon,
                    hint: t("overview.licencesExpiringSoon.hint"),
                    tone: "attention",
                    href: `/licenties?status=ACTIVE&verloopt=${EXPIRING_DAYS}`,
                  },
                  {
                    id: "visitatiesOverdue",
                    label: t("overview.visitatiesOverdue"),
                    value: o.visitatiesOverdue,
                    hint: t("overview.visitatiesOverdue.hint"),
                    tone: "attention",
                    href: "/visitaties?status=OVERDUE",
                  },
                  {
                    id: "visitatiesDueSoon",
                    label: t("overview.visitatiesDueSoon"),
                    value: o.visitatiesDueSoon,
                    hint: t("overview.visitatiesDueSoon.hint"),
                    tone: "attention",
                    href: "/visitaties?status=DUE_SOON",
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
    </>
  );
}

interface LinkedStat {
  id: string;
  label: string;
  value: number;
  hint?: string;
  tone?: "attention";
  /** The list behind the number, filtered the same way. */
  href: string;
}

/** The StatGrid cards (same classes, data-stat) with each number a link to its list. */
function LinkedStats({ items }: { items: readonly LinkedStat[] }) {
  const format = useFormat();
  const t = useAppT();
  return (
    <dl className="hs-stats">
      {items.map((stat) => (
        <div
          key={stat.id}
          className={cx("hs-stat", "hs-stat--linked", stat.tone === "attention" && stat.value > 0 && "hs-stat--attention")}
          data-stat={stat.id}
        >
          <dt className="hs-stat__label">{stat.label}</dt>
          <dd className="hs-stat__value">
            <Link
              href={stat.href}
              className="utrecht-link utrecht-link--html-a hs-stat__link"
              aria-label={`${format.number(stat.value)} – ${stat.label}: ${t("overview.showList")}`}
            >
              {format.number(stat.value)}
            </Link>
          </dd>
          {stat.hint && <dd className="hs-stat__hint">{stat.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
