import { Alert, EmptyState, Heading, QueryView, SelectField, useFormat, useLocale, useLocalized, useSearchState } from "@homestart/ui";
import { useQuery } from "urql";
import type { AnnualFiguresBreakdownQuery, FiguresBreakdownBy } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";

const AnnualFiguresBreakdownQueryDocument = graphql(`
  query AnnualFiguresBreakdown($year: Int!, $by: FiguresBreakdownBy!) {
    annualFiguresBreakdown(year: $year, by: $by) {
      __typename
      ... on AnnualFiguresBreakdownSuccess {
        rows {
          id
          code
          name
          figures {
            families
            children
            volunteers
            viaReferrer
            shareSingleParent
            averageHoursPerFamily
            averageDaysRegistrationToStart
          }
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

type Row = Extract<AnnualFiguresBreakdownQuery["annualFiguresBreakdown"], { __typename: "AnnualFiguresBreakdownSuccess" }>["rows"][number];

const COLUMNS = [
  "name",
  "families",
  "children",
  "volunteers",
  "viaReferrer",
  "shareSingleParent",
  "averageHoursPerFamily",
  "averageDaysRegistrationToStart",
] as const;
type Column = (typeof COLUMNS)[number];
const COUNTS = new Set<Column>(["families", "children", "volunteers", "viaReferrer"]);
const isColumn = (value: string | null): value is Column => COLUMNS.includes(value as Column);

/** The year's figures per location or per municipality; the breakdown and the sort live in the address. */
export function BreakdownSection({ year }: { year: number }) {
  const t = useAppT();
  const localized = useLocalized();
  const [params, setParams] = useSearchState();
  const by: FiguresBreakdownBy = params.get("indeling") === "gemeente" ? "MUNICIPALITY" : "LOCATION";
  const [result, reexecute] = useQuery({ query: AnnualFiguresBreakdownQueryDocument, variables: { year, by } });
  return (
    <section className="hs-section hs-report-section" aria-labelledby="figures-breakdown-title">
      <Heading level={2} id="figures-breakdown-title">
        {t("annualFigures.breakdown.heading")}
      </Heading>
      <div className="hs-toolbar hs-toolbar--plain">
        <div className="hs-toolbar__field hs-toolbar__field--status">
          <SelectField
            label={t("annualFigures.breakdown.by")}
            value={by === "MUNICIPALITY" ? "gemeente" : "locatie"}
            onChange={(event) => setParams({ indeling: event.target.value === "gemeente" ? "gemeente" : undefined })}
            options={[
              { value: "locatie", label: t("annualFigures.breakdown.byLocation") },
              { value: "gemeente", label: t("annualFigures.breakdown.byMunicipality") },
            ]}
          />
        </div>
      </div>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {({ annualFiguresBreakdown }) =>
          annualFiguresBreakdown.__typename === "Refusal" ? (
            <Alert type="error" role="alert" title={localized(annualFiguresBreakdown.message)} />
          ) : annualFiguresBreakdown.rows.length === 0 ? (
            <EmptyState title={t("annualFigures.breakdown.emptyTitle")} headingLevel={3}>
              <p>{t("annualFigures.breakdown.emptyText")}</p>
            </EmptyState>
          ) : (
            <BreakdownTable rows={annualFiguresBreakdown.rows} by={by} year={year} />
          )
        }
      </QueryView>
    </section>
  );
}

function BreakdownTable({ rows, by, year }: { rows: readonly Row[]; by: FiguresBreakdownBy; year: number }) {
  const t = useAppT();
  const format = useFormat();
  const { locale } = useLocale();
  const [params, setParams] = useSearchState();
  const sortParam = params.get("sorteer");
  const sort: Column = isColumn(sortParam) ? sortParam : "name";
  const descending = params.get("volgorde") === "aflopend";

  const value = (row: Row, column: Column): number | string | null => (column === "name" ? row.name : (row.figures[column] ?? null));
  const sorted = [...rows].sort((a, b) => {
    const va = value(a, sort);
    const vb = value(b, sort);
    // Empty values go last whichever the direction: they are not "small".
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    const order = typeof va === "string" ? va.localeCompare(String(vb), locale) : va - Number(vb);
    return (descending ? -order : order) || a.name.localeCompare(b.name, locale);
  });

  const label = (column: Column): string => {
    if (column === "name") return t(by === "LOCATION" ? "annualFigures.breakdown.location" : "annualFigures.breakdown.municipality");
    const keys = {
      families: "annualFigures.column.families",
      children: "annualFigures.column.children",
      volunteers: "annualFigures.column.volunteers",
      viaReferrer: "annualFigures.column.viaReferrer",
      shareSingleParent: "annualFigures.column.shareSingleParent",
      averageHoursPerFamily: "annualFigures.column.hours",
      averageDaysRegistrationToStart: "annualFigures.column.daysToStart",
    } as const;
    return t(keys[column]);
  };
  const show = (row: Row, column: Column) => {
    const v = value(row, column);
    if (v === null) return "–";
    if (typeof v === "string") return v;
    if (column === "shareSingleParent") return format.percent(v);
    if (column === "averageHoursPerFamily" || column === "averageDaysRegistrationToStart") return format.oneDecimal(v);
    return format.number(v);
  };
  const toggle = (column: Column) =>
    setParams({
      sorteer: column === "name" ? undefined : column,
      // A number column starts with the largest; the name column with A.
      volgorde: column === sort ? (descending ? "oplopend" : "aflopend") : column === "name" ? undefined : "aflopend",
    });

  return (
    <>
      <p className="hs-hint">
        {t("annualFigures.breakdown.sortHint")} {t("annualFigures.breakdown.count", { count: format.number(rows.length) })}
      </p>
      <div className="hs-table-wrap">
        <table className="utrecht-table utrecht-table--html-table hs-table" data-table="breakdown" data-by={by}>
          <caption className="utrecht-table__caption hs-table__caption">
            {t(by === "LOCATION" ? "annualFigures.breakdown.captionLocation" : "annualFigures.breakdown.captionMunicipality", { year })}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {COLUMNS.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className={
                    column === "name"
                      ? "utrecht-table__header-cell"
                      : "utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                  }
                  aria-sort={column === sort ? (descending ? "descending" : "ascending") : undefined}
                >
                  <button type="button" className="hs-sort-button" onClick={() => toggle(column)} data-sort={column}>
                    {label(column)}
                    <span aria-hidden="true" className="hs-sort-button__arrow">
                      {column === sort ? (descending ? " ▼" : " ▲") : " ↕"}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {sorted.map((row) => (
              <tr key={row.id} className="utrecht-table__row" data-row={row.code ?? row.id}>
                <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                  {row.name || row.code}
                  {row.code && <span className="hs-muted"> ({row.code})</span>}
                </th>
                {COLUMNS.slice(1).map((column) => (
                  <td
                    key={column}
                    className="utrecht-table__cell hs-table__number"
                    data-column={column}
                    data-count={COUNTS.has(column) ? String(value(row, column)) : undefined}
                  >
                    {show(row, column)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
