// Annual figures: one definition (packages/domain annualFigures) for every audience.
// National staff see the numbers (a year, a trend, a breakdown per location or municipality, CSV);
// a municipal officer sees their own municipality only, after small-number suppression
// (officerFigures), next to the national shares (compareWithNational), and as CSV.
import { type Municipality, RiskFactor } from "@homestart/db";
import {
  type AnnualFigures,
  annualFiguresCsv,
  type BreakdownBy,
  type Cell,
  type ComparisonRow,
  type CsvLanguage,
  compareWithNational,
  type FiguresCsvRow,
  figuresBreakdown,
  type OfficerFigures,
  officerFigures,
  officerFiguresCsv,
} from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { figuresFor } from "../figures/figures-cache.ts";
import { idOfType } from "../global-ids.ts";
import { todayInNetherlands } from "../mappers.ts";
import { RiskFactorEnum } from "./families.ts";
import { MunicipalityRef } from "./municipalities.ts";

const RISK_FACTORS = Object.values(RiskFactor);

const RiskFactorCountRef = builder.objectRef<{ riskFactor: RiskFactor; families: number }>("RiskFactorCount").implement({
  fields: (t) => ({ riskFactor: t.field({ type: RiskFactorEnum, resolve: (r) => r.riskFactor }), families: t.exposeInt("families") }),
});

const AnnualFiguresRef = builder.objectRef<AnnualFigures>("AnnualFigures").implement({
  description: "Figures for one year: families supported on any day of it, and what follows from them.",
  fields: (t) => ({
    year: t.exposeInt("year"),
    families: t.exposeInt("families"),
    children: t.exposeInt("children"),
    volunteers: t.exposeInt("volunteers"),
    coordinators: t.exposeInt("coordinators"),
    municipalities: t.exposeInt("municipalities"),
    viaReferrer: t.exposeInt("viaReferrer"),
    shareViaReferrer: t.exposeFloat("shareViaReferrer", { nullable: true }),
    singleParent: t.exposeInt("singleParent"),
    shareSingleParent: t.exposeFloat("shareSingleParent", { nullable: true }),
    riskFactors: t.field({
      type: [RiskFactorCountRef],
      resolve: (f) => RISK_FACTORS.map((riskFactor) => ({ riskFactor, families: f.riskFactors[riskFactor] })),
    }),
    averageHoursPerFamily: t.exposeFloat("averageHoursPerFamily", { nullable: true }),
    startedInYear: t.exposeInt("startedInYear"),
    averageDaysRegistrationToStart: t.exposeFloat("averageDaysRegistrationToStart", { nullable: true }),
  }),
});

const FigureCellRef = builder.objectRef<Cell>("FigureCell").implement({
  description: "A count after small-number suppression: `value` is null when it is hidden, and `suppression` says why.",
  fields: (t) => ({
    shown: t.exposeBoolean("shown"),
    value: t.int({ nullable: true, resolve: (c) => (c.shown ? c.value : null) }),
    suppression: t.string({
      nullable: true,
      description: "SMALL_NUMBER (1–4) or COMPLEMENTARY (hidden so that a small number cannot be worked out).",
      resolve: (c) => (c.shown ? null : c.suppression),
    }),
  }),
});

const RiskFactorCellRef = builder.objectRef<{ riskFactor: RiskFactor; families: Cell }>("RiskFactorCell").implement({
  fields: (t) => ({
    riskFactor: t.field({ type: RiskFactorEnum, resolve: (r) => r.riskFactor }),
    families: t.field({ type: FigureCellRef, resolve: (r) => r.families }),
  }),
});

/** What a municipal officer's figures are made from; `raw` never leaves the server unsuppressed. */
interface MunicipalityFiguresSource extends OfficerFigures {
  municipality: Municipality;
  raw: AnnualFigures;
  /** The years loaded together, so that the national comparison loads them once as well. */
  range: { fromYear: number; toYear: number };
}

const ComparisonMeasureEnum = builder.enumType("ComparisonMeasure", {
  values: [
    "SHARE_VIA_REFERRER",
    "SHARE_SINGLE_PARENT",
    "SHARE_WITH_RISK_FACTOR",
    "CHILDREN_PER_FAMILY",
    "AVERAGE_HOURS_PER_FAMILY",
    "AVERAGE_DAYS_REGISTRATION_TO_START",
  ] as const,
});

