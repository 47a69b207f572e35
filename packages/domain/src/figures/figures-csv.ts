import { RISK_FACTORS, type RiskFactor } from "../shared/enums.ts";
import type { AnnualFigures } from "./annual-figures.ts";
import type { ComparisonMeasure, ComparisonRow } from "./compare-with-national.ts";
import type { OfficerFigures } from "./officer-figures.ts";
import { type Cell, DEFAULT_SUPPRESSION_POLICY, type SuppressionPolicy } from "./suppress-small-numbers.ts";

/**
 * CSV exports of the annual figures (the annual report's table, seeds 000–003).
 *
 * Format (RFC 4180): CRLF line endings, a header row, fields quoted only when they hold the
 * separator, a quote or a line break (quotes doubled). The language decides the headers and what
 * a spreadsheet of that language expects: `nl` uses `;` between fields and a decimal comma (Dutch
 * Excel's list separator), `en` uses `,` and a decimal point. Numbers carry no thousands separator;
 * shares are percentages with one decimal, averages have one decimal. No byte-order mark: a client
 * saving the file for Excel prepends U+FEFF itself. A text field starting with = + - @ is prefixed
 * with ' so that a spreadsheet does not run it as a formula.
 * A municipal officer's export never holds a suppressed number: "< 5" for a small number,
 * "verborgen"/"hidden" for a complementary suppression, empty for a share that is not given.
 */
export type CsvLanguage = "nl" | "en";
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(rows: readonly (readonly CsvValue[])[], language: CsvLanguage): string {
  const separator = language === "nl" ? ";" : ",";
  const field = (value: CsvValue): string => {
    if (value === null) return "";
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return "";
      const text = String(value);
      return language === "nl" ? text.replace(".", ",") : text;
    }
    const text = FORMULA_START.test(value) ? `'${value}` : value;
    return /[";,\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => `${row.map(field).join(separator)}\r\n`).join("");
}

type Label = Record<CsvLanguage, string>;

// seed 000: "risicofactoren: psychisch, opvoedkundig, fysiek, woonomgeving, financieel, beperkt netwerk"
export const RISK_FACTOR_LABELS: Record<RiskFactor, Label> = {
  PSYCHOLOGICAL: { nl: "psychisch", en: "psychological" },
  PARENTING: { nl: "opvoedkundig", en: "parenting" },
  PHYSICAL: { nl: "fysiek", en: "physical" },
  LIVING_ENVIRONMENT: { nl: "woonomgeving", en: "living environment" },
  FINANCIAL: { nl: "financieel", en: "financial" },
  LIMITED_NETWORK: { nl: "beperkt netwerk", en: "limited network" },
};

const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);
const percent = (share: number | null): number | null => (share === null ? null : round1(share * 100));

const MEASURES: { label: Label; value: (f: AnnualFigures) => number | null }[] = [
  { label: { nl: "gemeenten", en: "municipalities" }, value: (f) => f.municipalities },
  { label: { nl: "coördinatoren", en: "coordinators" }, value: (f) => f.coordinators },
  { label: { nl: "vrijwilligers", en: "volunteers" }, value: (f) => f.volunteers },
  { label: { nl: "gezinnen", en: "families" }, value: (f) => f.families },
  { label: { nl: "kinderen", en: "children" }, value: (f) => f.children },
  { label: { nl: "via verwijzer", en: "via referrer" }, value: (f) => f.viaReferrer },
  { label: { nl: "via verwijzer (%)", en: "via referrer (%)" }, value: (f) => percent(f.shareViaReferrer) },
  { label: { nl: "eenoudergezin", en: "single parent" }, value: (f) => f.singleParent },
  { label: { nl: "eenoudergezin (%)", en: "single parent (%)" }, value: (f) => percent(f.shareSingleParent) },
  ...RISK_FACTORS.map((r) => ({
    label: { nl: `risicofactor ${RISK_FACTOR_LABELS[r].nl}`, en: `risk factor ${RISK_FACTOR_LABELS[r].en}` },
    value: (f: AnnualFigures) => f.riskFactors[r],
  })),
  { label: { nl: "uren per gezin", en: "hours per family" }, value: (f) => round1(f.averageHoursPerFamily) },
  { label: { nl: "gestart in het jaar", en: "started in the year" }, value: (f) => f.startedInYear },
  {
    label: { nl: "dagen van aanmelding tot start", en: "days from registration to start" },
    value: (f) => round1(f.averageDaysRegistrationToStart),
  },
];

export type FiguresCsvBy = "NATIONAL" | "LOCATION" | "MUNICIPALITY";

