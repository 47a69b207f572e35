// Families: the most sensitive data here. Coordinators of the family's own location only;
// an id from another location answers as if it did not exist; every read of one family's
// record is audited.
import { FamilyStatus, HouseholdType, RegistrationSource, RiskFactor } from "@homestart/db";
import { type AgePolicy, type ChildEligibility, type Eligibility, judgeEligibility } from "@homestart/domain";
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { idOfType } from "../global-ids.ts";
import { isoDateOrNull, toAgePolicy, todayInNetherlands, toLicenceCoverage } from "../mappers.ts";
import { ReasonRef } from "./errors.ts";
import { LocationRef } from "./locations.ts";
import { MunicipalityRef } from "./municipalities.ts";

export const FamilyStatusEnum = builder.enumType(FamilyStatus, { name: "FamilyStatus" });
export const RegistrationSourceEnum = builder.enumType(RegistrationSource, { name: "RegistrationSource" });
export const HouseholdTypeEnum = builder.enumType(HouseholdType, { name: "HouseholdType" });
export const RiskFactorEnum = builder.enumType(RiskFactor, { name: "RiskFactor" });

/** The locations whose families this viewer may see: a coordinator's own, nobody else's. */
export function familyLocationScope(ctx: Context): string[] {
  return ctx.viewer?.role === "COORDINATOR" ? ctx.viewer.locationIds : [];
}

const AgePolicyRef = builder.objectRef<AgePolicy>("AgePolicyInForce").implement({
  description: "The municipality's age policy in force on the date judged (0 t/m 6, 14 or 17; from a pregnancy week).",
  fields: (t) => ({
    maxAgeInclusive: t.exposeInt("maxAgeInclusive"),
    pregnancyWeeksFrom: t.exposeInt("pregnancyWeeksFrom"),
    validFrom: t.field({ type: "Date", resolve: (p) => p.validFrom }),
    validUntil: t.field({ type: "Date", nullable: true, resolve: (p) => p.validUntil }),
  }),
});

const ChildEligibilityRef = builder.objectRef<ChildEligibility>("ChildEligibility").implement({
  fields: (t) => ({
    ref: t.exposeString("ref"),
    status: t.exposeString("status"),
    from: t.field({ type: "Date", nullable: true, resolve: (c) => c.from }),
    until: t.field({ type: "Date", nullable: true, resolve: (c) => c.until }),
    untilIsEstimate: t.exposeBoolean("untilIsEstimate"),
    reason: t.field({ type: ReasonRef, resolve: (c) => c.reason }),
  }),
});

const EligibilityRef = builder.objectRef<Eligibility>("Eligibility").implement({
  description: "Whether the family qualifies on a date, with reasons and from/until when (packages/domain judgeEligibility).",
  fields: (t) => ({
    outcome: t.exposeString("outcome"),
    eligible: t.exposeBoolean("eligible"),
    eligibleFrom: t.field({ type: "Date", nullable: true, resolve: (e) => e.eligibleFrom }),
    eligibleUntil: t.field({ type: "Date", nullable: true, resolve: (e) => e.eligibleUntil }),
    untilIsEstimate: t.exposeBoolean("untilIsEstimate"),
    policy: t.field({ type: AgePolicyRef, nullable: true, resolve: (e) => e.policy }),
    children: t.field({ type: [ChildEligibilityRef], resolve: (e) => e.children }),
    reasons: t.field({ type: [ReasonRef], resolve: (e) => e.reasons }),
  }),
});

