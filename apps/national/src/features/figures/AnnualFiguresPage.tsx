import {
  Alert,
  FiguresTable,
  Heading,
  QueryView,
  SuppressedMark,
  SuppressionNotes,
  useFormat,
  useLocalized,
  usePageTitle,
  useT,
  useYearParam,
  YearForm,
} from "@homestart/ui";
import { useQuery } from "urql";
import type { AnnualFiguresQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { BreakdownSection } from "./BreakdownSection.tsx";
import { FiguresExports } from "./exports.tsx";
import { TrendSection } from "./TrendSection.tsx";

/** The trend chart and the CSV's per-year table cover this many years up to the chosen one. */
const TREND_YEARS = 5;
// Home-Start Nederland started in 1994 (seed 002): no figures before it.
const FIRST_YEAR = 1994;

const AnnualFiguresQueryDocument = graphql(`
  query AnnualFigures($year: Int!) {
    annualFigures(year: $year) {
      __typename
      ... on AnnualFiguresSuccess {
        figures {
          year
          families
          children
          volunteers
          coordinators
          municipalities
          viaReferrer
          shareViaReferrer
          singleParent
          shareSingleParent
          riskFactors {
            riskFactor
            families
          }
          averageHoursPerFamily
          startedInYear
          averageDaysRegistrationToStart
        }
      }
      ... on Refusal {
        code
        field
        message {
          nl
          en
        }
      }
    }
  }
`);

type Figures = Extract<AnnualFiguresQuery["annualFigures"], { __typename: "AnnualFiguresSuccess" }>["figures"];

/** Jaarcijfers: the national figures for a chosen year (the last full year by default). */
export function AnnualFiguresPage() {
  const t = useAppT();
  const localized = useLocalized();
  const format = useFormat();
  usePageTitle(t("annual.title"));
  const [year, setYear] = useYearParam();
  const [result, reexecute] = useQuery({ query: AnnualFiguresQueryDocument, variables: { year } });
  const answer = result.data?.annualFigures;
  const yearRefusal = answer?.__typename === "Refusal" && answer.field === "year" ? localized(answer.message) : null;

  const fromYear = Math.max(FIRST_YEAR, year - TREND_YEARS + 1);
  // Only once the answer is for the year now chosen: while a new year loads, urql still holds the last answer.
  const yearAccepted = answer?.__typename === "AnnualFiguresSuccess" && !result.fetching;

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("annual.title")}</Heading>
        <p className="hs-page-head__lead">{t("annual.lead")}</p>
      </div>
      {/* On paper (or in the PDF) the report says what it is and when it was made. */}
      <div className="hs-print-only hs-report-head">
        <p className="hs-report-head__title">{t("annualFigures.report.title", { year })}</p>
        <p>{t("annualFigures.report.made", { date: format.date(new Date()) })}</p>
      </div>
      <YearForm year={year} onChange={setYear} error={yearRefusal} />
      <section className="hs-section hs-report-section" aria-labelledby="figures-year-title">
        <Heading level={2} id="figures-year-title">
          {t("annualFigures.year.heading", { year })}
        </Heading>
        <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
          {({ annualFigures }) =>
            annualFigures.__typename === "Refusal" ? (
              // A refusal about the year is shown at the year field; any other one here.
              annualFigures.field === "year" ? null : (
                <Alert type="error" role="alert" title={localized(annualFigures.message)} />
              )
            ) : (
              <NationalFigures figures={annualFigures.figures} />
            )
          }
        </QueryView>
      </section>
      {/* The rest asks for the same year: only once the API has accepted it. */}
      {yearAccepted && (
        <>
          <FiguresExports year={year} fromYear={fromYear} />
          <TrendSection fromYear={fromYear} toYear={year} />
          <BreakdownSection year={year} />
        </>
      )}
    </>
  );
}

function NationalFigures({ figures: f }: { figures: Figures }) {
  const t = useAppT();
  const shared = useT();
  const format = useFormat();
  const count = (value: number) => <span data-count={value}>{format.number(value)}</span>;
  // A share or an average is null only when there is nothing to divide by: no families that year.
  const orNone = (value: number | null | undefined, show: (v: number) => string) =>
    value === null || value === undefined ? <SuppressedMark kind="NO_DATA" /> : show(value);
  const anyNone = [f.shareViaReferrer, f.shareSingleParent, f.averageHoursPerFamily, f.averageDaysRegistrationToStart].some(
    (v) => v === null || v === undefined,
  );
  return (
    <div className="hs-figures">
      <FiguresTable
        caption={t("annual.caption", { year: f.year })}
        labelHeader={shared("figures.figure")}
        valueHeader={shared("figures.value")}
        rows={[
          { id: "families", label: shared("figures.families"), value: count(f.families) },
          { id: "children", label: shared("figures.children"), value: count(f.children) },
          { id: "volunteers", label: shared("figures.volunteers"), value: count(f.volunteers) },
          { id: "coordinators", label: shared("figures.coordinators"), value: count(f.coordinators) },
          { id: "municipalities", label: shared("figures.municipalities"), value: count(f.municipalities) },
          { id: "viaReferrer", label: shared("figures.viaReferrer"), value: count(f.viaReferrer) },
          { id: "shareViaReferrer", label: shared("figures.shareViaReferrer"), value: orNone(f.shareViaReferrer, format.percent) },
          { id: "singleParent", label: shared("figures.singleParent"), value: count(f.singleParent) },
          { id: "shareSingleParent", label: shared("figures.shareSingleParent"), value: orNone(f.shareSingleParent, format.percent) },
          { id: "startedInYear", label: shared("figures.startedInYear"), value: count(f.startedInYear) },
          {
            id: "averageHoursPerFamily",
            label: shared("figures.averageHoursPerFamily"),
            value: orNone(f.averageHoursPerFamily, format.oneDecimal),
          },
          {
            id: "averageDaysRegistrationToStart",
            label: shared("figures.averageDaysRegistrationToStart"),
            value: orNone(f.averageDaysRegistrationToStart, format.oneDecimal),
          },
        ]}
      />
      <div>
        <FiguresTable
          caption={shared("figures.riskFactorsCaption", { year: f.year })}
          labelHeader={shared("figures.riskFactor")}
          valueHeader={shared("figures.riskFactorFamilies")}
          rows={f.riskFactors.map((r) => ({
            id: `risk-${r.riskFactor}`,
            label: shared(`riskFactor.${r.riskFactor}`),
            value: count(r.families),
          }))}
        />
        {anyNone && <SuppressionNotes kinds={["NO_DATA"]} />}
      </div>
    </div>
  );
}