export interface FiguresCsvRow {
  /** The municipality's CBS code (MUNICIPALITY only). */
  code?: string | null;
  /** The location's or municipality's name (not used for NATIONAL). */
  name?: string | null;
  figures: AnnualFigures;
}

/** The national table: one row per year (NATIONAL) or per location / municipality. */
export function annualFiguresCsv(by: FiguresCsvBy, rows: readonly FiguresCsvRow[], language: CsvLanguage): string {
  const keyHeaders: Label[] =
    by === "NATIONAL"
      ? []
      : by === "LOCATION"
        ? [{ nl: "locatie", en: "location" }]
        : [
            { nl: "CBS-code", en: "CBS code" },
            { nl: "gemeente", en: "municipality" },
          ];
  const header = [language === "nl" ? "jaar" : "year", ...keyHeaders.map((l) => l[language]), ...MEASURES.map((m) => m.label[language])];
  const keys = (r: FiguresCsvRow): CsvValue[] =>
    by === "NATIONAL" ? [] : by === "LOCATION" ? [r.name ?? ""] : [r.code ?? "", r.name ?? ""];
  return csvText([header, ...rows.map((r) => [r.figures.year, ...keys(r), ...MEASURES.map((m) => m.value(r.figures))])], language);
}

const COMPARISON_LABELS: Record<ComparisonMeasure, Label> = {
  SHARE_VIA_REFERRER: { nl: "via verwijzer (%)", en: "via referrer (%)" },
  SHARE_SINGLE_PARENT: { nl: "eenoudergezin (%)", en: "single parent (%)" },
  SHARE_WITH_RISK_FACTOR: { nl: "risicofactor", en: "risk factor" },
  CHILDREN_PER_FAMILY: { nl: "kinderen per gezin", en: "children per family" },
  AVERAGE_HOURS_PER_FAMILY: { nl: "uren per gezin", en: "hours per family" },
  AVERAGE_DAYS_REGISTRATION_TO_START: { nl: "dagen van aanmelding tot start", en: "days from registration to start" },
};

/** A suppressed cell as text: never its number. */
export function cellText(cell: Cell, language: CsvLanguage, policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY): CsvValue {
  if (cell.shown) return cell.value;
  if (cell.suppression === "SMALL_NUMBER") return `< ${policy.minimum}`;
  return language === "nl" ? "verborgen" : "hidden";
}

/**
 * A municipal officer's export for one municipality and year: one row per measure, with the
 * municipality's value and (for shares and averages) the national one beside it.
 */
export function officerFiguresCsv(
  municipality: { code: string; name: string },
  figures: OfficerFigures,
  comparison: readonly ComparisonRow[],
  language: CsvLanguage,
  policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY,
): string {
  const nl = language === "nl";
  const count = (label: Label, cell: Cell): CsvValue[] => [label[language], cellText(cell, language, policy), null];
  const rows: CsvValue[][] = [
    [nl ? "onderdeel" : "measure", `${municipality.name} (${municipality.code})`, nl ? "Nederland" : "Netherlands"],
    [nl ? "jaar" : "year", figures.year, figures.year],
    count({ nl: "gezinnen", en: "families" }, figures.families),
    count({ nl: "kinderen", en: "children" }, figures.children),
    count({ nl: "vrijwilligers", en: "volunteers" }, figures.volunteers),
    count({ nl: "coördinatoren", en: "coordinators" }, figures.coordinators),
    count({ nl: "via verwijzer", en: "via referrer" }, figures.viaReferrer),
    count({ nl: "zelf aangemeld", en: "self-registered" }, figures.selfRegistered),
    count({ nl: "eenoudergezin", en: "single parent" }, figures.household.SINGLE_PARENT),
    count({ nl: "twee ouders", en: "two parents" }, figures.household.TWO_PARENTS),
    count({ nl: "andere gezinsvorm", en: "other household" }, figures.household.OTHER),
    count({ nl: "gezinsvorm onbekend", en: "household unknown" }, figures.household.UNKNOWN),
    ...RISK_FACTORS.map((r) =>
      count({ nl: `risicofactor ${RISK_FACTOR_LABELS[r].nl}`, en: `risk factor ${RISK_FACTOR_LABELS[r].en}` }, figures.riskFactors[r]),
    ),
    ...comparison.map((c): CsvValue[] => {
      const label = c.riskFactor
        ? `${COMPARISON_LABELS[c.measure][language]} ${RISK_FACTOR_LABELS[c.riskFactor][language]} (%)`
        : COMPARISON_LABELS[c.measure][language];
      const asShare = c.measure.startsWith("SHARE_");
      const value = (v: number | null) => (asShare ? percent(v) : round1(v));
      return [label, value(c.municipality), value(c.national)];
    }),
  ];
  return csvText(rows, language);
}