builder.prismaObject("Parent", {
  fields: (t) => ({
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    phone: t.exposeString("phone", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
  }),
});

builder.prismaObject("Child", {
  fields: (t) => ({
    id: t.exposeID("id"),
    firstName: t.exposeString("firstName", { nullable: true }),
    bornOn: t.expose("bornOn", { type: "Date", nullable: true }),
    expectedOn: t.expose("expectedOn", { type: "Date", nullable: true, description: "Due date of an unborn child." }),
  }),
});

export const FamilyRef = builder.prismaNode("Family", {
  id: { field: "id" },
  // Out of scope answers as not found: the lookup itself is narrowed to the viewer's locations.
  findUnique: (id, ctx) => ({ id, locationId: { in: familyLocationScope(ctx) } }),
  // And the type refuses to render for anyone else, whichever path reached it.
  authScopes: (family, ctx) => familyLocationScope(ctx).includes(family.locationId),
  fields: (t) => ({
    registeredOn: t.expose("registeredOn", { type: "Date" }),
    status: t.expose("status", { type: FamilyStatusEnum }),
    source: t.expose("source", { type: RegistrationSourceEnum }),
    householdType: t.expose("householdType", { type: HouseholdTypeEnum, nullable: true }),
    languages: t.exposeStringList("languages"),
    riskFactors: t.expose("riskFactors", { type: [RiskFactorEnum] }),
    version: t.exposeInt("version", { description: "For optimistic concurrency: send it back with an edit." }),
    location: t.relation("location", { type: LocationRef }),
    municipality: t.relation("municipality", { type: MunicipalityRef }),
    parents: t.relation("parents", { query: { orderBy: { id: "asc" } } }),
    children: t.relation("children", { query: { orderBy: [{ bornOn: { sort: "asc", nulls: "last" } }, { id: "asc" }] } }),
    eligibility: t.field({
      type: EligibilityRef,
      description: "Judged today (or on `on`) against the municipality's policy in force and the location's licences.",
      args: { on: t.arg({ type: "Date", required: false }) },
      select: { municipalityId: true, locationId: true, children: { select: { id: true, bornOn: true, expectedOn: true } } },
      resolve: async (family, args, ctx) => {
        const municipality = await ctx.prisma.municipality.findUniqueOrThrow({
          where: { id: family.municipalityId },
          include: { agePolicies: true },
        });
        const licences = await ctx.prisma.licence.findMany({
          where: { locationId: family.locationId, municipalities: { some: { municipalityId: family.municipalityId } } },
          include: { municipalities: { include: { municipality: { select: { code: true } } } } },
        });
        return judgeEligibility({
          municipalityCode: municipality.code,
          on: args.on ?? todayInNetherlands(),
          children: family.children.map((c) => ({ id: c.id, bornOn: isoDateOrNull(c.bornOn), expectedOn: isoDateOrNull(c.expectedOn) })),
          policies: municipality.agePolicies.map((p) => toAgePolicy(p, municipality.code)),
          licensing: { licences: licences.map(toLicenceCoverage) },
        });
      },
    }),
  }),
});

builder.queryField("families", (t) =>
  t.prismaConnection({
    type: FamilyRef,
    cursor: "id",
    authScopes: { coordinator: true },
    description: "The families of the coordinator's own location(s), newest registration first.",
    args: {
      status: t.arg({ type: FamilyStatusEnum, required: false }),
      search: t.arg.string({ required: false, description: "Part of a parent's first or last name." }),
    },
    resolve: (query, _root, args, ctx) => {
      const search = args.search?.trim().slice(0, 100);
      return ctx.prisma.family.findMany({
        ...query,
        where: {
          locationId: { in: familyLocationScope(ctx) },
          ...(args.status ? { status: args.status } : {}),
          ...(search
            ? {
                parents: {
                  some: {
                    OR: [{ firstName: { contains: search, mode: "insensitive" } }, { lastName: { contains: search, mode: "insensitive" } }],
                  },
                },
              }
            : {}),
        },
        orderBy: [{ registeredOn: "desc" }, { id: "asc" }],
      });
    },
  }),
);

builder.queryField("family", (t) =>
  t.prismaField({
    type: FamilyRef,
    nullable: true,
    authScopes: { coordinator: true },
    description: "One family's record, or null when it does not exist or is not the coordinator's. Every read is audited.",
    args: { id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      // A malformed id matches nothing (an empty `in`), like an id outside the viewer's scope.
      const id = idOfType(String(args.id), "Family");
      const family = await ctx.prisma.family.findFirst({
        ...query,
        where: { id: id ? id : { in: [] }, locationId: { in: familyLocationScope(ctx) } },
      });
      if (family) await audit(ctx.prisma, ctx, "family.read", "Family", family.id);
      return family;
    },
  }),
);