const ComparisonRowRef = builder.objectRef<ComparisonRow>("FiguresComparison").implement({
  description:
    "A share (0..1) or average of the municipality next to the national one for the same year. Null where it would reveal a small number (packages/domain compareWithNational).",
  fields: (t) => ({
    measure: t.field({ type: ComparisonMeasureEnum, resolve: (r) => r.measure }),
    riskFactor: t.field({ type: RiskFactorEnum, nullable: true, resolve: (r) => r.riskFactor }),
    municipality: t.exposeFloat("municipality", { nullable: true }),
    national: t.exposeFloat("national", { nullable: true }),
  }),
});

const MunicipalityFiguresRef = builder.objectRef<MunicipalityFiguresSource>("MunicipalityFigures").implement({
  description: "One municipality's figures for a year, privacy-safe: no count below 5 is shown, nor one that gives it away.",
  fields: (t) => ({
    year: t.exposeInt("year"),
    // Loaded once by the query for every year it answers, not once per year.
    municipality: t.field({ type: MunicipalityRef, resolve: (f) => f.municipality }),
    comparison: t.field({
      type: [ComparisonRowRef],
      description: "Shares and averages next to the national figure of the same year.",
      resolve: async (f, _args, ctx) => {
        const national = await figuresFor(ctx, f.range.fromYear, f.range.toYear);
        return compareWithNational(f.raw, national.figures(f.year));
      },
    }),
    families: t.field({ type: FigureCellRef, resolve: (f) => f.families }),
    children: t.field({ type: FigureCellRef, resolve: (f) => f.children }),
    volunteers: t.field({ type: FigureCellRef, resolve: (f) => f.volunteers }),
    viaReferrer: t.field({ type: FigureCellRef, resolve: (f) => f.viaReferrer }),
    selfRegistered: t.field({ type: FigureCellRef, resolve: (f) => f.selfRegistered }),
    singleParent: t.field({ type: FigureCellRef, resolve: (f) => f.household.SINGLE_PARENT }),
    shareViaReferrer: t.exposeFloat("shareViaReferrer", { nullable: true }),
    shareSingleParent: t.exposeFloat("shareSingleParent", { nullable: true }),
    riskFactors: t.field({
      type: [RiskFactorCellRef],
      resolve: (f) => RISK_FACTORS.map((riskFactor) => ({ riskFactor, families: f.riskFactors[riskFactor] })),
    }),
    averageHoursPerFamily: t.exposeFloat("averageHoursPerFamily", { nullable: true }),
    averageDaysRegistrationToStart: t.exposeFloat("averageDaysRegistrationToStart", { nullable: true }),
  }),
});

function checkYear(year: number, field = "year"): number {
  const thisYear = Number(todayInNetherlands().slice(0, 4));
  if (!Number.isInteger(year) || year < 1994 || year > thisYear) {
    // Home-Start Nederland started in 1994 (seed 002: "Sinds 1994 …"); a year to come has no figures.
    throw invalidInput(field, `Kies een jaar van 1994 tot en met ${thisYear}.`, `Choose a year from 1994 to ${thisYear}.`);
  }
  return year;
}

/** A run of years: both valid years, in order. At most 1994..this year, so bounded by itself. */
function checkRange(fromYear: number, toYear: number): { fromYear: number; toYear: number } {
  checkYear(fromYear, "fromYear");
  checkYear(toYear, "toYear");
  if (toYear < fromYear) {
    throw invalidInput("toYear", "Het laatste jaar ligt vóór het eerste.", "The last year is before the first.");
  }
  return { fromYear, toYear };
}

const years = ({ fromYear, toYear }: { fromYear: number; toYear: number }) =>
  Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);

const refusalOr = (name: string, dataField: string) => ({
  types: [Refusal],
  result: { name: `${name}Success` },
  union: { name: `${name}Result` },
  dataField: { name: dataField },
});

builder.queryField("annualFigures", (t) =>
  t.field({
    type: AnnualFiguresRef,
    authScopes: { nationalStaff: true, admin: true },
    description: "National figures for a year, or one municipality's (by CBS code).",
    args: { year: t.arg.int(), municipalityCode: t.arg.string({ required: false }) },
    errors: refusalOr("AnnualFigures", "figures"),
    resolve: async (_root, args, ctx) => {
      const year = checkYear(args.year);
      const figures = await figuresFor(ctx, year, year);
      return figures.figures(year, args.municipalityCode ? { municipalityCodes: [args.municipalityCode.toUpperCase()] } : {});
    },
  }),
);

