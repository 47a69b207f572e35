import { Alert, Heading, QueryView, TrendChart, useFormat, useLocalized, useT } from "@homestart/ui";
import { useQuery } from "urql";
import type { AnnualFiguresTrendQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";

const AnnualFiguresTrendQueryDocument = graphql(`
  query AnnualFiguresTrend($fromYear: Int!, $toYear: Int!) {
    annualFiguresTrend(fromYear: $fromYear, toYear: $toYear) {
      __typename
      ... on AnnualFiguresTrendSuccess {
        years {
          year
          municipalities
          volunteers
          families
          children
          viaReferrer
          shareSingleParent
          riskFactors {
            riskFactor
            families
          }
          averageHoursPerFamily
          averageDaysRegistrationToStart
        }
      }
      ... on Refusal {
        message {
          nl
          en
        }
      }
    }
  }
`);

type Year = Extract<AnnualFiguresTrendQuery["annualFiguresTrend"], { __typename: "AnnualFiguresTrendSuccess" }>["years"][number];

/** The national figures over the years: a chart, and the table per year as the seeds publish it. */
export function TrendSection({ fromYear, toYear }: { fromYear: number; toYear: number }) {
  const t = useAppT();
  const localized = useLocalized();
  const [result, reexecute] = useQuery({ query: AnnualFiguresTrendQueryDocument, variables: { fromYear, toYear } });
  return (
    <section className="hs-section hs-report-section" aria-labelledby="figures-trend-title">
      <Heading level={2} id="figures-trend-title">
        {t("annualFigures.trend.heading")}
      </Heading>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {({ annualFiguresTrend }) =>
          annualFiguresTrend.__typename === "Refusal" ? (
            <Alert type="error" role="alert" title={localized(annualFiguresTrend.message)} />
          ) : (
            <Trend years={annualFiguresTrend.years} fromYear={fromYear} toYear={toYear} />
          )
        }
      </QueryView>
    </section>
  );
}

function Trend({ years, fromYear, toYear }: { years: readonly Year[]; fromYear: number; toYear: number }) {
  const t = useAppT();
  const shared = useT();
  const format = useFormat();
  const first = years[0];
  const last = years.at(-1);
  const range = { from: fromYear, to: toYear };
  const orDash = (value: number | null | undefined, show: (v: number) => string) =>
    value === null || value === undefined ? "–" : show(value);
  const riskFactors = first?.riskFactors.map((r) => r.riskFactor) ?? [];
  return (
    <div className="hs-stack">
      <TrendChart
        title={t("annualFigures.trend.chartTitle", range)}
        description={t("annualFigures.trend.chartDesc", {
          ...range,
          familiesFrom: format.number(first?.families ?? 0),
          familiesTo: format.number(last?.families ?? 0),
          childrenFrom: format.number(first?.children ?? 0),
          childrenTo: format.number(last?.children ?? 0),
          volunteersFrom: format.number(first?.volunteers ?? 0),
          volunteersTo: format.number(last?.volunteers ?? 0),
        })}
        categories={years.map((y) => String(y.year))}
        series={[
          { id: "families", label: shared("figures.families"), values: years.map((y) => y.families) },
          { id: "children", label: shared("figures.children"), values: years.map((y) => y.children) },
          { id: "volunteers", label: shared("figures.volunteers"), values: years.map((y) => y.volunteers) },
        ]}
        format={(v) => format.number(v)}
        // The table below holds these numbers and more, visibly; this one is for screen readers.
        table={{ caption: t("annualFigures.trend.chartTable"), categoryHeader: t("annualFigures.trend.year"), visible: false }}
      />
      {/* Wide tables scroll sideways; the box takes focus so the keyboard can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="hs-table-wrap" tabIndex={0} aria-labelledby="figures-trend-table-caption">
        <table className="utrecht-table utrecht-table--html-table hs-table" data-table="trend">
          <caption id="figures-trend-table-caption" className="utrecht-table__caption hs-table__caption">
            {t("annualFigures.trend.tableCaption", range)}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t("annualFigures.trend.year")}
              </th>
              {(
                [
                  "municipalities",
                  "volunteers",
                  "families",
                  "children",
                  "viaReferrer",
                  "shareSingleParent",
                  "hours",
                  "daysToStart",
                ] as const
              ).map((column) => (
                <th key={column} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  {t(`annualFigures.column.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {years.map((y) => (
              <tr key={y.year} className="utrecht-table__row" data-year={y.year}>
                <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                  {y.year}
                </th>
                {[y.municipalities, y.volunteers, y.families, y.children, y.viaReferrer].map((value, i) => (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns in a fixed order.
                    key={i}
                    className="utrecht-table__cell hs-table__number"
                    data-count={value}
                  >
                    {format.number(value)}
                  </td>
                ))}
                <td className="utrecht-table__cell hs-table__number">{orDash(y.shareSingleParent, format.percent)}</td>
                <td className="utrecht-table__cell hs-table__number">{orDash(y.averageHoursPerFamily, format.oneDecimal)}</td>
                <td className="utrecht-table__cell hs-table__number">{orDash(y.averageDaysRegistrationToStart, format.oneDecimal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="hs-table-wrap" tabIndex={0} aria-labelledby="figures-risk-table-caption">
        <table className="utrecht-table utrecht-table--html-table hs-table" data-table="risk-trend">
          <caption id="figures-risk-table-caption" className="utrecht-table__caption hs-table__caption">
            {t("annualFigures.riskFactors.caption", range)}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t("annualFigures.trend.year")}
              </th>
              {riskFactors.map((r) => (
                <th key={r} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  {shared(`riskFactor.${r}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {years.map((y) => (
              <tr key={y.year} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                  {y.year}
                </th>
                {y.riskFactors.map((r) => (
                  <td key={r.riskFactor} className="utrecht-table__cell hs-table__number">
                    {format.number(r.families)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
