// Annual figures: one definition (packages/domain annualFigures) for every audience.
// National staff see the numbers; a municipal officer sees their own municipality only,
// after small-number suppression (officerFigures).
import { RiskFactor } from "@homestart/db";
import { type AnnualFigures, annualFigures, type Cell, type OfficerFigures, officerFigures } from "@homestart/domain";
import { builder } from "../builder.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { loadFiguresInput } from "../figures/load-figures-input.ts";
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

const MunicipalityFiguresRef = builder.objectRef<OfficerFigures & { municipalityId: string }>("MunicipalityFigures").implement({
  description: "One municipality's figures for a year, privacy-safe: no count below 5 is shown, nor one that gives it away.",
  fields: (t) => ({
    year: t.exposeInt("year"),
    municipality: t.prismaField({
      type: MunicipalityRef,
      resolve: (query, f, _args, ctx) => ctx.prisma.municipality.findUniqueOrThrow({ ...query, where: { id: f.municipalityId } }),
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

function checkYear(year: number): number {
  const thisYear = Number(todayInNetherlands().slice(0, 4));
  if (!Number.isInteger(year) || year < 1994 || year > thisYear) {
    // Home-Start Nederland started in 1994 (seed 002: "Sinds 1994 …"); a year to come has no figures.
    throw invalidInput("year", `Kies een jaar van 1994 tot en met ${thisYear}.`, `Choose a year from 1994 to ${thisYear}.`);
  }
  return year;
}

builder.queryField("annualFigures", (t) =>
  t.field({
    type: AnnualFiguresRef,
    authScopes: { nationalStaff: true, admin: true },
    description: "National figures for a year, or one municipality's (by CBS code).",
    args: { year: t.arg.int(), municipalityCode: t.arg.string({ required: false }) },
    errors: {
      types: [Refusal],
      result: { name: "AnnualFiguresSuccess" },
      union: { name: "AnnualFiguresResult" },
      dataField: { name: "figures" },
    },
    resolve: async (_root, args, ctx) => {
      const year = checkYear(args.year);
      const input = await loadFiguresInput(ctx.prisma, year);
      return annualFigures(input, year, args.municipalityCode ? { municipalityCodes: [args.municipalityCode.toUpperCase()] } : {});
    },
  }),
);

builder.queryField("municipalityFigures", (t) =>
  t.field({
    type: MunicipalityFiguresRef,
    nullable: true,
    authScopes: { municipalOfficer: true },
    description: "An officer's own municipality's figures for a year (null for any other municipality).",
    args: { year: t.arg.int(), municipalityId: t.arg.id() },
    errors: {
      types: [Refusal],
      result: { name: "MunicipalityFiguresSuccess" },
      union: { name: "MunicipalityFiguresResult" },
      dataField: { name: "figures" },
    },
    resolve: async (_root, args, ctx) => {
      const year = checkYear(args.year);
      const municipalityId = idOfType(String(args.municipalityId), "Municipality");
      if (!municipalityId || !ctx.viewer?.municipalityIds.includes(municipalityId)) return null;
      const municipality = await ctx.prisma.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { code: true } });
      const input = await loadFiguresInput(ctx.prisma, year, [municipalityId]);
      return { ...officerFigures(annualFigures(input, year, { municipalityCodes: [municipality.code] })), municipalityId };
    },
  }),
);
