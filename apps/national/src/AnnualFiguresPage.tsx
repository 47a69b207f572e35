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
import type { AnnualFiguresQuery } from "./gql/graphql.ts";
import { graphql } from "./gql/index.ts";
import { useAppT } from "./i18n.ts";

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
  usePageTitle(t("annual.title"));
  const [year, setYear] = useYearParam();
  const [result, reexecute] = useQuery({ query: AnnualFiguresQueryDocument, variables: { year } });
  const answer = result.data?.annualFigures;
  const yearRefusal = answer?.__typename === "Refusal" && answer.field === "year" ? localized(answer.message) : null;

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("annual.title")}</Heading>
        <p className="hs-page-head__lead">{t("annual.lead")}</p>
      </div>
      <YearForm year={year} onChange={setYear} error={yearRefusal} />
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
