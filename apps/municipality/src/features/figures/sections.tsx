import {
  Alert,
  Button,
  EmptyState,
  FiguresTable,
  FigureValue,
  Heading,
  SuppressedMark,
  saveTextFile,
  TrendChart,
  useFormat,
  useLocale,
  useT,
} from "@homestart/ui";
import { useState } from "react";
import { useClient } from "urql";
import type { MunicipalityFiguresQuery, MunicipalityFiguresTrendQuery, MyMunicipalitiesQuery } from "../../gql/graphql.ts";
import { useAppT } from "../../i18n.ts";
import { MunicipalityFiguresCsvQuery } from "./queries.ts";

export type Figures = Extract<
  NonNullable<MunicipalityFiguresQuery["municipalityFigures"]>,
  { __typename: "MunicipalityFiguresSuccess" }
>["figures"];
export type TrendYear = Extract<
  NonNullable<MunicipalityFiguresTrendQuery["municipalityFiguresTrend"]>,
  { __typename: "MunicipalityFiguresTrendSuccess" }
>["years"][number];
type Municipality = NonNullable<MyMunicipalitiesQuery["me"]>["municipalities"][number];
type Comparison = Figures["comparison"][number];

/** A share or average is left out for no families at all, or because the counts behind it are hidden. */
export const noFamilies = (f: Pick<Figures, "families">) => f.families.shown && f.families.value === 0;

/** The year's counts (a hidden one shows its mark) and the shares and averages the API gives. */
export function FiguresTables({ figures: f }: { figures: Figures }) {
  const t = useAppT();
  const shared = useT();
  const format = useFormat();
  const cell = (c: Figures["families"]) => <FigureValue cell={c} />;
  const derived = (value: number | null | undefined, show: (v: number) => string) =>
    value !== null && value !== undefined ? show(value) : <SuppressedMark kind={noFamilies(f) ? "NO_DATA" : "DERIVED"} />;
  return (
    <div className="hs-figures">
      <FiguresTable
        caption={t("municipal.caption", { municipality: f.municipality.name, year: f.year })}
        labelHeader={shared("figures.figure")}
        valueHeader={shared("figures.value")}
        rows={[
          { id: "families", label: shared("figures.families"), value: cell(f.families) },
          { id: "children", label: shared("figures.children"), value: cell(f.children) },
          { id: "volunteers", label: shared("figures.volunteers"), value: cell(f.volunteers) },
          { id: "viaReferrer", label: shared("figures.viaReferrer"), value: cell(f.viaReferrer) },
          { id: "selfRegistered", label: shared("figures.selfRegistered"), value: cell(f.selfRegistered) },
          { id: "shareViaReferrer", label: shared("figures.shareViaReferrer"), value: derived(f.shareViaReferrer, format.percent) },
          { id: "singleParent", label: shared("figures.singleParent"), value: cell(f.singleParent) },
          { id: "shareSingleParent", label: shared("figures.shareSingleParent"), value: derived(f.shareSingleParent, format.percent) },
          {
            id: "averageHoursPerFamily",
            label: shared("figures.averageHoursPerFamily"),
            value: derived(f.averageHoursPerFamily, format.oneDecimal),
          },
          {
            id: "averageDaysRegistrationToStart",
            label: shared("figures.averageDaysRegistrationToStart"),
            value: derived(f.averageDaysRegistrationToStart, format.oneDecimal),
          },
        ]}
      />
      <FiguresTable
        caption={shared("figures.riskFactorsCaption", { year: f.year })}
        labelHeader={shared("figures.riskFactor")}
        valueHeader={shared("figures.riskFactorFamilies")}
        rows={f.riskFactors.map((r) => ({
          id: `risk-${r.riskFactor}`,
          label: shared(`riskFactor.${r.riskFactor}`),
          value: cell(r.families),
        }))}
      />
    </div>
  );
}

