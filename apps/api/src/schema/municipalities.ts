import { addAgePolicy, type IsoDate, mayTakeFamily, policyInForce } from "@homestart/domain";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { Refusal } from "../errors.ts";
import { toAgePolicy, todayInNetherlands, toLicenceCoverage } from "../mappers.ts";
import { notFound, writeAudited } from "../mutations.ts";
import { intInRange, LIMITS, optionalText, plausibleDate, requireId } from "../validate.ts";
import { refusable } from "./mutation-result.ts";

const NATIONAL = { nationalStaff: true } as const;

// Reference data (CBS list, data/gemeenten-2025.csv): readable by every logged-in user.
export const MunicipalityRef = builder.prismaNode("Municipality", {
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("code", { description: "CBS code, GM + 4 digits." }),
    name: t.exposeString("name"),
    province: t.exposeString("province"),
  }),
});

export const AgePolicyRowRef = builder.prismaObject("AgePolicy", {
  name: "AgePolicy",
  authScopes: NATIONAL,
  description: "One row of a municipality's effective-dated age policy: 0 t/m maxAgeInclusive years, from a pregnancy week.",
  fields: (t) => ({
    id: t.exposeID("id"),
    maxAgeInclusive: t.exposeInt("maxAgeInclusive"),
    pregnancyWeeksFrom: t.exposeInt("pregnancyWeeksFrom"),
    validFrom: t.expose("validFrom", { type: "Date" }),
    validUntil: t.expose("validUntil", { type: "Date", nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectFields(MunicipalityRef, (t) => ({
  agePolicies: t.relation("agePolicies", {
    authScopes: NATIONAL,
    description: "The whole history of the age policy, newest first.",
    query: { orderBy: [{ validFrom: "desc" }, { id: "asc" }] },
  }),
  agePolicyInForce: t.field({
    type: AgePolicyRowRef,
    nullable: true,
    authScopes: NATIONAL,
    description: "The age policy in force today (or on `on`), by packages/domain policyInForce.",
    args: { on: t.arg({ type: "Date", required: false }) },
    select: { code: true, agePolicies: true },
    resolve: (m, args) => {
      const on = (args.on ?? todayInNetherlands()) as IsoDate;
      const result = policyInForce(
        m.agePolicies.map((p) => toAgePolicy(p, m.code)),
        m.code,
        on,
      );
      return result.ok ? (m.agePolicies.find((p) => p.id === result.value.id) ?? null) : null;
    },
  }),
}));

/** Municipality ids where Home-Start is offered on `on`: a location may take a family under an active licence (domain mayTakeFamily). */
export async function offeredMunicipalityIds(ctx: Context, on: IsoDate): Promise<Set<string>> {
  const licences = await ctx.prisma.licence.findMany({
    where: { status: "ACTIVE" },
    include: { municipalities: { include: { municipality: { select: { code: true, id: true } } } } },
  });
  const coverage = licences.map(toLicenceCoverage);
  const offered = new Set<string>();
  for (const m of licences.flatMap((l) => l.municipalities.map((x) => x.municipality))) {
    if (mayTakeFamily(coverage, { municipalityCode: m.code, on }).ok) offered.add(m.id);
  }
  return offered;
}

builder.queryField("municipalities", (t) =>
  t.prismaConnection({
    type: "Municipality",
    cursor: "id",
    description:
      "Dutch municipalities, by name; `search` matches name or CBS code; `offered` keeps those where Home-Start is (or is not) offered today.",
    args: { search: t.arg.string({ required: false }), offered: t.arg.boolean({ required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const search = args.search?.trim().slice(0, 100);
      const offered = typeof args.offered === "boolean" ? await offeredMunicipalityIds(ctx, todayInNetherlands()) : null;
      return ctx.prisma.municipality.findMany({
        ...query,
        where: {
          ...(search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { code: { equals: search.toUpperCase() } }] } : {}),
          ...(offered ? { id: args.offered ? { in: [...offered] } : { notIn: [...offered] } } : {}),
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      });
    },
  }),
);

const SetAgePolicyInput = builder.inputType("SetAgePolicyInput", {
  description: "A new age policy from `validFrom`; the policy in force then ends the day before. History is never rewritten.",
  fields: (t) => ({
    municipalityId: t.id(),
    maxAgeInclusive: t.int({ description: "6, 14 or 17 (0 t/m …)." }),
    pregnancyWeeksFrom: t.int({ required: false, description: "Default 28." }),
    validFrom: t.field({ type: "Date" }),
    note: t.string({ required: false }),
  }),
});

builder.mutationField("setAgePolicy", (t) =>
  t.field({
    type: MunicipalityRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: SetAgePolicyInput }) },
    errors: refusable("SetAgePolicy", "municipality"),
    resolve: async (_root, { input }, ctx) => {
      const municipalityId = requireId("municipalityId", input.municipalityId, "Municipality");
      const maxAgeInclusive = intInRange("maxAgeInclusive", input.maxAgeInclusive, 0, 17);
      const pregnancyWeeksFrom = intInRange("pregnancyWeeksFrom", input.pregnancyWeeksFrom ?? 28, 0, 40);
      const validFrom = plausibleDate("validFrom", input.validFrom, { maxYearsAhead: 3 });
      const note = optionalText("note", input.note, { max: LIMITS.note, multiline: true });
      return writeAudited(ctx, async (tx) => {
        const municipality = await tx.municipality.findUnique({ where: { id: municipalityId }, include: { agePolicies: true } });
        if (!municipality) throw notFound(undefined, "municipalityId");
        const history = municipality.agePolicies.map((p) => toAgePolicy(p, municipality.code));
        const result = addAgePolicy(history, {
          municipalityCode: municipality.code,
          maxAgeInclusive,
          pregnancyWeeksFrom,
          validFrom,
          validUntil: null,
        });
        if (!result.ok) {
          const field = result.reasons[0]?.code === "MAX_AGE_NOT_ALLOWED" ? "maxAgeInclusive" : "validFrom";
          throw Refusal.fromReasons(result.reasons, field);
        }
        // Only rows the domain ended change; the new row is added.
        const ended: string[] = [];
        for (const p of result.value) {
          const before = history.find((h) => h.id !== undefined && h.id === p.id);
          if (before && p.id && before.validUntil !== p.validUntil && p.validUntil) {
            await tx.agePolicy.update({ where: { id: p.id }, data: { validUntil: new Date(`${p.validUntil}T00:00:00Z`) } });
            ended.push(p.id);
          }
        }
        const created = await tx.agePolicy.create({
          data: {
            municipalityId,
            maxAgeInclusive,
            pregnancyWeeksFrom,
            validFrom: new Date(`${validFrom}T00:00:00Z`),
            note,
            createdById: ctx.viewer?.id ?? null,
          },
        });
        return {
          result: municipality,
          audit: {
            action: "agePolicy.add",
            entityType: "AgePolicy",
            entityId: created.id,
            detail: { municipalityId, maxAgeInclusive, pregnancyWeeksFrom, validFrom, ended },
          },
        };
      });
    },
  }),
);