builder.queryField("annualFiguresTrend", (t) =>
  t.field({
    type: [AnnualFiguresRef],
    authScopes: { nationalStaff: true, admin: true },
    description: "The national figures for each year from fromYear to toYear (the trend chart), from one load.",
    args: { fromYear: t.arg.int(), toYear: t.arg.int() },
    errors: refusalOr("AnnualFiguresTrend", "years"),
    resolve: async (_root, args, ctx) => {
      const range = checkRange(args.fromYear, args.toYear);
      const figures = await figuresFor(ctx, range.fromYear, range.toYear);
      return years(range).map((year) => figures.figures(year));
    },
  }),
);

const FiguresBreakdownByEnum = builder.enumType("FiguresBreakdownBy", { values: ["LOCATION", "MUNICIPALITY"] as const });
const FiguresCsvByEnum = builder.enumType("FiguresCsvBy", { values: ["NATIONAL", "LOCATION", "MUNICIPALITY"] as const });
const ExportLanguageEnum = builder.enumType("ExportLanguage", {
  description: "NL: Dutch headers, `;` between fields, decimal comma (Dutch Excel). EN: English headers, `,` and a decimal point.",
  values: ["NL", "EN"] as const,
});

interface BreakdownRowOut {
  id: string;
  code: string | null;
  name: string;
  figures: AnnualFigures;
}

const AnnualFiguresRowRef = builder.objectRef<BreakdownRowOut>("AnnualFiguresRow").implement({
  description: "One location's or municipality's figures for the year.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The Location's or Municipality's global id." }),
    code: t.exposeString("code", { nullable: true, description: "The municipality's CBS code (by MUNICIPALITY)." }),
    name: t.exposeString("name"),
    figures: t.field({ type: AnnualFiguresRef, resolve: (r) => r.figures }),
  }),
});

/** Names and ids for breakdown rows: one query for all of them. */
async function breakdownRows(ctx: Context, year: number, by: BreakdownBy): Promise<BreakdownRowOut[]> {
  const inputs = await figuresFor(ctx, year, year);
  const rows = figuresBreakdown(inputs.forYear(year), year, by);
  const keys = rows.map((r) => r.key);
  if (by === "LOCATION") {
    const locations = await ctx.prisma.location.findMany({ where: { id: { in: keys } }, select: { id: true, name: true } });
    const names = new Map(locations.map((l) => [l.id, l.name]));
    return rows.map((r) => ({ id: encodeGlobalID("Location", r.key), code: null, name: names.get(r.key) ?? "", figures: r.figures }));
  }
  const municipalities = await ctx.prisma.municipality.findMany({
    where: { code: { in: keys } },
    select: { id: true, code: true, name: true },
  });
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  return rows.map((r) => {
    const m = byCode.get(r.key);
    return { id: encodeGlobalID("Municipality", m?.id ?? r.key), code: r.key, name: m?.name ?? "", figures: r.figures };
  });
}

builder.queryField("annualFiguresBreakdown", (t) =>
  t.field({
    type: [AnnualFiguresRowRef],
    authScopes: { nationalStaff: true, admin: true },
    description: "The year's figures per location or per municipality (each with a supported family or a licence in force).",
    args: { year: t.arg.int(), by: t.arg({ type: FiguresBreakdownByEnum }) },
    errors: refusalOr("AnnualFiguresBreakdown", "rows"),
    resolve: async (_root, args, ctx) => breakdownRows(ctx, checkYear(args.year), args.by),
  }),
);

interface CsvFile {
  filename: string;
  content: string;
}

const CsvFileRef = builder.objectRef<CsvFile>("CsvFile").implement({
  description: "A CSV file (RFC 4180, CRLF, UTF-8 without byte-order mark; separator and decimal mark by language).",
  fields: (t) => ({
    filename: t.exposeString("filename"),
    mediaType: t.string({ resolve: () => "text/csv; charset=utf-8" }),
    content: t.exposeString("content"),
  }),
});

const csvLanguage = (language: "NL" | "EN" | null | undefined): CsvLanguage => (language === "EN" ? "en" : "nl");