/** The municipality's shares and averages next to the national ones (the API's `comparison`). */
export function ComparisonSection({ figures: f }: { figures: Figures }) {
  const t = useAppT();
  const shared = useT();
  const format = useFormat();
  const label = (c: Comparison) =>
    c.measure === "SHARE_WITH_RISK_FACTOR" && c.riskFactor
      ? t("comparison.SHARE_WITH_RISK_FACTOR", { riskFactor: shared(`riskFactor.${c.riskFactor}`) })
      : t(`comparison.${c.measure}`, { riskFactor: "" });
  const isShare = (c: Comparison) => c.measure.startsWith("SHARE_");
  const show = (c: Comparison, value: number | null | undefined, side: "municipality" | "national") => {
    if (value === null || value === undefined) {
      return <SuppressedMark kind={side === "national" || noFamilies(f) ? "NO_DATA" : "DERIVED"} />;
    }
    return isShare(c) ? format.percent(value) : format.oneDecimal(value);
  };
  const name = f.municipality.name;
  return (
    <section className="hs-section hs-report-section" aria-labelledby="comparison-title">
      <Heading level={3} id="comparison-title">
        {t("comparison.heading")}
      </Heading>
      <div className="hs-table-wrap">
        <table className="utrecht-table utrecht-table--html-table hs-table" data-table="comparison">
          <caption className="utrecht-table__caption hs-table__caption">
            {t("comparison.caption", { municipality: name, year: f.year })}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t("comparison.measure")}
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                {t("comparison.municipality", { municipality: name })}
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                {t("comparison.national")}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {f.comparison.map((c) => (
              <tr
                key={`${c.measure}-${c.riskFactor ?? ""}`}
                className="utrecht-table__row"
                data-measure={c.riskFactor ? `${c.measure}-${c.riskFactor}` : c.measure}
              >
                <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                  {label(c)}
                </th>
                <td className="utrecht-table__cell hs-table__number" data-side="municipality">
                  {show(c, c.municipality, "municipality")}
                </td>
                <td className="utrecht-table__cell hs-table__number" data-side="national">
                  {show(c, c.national, "national")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Families, children and volunteers over the years: a chart with gaps for hidden years, and the table with the marks. */
export function TrendSection({
  years,
  municipality,
  fromYear,
  toYear,
}: {
  years: readonly TrendYear[];
  municipality: string;
  fromYear: number;
  toYear: number;
}) {
  const t = useAppT();
  const shared = useT();
  const format = useFormat();
  const cells = (pick: (y: TrendYear) => TrendYear["families"]) => years.map(pick);
  const columns = { families: cells((y) => y.families), children: cells((y) => y.children), volunteers: cells((y) => y.volunteers) };
  const range = { municipality, from: fromYear, to: toYear };
  return (
    <TrendChart
      title={t("trend.chartTitle", range)}
      description={t("trend.chartDesc")}
      categories={years.map((y) => String(y.year))}
      series={(["families", "children", "volunteers"] as const).map((id) => ({
        id,
        label: shared(`figures.${id}`),
        values: columns[id].map((c) => (c.shown && c.value !== null && c.value !== undefined ? c.value : null)),
      }))}
      format={(v) => format.number(v)}
      table={{
        caption: t("trend.tableCaption", range),
        categoryHeader: t("trend.year"),
        cell: (series, index) => {
          const c = columns[series.id as keyof typeof columns][index];
          return c ? <FigureValue cell={c} /> : null;
        },
      }}
    />
  );
}

/** The locations serving the municipality: licence status, last and next visitatie. */
export function ServingLocations({ municipality }: { municipality: Municipality }) {
  const t = useAppT();
  const format = useFormat();
  const locations = municipality.servingLocations ?? [];
  const badge = (status: string) =>
    ({
      OVERDUE: "hs-badge--alert",
      DUE_SOON: "hs-badge--warning",
      SUSPENDED: "hs-badge--warning",
      EXPIRED: "hs-badge--alert",
      TERMINATED: "hs-badge--alert",
      ACTIVE: "hs-badge--ok",
      OK: "hs-badge--ok",
      PLANNED: "hs-badge--ok",
    })[status] ?? "hs-badge--neutral";
  const visitatieKey = (status: string) => (["OVERDUE", "PLANNED", "DUE_SOON", "OK", "CLOSED"] as const).find((s) => s === status);
  return (
    <section className="hs-section hs-report-section" aria-labelledby="locations-title">
      <Heading level={3} id="locations-title">
        {t("locations.heading")}
      </Heading>
      <p className="hs-hint">{t("locations.lead")}</p>
      {locations.length === 0 ? (
        <EmptyState title={t("locations.emptyTitle")} headingLevel={4}>
          <p>{t("locations.emptyText")}</p>
        </EmptyState>
      ) : (
        <div className="hs-table-wrap">
          <table className="utrecht-table utrecht-table--html-table hs-table" data-table="serving-locations">
            <caption className="utrecht-table__caption hs-table__caption">
              {t("locations.caption", { municipality: municipality.name })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["location", "licence", "lastVisitatie", "nextVisitatie", "status"] as const).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {t(`locations.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {locations.map((l) => {
                const visitatie = visitatieKey(l.visitatieStatus);
                return (
                  <tr key={`${l.name}-${l.servedFrom}`} className="utrecht-table__row" data-location={l.name}>
                    <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                      <span className="hs-cell-title">{l.name}</span>
                      <span className="hs-cell-sub">
                        {l.city} · {t("locations.servedFrom", { date: format.date(l.servedFrom) })}
                      </span>
                    </th>
                    <td className="utrecht-table__cell" data-licence-status={l.licence?.status ?? "NONE"}>
                      {l.licence ? (
                        <>
                          <span className={`hs-badge ${badge(l.licence.status)}`}>{t(`licence.${l.licence.status}`)}</span>
                          <span className="hs-cell-sub">
                            {l.licence.number}
                            {l.licence.validUntil && ` · ${t("locations.validUntil", { date: format.date(l.licence.validUntil) })}`}
                          </span>
                        </>
                      ) : (
                        t("locations.noLicence")
                      )}
                    </td>
                    <td className="utrecht-table__cell" data-last-visitatie={l.lastVisitatieOn ?? ""}>
                      {l.lastVisitatieOn ? format.date(l.lastVisitatieOn) : t("locations.never")}
                    </td>
                    <td className="utrecht-table__cell" data-next-visitatie={l.plannedVisitatieOn ?? l.nextVisitatieDueOn}>
                      {l.plannedVisitatieOn
                        ? t("locations.planned", { date: format.date(l.plannedVisitatieOn) })
                        : t("locations.dueBy", { date: format.date(l.nextVisitatieDueOn) })}
                    </td>
                    <td className="utrecht-table__cell" data-visitatie-status={l.visitatieStatus}>
                      <span className={`hs-badge ${badge(l.visitatieStatus)}`}>
                        {visitatie ? t(`visitatie.${visitatie}`) : l.visitatieStatus}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** CSV (written by the API, suppression included) and print/PDF of the page for a council report. */
export function Exports({ municipalityId, year }: { municipalityId: string; year: number }) {
  const t = useAppT();
  const client = useClient();
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await client
        .query(
          MunicipalityFiguresCsvQuery,
          { year, municipalityId, language: locale === "en" ? "EN" : "NL" },
          { requestPolicy: "network-only" },
        )
        .toPromise();
      const answer = result.data?.municipalityFiguresCsv;
      if (answer?.__typename === "MunicipalityFiguresCsvSuccess") {
        saveTextFile(answer.file.filename, answer.file.mediaType, answer.file.content, { bom: true });
      } else if (answer?.__typename === "Refusal") {
        setProblem(answer.message[locale]);
      } else {
        setProblem(t("export.failed"));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="hs-section hs-no-print hs-figures-export" aria-labelledby="export-title">
      <Heading level={3} id="export-title">
        {t("export.heading")}
      </Heading>
      <div className="hs-figures-export__actions">
        <Button appearance="primary" busy={busy} onClick={download} aria-describedby="export-csv-hint" data-export="csv">
          {t("export.csv")}
        </Button>
        <Button onClick={() => window.print()} aria-describedby="export-print-hint" data-export="print">
          {t("export.print")}
        </Button>
      </div>
      <p id="export-csv-hint" className="hs-hint">
        {t("export.csvHint", { year })}
      </p>
      <p id="export-print-hint" className="hs-hint">
        {t("export.printHint")}
      </p>
      {problem && <Alert type="error" role="alert" title={problem} />}
    </section>
  );
}