builder.queryField("annualFiguresCsv", (t) =>
  t.field({
    type: CsvFileRef,
    authScopes: { nationalStaff: true, admin: true },
    description:
      "The national table as CSV for the annual report: NATIONAL gives one row per year (fromYear..year), LOCATION / MUNICIPALITY one row each for the year.",
    args: {
      year: t.arg.int(),
      by: t.arg({ type: FiguresCsvByEnum, required: false, defaultValue: "NATIONAL" }),
      fromYear: t.arg.int({ required: false, description: "NATIONAL only: the first year of the table (default: year)." }),
      language: t.arg({ type: ExportLanguageEnum, required: false, defaultValue: "NL" }),
    },
    errors: refusalOr("AnnualFiguresCsv", "file"),
    resolve: async (_root, args, ctx) => {
      const language = csvLanguage(args.language);
      const by = args.by ?? "NATIONAL";
      const year = checkYear(args.year);
      const prefix = language === "nl" ? "jaarcijfers" : "annual-figures";
      if (by === "NATIONAL") {
        const range = checkRange(args.fromYear ?? year, year);
        const figures = await figuresFor(ctx, range.fromYear, range.toYear);
        const rows: FiguresCsvRow[] = years(range).map((y) => ({ figures: figures.figures(y) }));
        const span = range.fromYear === range.toYear ? `${year}` : `${range.fromYear}-${range.toYear}`;
        return { filename: `${prefix}-${span}.csv`, content: annualFiguresCsv("NATIONAL", rows, language) };
      }
      const rows = await breakdownRows(ctx, year, by);
      const what = by === "LOCATION" ? (language === "nl" ? "locaties" : "locations") : language === "nl" ? "gemeenten" : "municipalities";
      return { filename: `${prefix}-${year}-${what}.csv`, content: annualFiguresCsv(by, rows, language) };
    },
  }),
);

/**
 * An officer's own municipality's figures for each year of the range, or null when the id is
 * malformed or not theirs (answered like a municipality that does not exist).
 */
async function municipalFigures(
  ctx: Context,
  globalId: string,
  range: { fromYear: number; toYear: number },
): Promise<MunicipalityFiguresSource[] | null> {
  const municipalityId = idOfType(globalId, "Municipality");
  if (!municipalityId || !ctx.viewer?.municipalityIds.includes(municipalityId)) return null;
  const municipality = await ctx.prisma.municipality.findUnique({ where: { id: municipalityId } });
  if (!municipality) return null;
  // The national load, scoped by the domain: the same families as a load of this municipality alone.
  const figures = await figuresFor(ctx, range.fromYear, range.toYear);
  return years(range).map((year) => {
    const raw = figures.figures(year, { municipalityCodes: [municipality.code] });
    return { ...officerFigures(raw), raw, municipality, range };
  });
}

builder.queryField("municipalityFigures", (t) =>
  t.field({
    type: MunicipalityFiguresRef,
    nullable: true,
    authScopes: { municipalOfficer: true },
    description: "An officer's own municipality's figures for a year (null for any other municipality).",
    args: { year: t.arg.int(), municipalityId: t.arg.id() },
    errors: refusalOr("MunicipalityFigures", "figures"),
    resolve: async (_root, args, ctx) => {
      const year = checkYear(args.year);
      return (await municipalFigures(ctx, String(args.municipalityId), { fromYear: year, toYear: year }))?.[0] ?? null;
    },
  }),
);

builder.queryField("municipalityFiguresTrend", (t) =>
  t.field({
    type: [MunicipalityFiguresRef],
    nullable: true,
    authScopes: { municipalOfficer: true },
    description: "An officer's own municipality's figures for each year from fromYear to toYear (null for any other municipality).",
    args: { municipalityId: t.arg.id(), fromYear: t.arg.int(), toYear: t.arg.int() },
    errors: refusalOr("MunicipalityFiguresTrend", "years"),
    resolve: async (_root, args, ctx) => municipalFigures(ctx, String(args.municipalityId), checkRange(args.fromYear, args.toYear)),
  }),
);

builder.queryField("municipalityFiguresCsv", (t) =>
  t.field({
    type: CsvFileRef,
    nullable: true,
    authScopes: { municipalOfficer: true },
    description:
      'An officer\'s own municipality\'s figures for a year as CSV, next to the national shares; suppressed counts are written as "< 5" or "verborgen"/"hidden", never as numbers.',
    args: {
      municipalityId: t.arg.id(),
      year: t.arg.int(),
      language: t.arg({ type: ExportLanguageEnum, required: false, defaultValue: "NL" }),
    },
    errors: refusalOr("MunicipalityFiguresCsv", "file"),
    resolve: async (_root, args, ctx) => {
      const year = checkYear(args.year);
      const language = csvLanguage(args.language);
      const [own] = (await municipalFigures(ctx, String(args.municipalityId), { fromYear: year, toYear: year })) ?? [];
      if (!own) return null;
      const national = await figuresFor(ctx, year, year);
      const comparison = compareWithNational(own.raw, national.figures(year));
      const prefix = language === "nl" ? "jaarcijfers" : "annual-figures";
      return {
        filename: `${prefix}-${year}-${own.municipality.code}.csv`,
        content: officerFiguresCsv(own.municipality, own, comparison, language),
      };
    },
  }),
);
