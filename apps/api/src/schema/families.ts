// Families: the most sensitive data here. Coordinators of the family's own location only;
// an id from another location answers as if it did not exist; every read of one family's
// record is audited.

import type { ComputedColumns, Family, PrismaNamespace } from "@homestart/db";
import { FamilyStatus, findFirstAsJson, findManyAsJson, HouseholdType, RegistrationSource, RiskFactor } from "@homestart/db";
import type { IsoDate } from "@homestart/domain";
import {
  type AgePolicy,
  type ChildEligibility,
  type Eligibility,
  judgeEligibility,
  type LicenceCoverage,
  nextSupportStates,
} from "@homestart/domain";
import { auditRead } from "../audit.ts";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { idOfType } from "../global-ids.ts";
import { dbDate, isoDateOrNull, toAgePolicy, todayInNetherlands, toLicenceCoverage } from "../mappers.ts";
import { cachedRead } from "../read-cache.ts";
import { selectedFieldNames } from "../selection.ts";
import { ReasonRef } from "./errors.ts";
import { LocationRef } from "./locations.ts";
import { MunicipalityRef } from "./municipalities.ts";

export const FamilyStatusEnum = builder.enumType(FamilyStatus, { name: "FamilyStatus" });
export const RegistrationSourceEnum = builder.enumType(RegistrationSource, { name: "RegistrationSource" });
export const HouseholdTypeEnum = builder.enumType(HouseholdType, { name: "HouseholdType" });
export const RiskFactorEnum = builder.enumType(RiskFactor, { name: "RiskFactor" });

export const FAMILY_NOT_FOUND = { nl: "Gezin niet gevonden.", en: "Family not found." };

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
    id: t.exposeID("id", { description: "To address this parent in updateFamily." }),
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

/**
 * A tiny per-request batcher (DataLoader style): keys asked for while one list is resolved are
 * loaded together in one go, so a page of families costs a fixed number of queries.
 */
interface Loader {
  cache: Map<string, Promise<unknown>>;
  waiting: Map<string, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>;
  scheduled: boolean;
}
const loaders = new WeakMap<object, Map<string, Loader>>();

export function loadBatched<V>(
  ctx: Context,
  name: string,
  key: string,
  loadMany: (ctx: Context, keys: string[]) => Promise<Map<string, V>>,
): Promise<V | undefined> {
  let byName = loaders.get(ctx);
  if (!byName) {
    byName = new Map();
    loaders.set(ctx, byName);
  }
  let loader = byName.get(name);
  if (!loader) {
    loader = { cache: new Map(), waiting: new Map(), scheduled: false };
    byName.set(name, loader);
  }
  const cached = loader.cache.get(key);
  if (cached) return cached as Promise<V | undefined>;
  const l = loader;
  const promise = new Promise<unknown>((resolve, reject) => l.waiting.set(key, { resolve, reject }));
  l.cache.set(key, promise);
  if (!l.scheduled) {
    l.scheduled = true;
    setImmediate(() => {
      const waiting = l.waiting;
      l.waiting = new Map();
      l.scheduled = false;
      loadMany(ctx, [...waiting.keys()]).then(
        (values) => {
          for (const [k, d] of waiting) d.resolve(values.get(k));
        },
        (error) => {
          for (const d of waiting.values()) d.reject(error);
        },
      );
    });
  }
  return promise as Promise<V | undefined>;
}

/** What judging eligibility needs besides the children: the municipality's age policies and the location's licences there. */
type EligibilityFacts = { code: string; policies: AgePolicy[]; licences: LicenceCoverage[] };

/**
 * The facts for `municipalityId|locationId` keys, kept per revision (read-cache.ts): age policies
 * and licences change a few times a year, and every family page and list asks them.
 */
function loadEligibilityFacts(ctx: Context, keys: string[]): Promise<Map<string, EligibilityFacts>> {
  return cachedRead(ctx, "eligibility_facts", [...keys].sort().join(","), () => eligibilityFactsOf(ctx, keys));
}

/**
 * Municipalities (with their age policies) and locations (with their licences) for many
 * families: one statement, straight to the driver (through Prisma's query compiler they cost
 * several times their SQL, issue 7).
 */
async function eligibilityFactsOf(ctx: Context, keys: string[]): Promise<Map<string, EligibilityFacts>> {
  const pairs = keys.map((k) => k.split("|") as [string, string]);
  const municipalityIds = [...new Set(pairs.map(([m]) => m))];
  const locationIds = [...new Set(pairs.map(([, l]) => l))];
  const [facts] = await ctx.db.query<{
    municipalities: Array<{ id: string; code: string; policies: Array<Omit<AgePolicy, "municipalityCode">> }>;
    licences: Array<LicenceCoverage & { municipalityIds: string[] }>;
  }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('id', mu."id", 'code', mu."code", 'policies',
          coalesce((SELECT json_agg(json_build_object('id', p."id", 'maxAgeInclusive', p."maxAgeInclusive", 'pregnancyWeeksFrom', p."pregnancyWeeksFrom",
                     'validFrom', to_char(p."validFrom", 'YYYY-MM-DD'), 'validUntil', to_char(p."validUntil", 'YYYY-MM-DD')) ORDER BY p."validFrom", p."id")
                    FROM "AgePolicy" p WHERE p."municipalityId" = mu."id"), '[]'))), '[]')
        FROM "Municipality" mu WHERE mu."id" = ANY($1::text[])) AS "municipalities",
       (SELECT coalesce(json_agg(json_build_object('id', c."id", 'locationId', c."locationId", 'status', c."status",
          'validFrom', to_char(c."validFrom", 'YYYY-MM-DD'), 'validUntil', to_char(c."validUntil", 'YYYY-MM-DD'),
          'municipalityCodes', ARRAY(SELECT m."code" FROM "LicenceMunicipality" lm JOIN "Municipality" m ON m."id" = lm."municipalityId"
                                     WHERE lm."licenceId" = c."id" ORDER BY m."code"),
          'municipalityIds', ARRAY(SELECT lm."municipalityId" FROM "LicenceMunicipality" lm WHERE lm."licenceId" = c."id"))), '[]')
        FROM "Licence" c
        WHERE c."locationId" = ANY($2::text[])
          AND EXISTS (SELECT 1 FROM "LicenceMunicipality" x WHERE x."licenceId" = c."id" AND x."municipalityId" = ANY($1::text[]))) AS "licences"`,
    [municipalityIds, locationIds],
  );
  return factsByKey(
    keys,
    (facts?.municipalities ?? []).map((m) => ({
      id: m.id,
      code: m.code,
      policies: m.policies.map((p) => ({ ...p, municipalityCode: m.code })),
    })),
    (facts?.licences ?? []).map(({ municipalityIds: ids, ...coverage }) => ({ coverage, municipalityIds: ids })),
  );
}

type EligibilityClient = Pick<PrismaNamespace.TransactionClient, "municipality" | "licence">;

/** The same facts through a Prisma client: inside a mutation's transaction, for one family. */
async function loadEligibilityFactsWith(client: EligibilityClient, keys: string[]): Promise<Map<string, EligibilityFacts>> {
  const pairs = keys.map((k) => k.split("|") as [string, string]);
  const municipalityIds = [...new Set(pairs.map(([m]) => m))];
  const locationIds = [...new Set(pairs.map(([, l]) => l))];
  // One after the other: inside a transaction the client has a single connection.
  const municipalities = await client.municipality.findMany({ where: { id: { in: municipalityIds } }, include: { agePolicies: true } });
  const licences = await client.licence.findMany({
    where: { locationId: { in: locationIds }, municipalities: { some: { municipalityId: { in: municipalityIds } } } },
    include: { municipalities: { include: { municipality: { select: { code: true } } } } },
  });
  return factsByKey(
    keys,
    municipalities.map((m) => ({ id: m.id, code: m.code, policies: m.agePolicies.map((p) => toAgePolicy(p, m.code)) })),
    licences.map((l) => ({ coverage: toLicenceCoverage(l), municipalityIds: l.municipalities.map((x) => x.municipalityId) })),
  );
}

function factsByKey(
  keys: string[],
  municipalities: Array<{ id: string; code: string; policies: AgePolicy[] }>,
  licences: Array<{ coverage: LicenceCoverage; municipalityIds: string[] }>,
): Map<string, EligibilityFacts> {
  const result = new Map<string, EligibilityFacts>();
  for (const key of keys) {
    const [municipalityId, locationId] = key.split("|") as [string, string];
    const m = municipalities.find((x) => x.id === municipalityId);
    if (!m) continue;
    result.set(key, {
      code: m.code,
      policies: m.policies,
      licences: licences
        .filter((l) => l.coverage.locationId === locationId && l.municipalityIds.includes(municipalityId))
        .map((l) => l.coverage),
    });
  }
  return result;
}

/** judgeEligibility for one family, its facts loaded in a batch with the other families on the page. */
export async function judgeFamilyEligibility(
  ctx: Context,
  family: { municipalityId: string; locationId: string; children: Array<{ id: string; bornOn: Date | null; expectedOn: Date | null }> },
  on: IsoDate,
): Promise<Eligibility> {
  const facts = await loadBatched(ctx, "eligibility", `${family.municipalityId}|${family.locationId}`, loadEligibilityFacts);
  return judgeWithFacts(facts, family, on);
}

type FamilyForEligibility = {
  municipalityId: string;
  locationId: string;
  children: Array<{ id: string; bornOn: Date | null; expectedOn: Date | null }>;
};

/** judgeEligibility inside a mutation's transaction (no batching: one family). */
export async function judgeEligibilityIn(client: EligibilityClient, family: FamilyForEligibility, on: IsoDate): Promise<Eligibility> {
  const key = `${family.municipalityId}|${family.locationId}`;
  return judgeWithFacts((await loadEligibilityFactsWith(client, [key])).get(key), family, on);
}

function judgeWithFacts(facts: EligibilityFacts | undefined, family: FamilyForEligibility, on: IsoDate): Eligibility {
  return judgeEligibility({
    municipalityCode: facts?.code ?? "",
    on,
    children: family.children.map((c) => ({ id: c.id, bornOn: isoDateOrNull(c.bornOn), expectedOn: isoDateOrNull(c.expectedOn) })),
    policies: facts?.policies ?? [],
    licensing: { licences: facts?.licences ?? [] },
  });
}

interface AuditTrailEntry {
  action: string;
  at: Date;
  userName: string | null;
}

const AuditTrailEntryRef = builder.objectRef<AuditTrailEntry>("FamilyAuditEntry").implement({
  description: "One entry of a family's audit trail: what was done, when, by whom.",
  fields: (t) => ({
    action: t.exposeString("action", { description: "e.g. family.read, family.update, consent.grant, family.close." }),
    at: t.expose("at", { type: "DateTime" }),
    userName: t.exposeString("userName", { nullable: true, description: "The user who did it; null for the system." }),
  }),
});

/** The most entries one family's audit trail answers at once; the default is AUDIT_TRAIL_DEFAULT. */
const AUDIT_TRAIL_MAX = 500;
const AUDIT_TRAIL_DEFAULT = 50;

/**
 * The newest `first` entries of each family's trail, in one statement straight to the driver: each
 * family takes its own entries from the index ordered newest first (AuditEntry(entityType,
 * entityId, at DESC, id DESC)), so a family read 80,000 times costs no more than a new one.
 */
async function loadAuditTrails(ctx: Context, familyIds: string[], first: number): Promise<Map<string, AuditTrailEntry[]>> {
  const rows = await ctx.db.query<{ familyId: string; action: string; at: Date; userName: string | null }>(
    `SELECT fam."id" AS "familyId", e."action", e."at" AT TIME ZONE 'UTC' AS "at", u."name" AS "userName"
       FROM unnest($1::text[]) AS fam("id")
      CROSS JOIN LATERAL (
        SELECT a."id", a."action", a."at", a."userId" FROM "AuditEntry" a
         WHERE a."entityType" = 'Family' AND a."entityId" = fam."id"
         ORDER BY a."at" DESC, a."id" DESC LIMIT $2) e
       LEFT JOIN "User" u ON u."id" = e."userId"
      ORDER BY fam."id", e."at" DESC, e."id" DESC`,
    [familyIds, first],
  );
  const result = new Map<string, AuditTrailEntry[]>(familyIds.map((id) => [id, []]));
  for (const row of rows) result.get(row.familyId)?.push({ action: row.action, at: new Date(row.at), userName: row.userName });
  return result;
}

// The orders of a family's parents and children. A field that selects them (eligibility, possible
// duplicates) uses the same one as the relation, so Pothos loads them once for both.
export const PARENT_ORDER = [{ id: "asc" }] satisfies PrismaNamespace.ParentOrderByWithRelationInput[];
/** Children oldest first, unborn last. */
export const CHILD_ORDER = [
  { bornOn: { sort: "asc", nulls: "last" } },
  { id: "asc" },
] satisfies PrismaNamespace.ChildOrderByWithRelationInput[];

export const FamilyRef = builder.prismaNode("Family", {
  id: { field: "id" },
  // Out of scope answers as not found: the lookup itself is narrowed to the viewer's locations.
  findUnique: (id, ctx) => ({ id, locationId: { in: familyLocationScope(ctx) } }),
  // Select mode: a family loads the columns its asked fields read, and always what the scope check needs.
  select: { id: true, locationId: true },
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
    parents: t.relation("parents", { query: { orderBy: PARENT_ORDER } }),
    children: t.relation("children", { query: { orderBy: CHILD_ORDER } }),
    eligibility: t.field({
      type: EligibilityRef,
      description:
        "Judged today (or on `on`) against the municipality's policy in force and the location's licences. Listed families share two batched queries.",
      args: { on: t.arg({ type: "Date", required: false }) },
      // The same orderBy as the children relation, so Pothos merges both into one query for a page.
      select: {
        municipalityId: true,
        locationId: true,
        children: { select: { id: true, bornOn: true, expectedOn: true }, orderBy: CHILD_ORDER },
      },
      resolve: async (family, args, ctx) => judgeFamilyEligibility(ctx, family, (args.on ?? todayInNetherlands()) as IsoDate),
    }),
    postcode: t.exposeString("postcode", { nullable: true }),
    address: t.exposeString("address", { nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    calledBackAt: t.expose("calledBackAt", { type: "DateTime", nullable: true }),
    intakeOn: t.expose("intakeOn", { type: "Date", nullable: true }),
    preferredLanguage: t.exposeString("preferredLanguage", { nullable: true }),
    channel: t.exposeString("channel", { description: "COORDINATOR or ONLINE (the public registration page)." }),
    anonymisedAt: t.expose("anonymisedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the retention job anonymised the family's personal data (names are then placeholders); null before.",
    }),
    allowedTransitions: t.field({
      type: [FamilyStatusEnum],
      description: "The statuses the family may move to next (packages/domain nextSupportStates); each move still checks its guard.",
      select: { status: true },
      resolve: (family) => [...nextSupportStates(family.status)],
    }),
    auditTrail: t.field({
      type: [AuditTrailEntryRef],
      description:
        "Who did what with this family's record, newest first: actions and names of users, no personal data of the family. " +
        `The newest \`first\` entries (default ${AUDIT_TRAIL_DEFAULT}, at most ${AUDIT_TRAIL_MAX}); ask one more than you show to know whether there are more.`,
      args: { first: t.arg.int({ required: false }) },
      select: { id: true },
      resolve: async (family, args, ctx) => {
        // A page size, not a rule: out of range is brought into range rather than refused.
        const first = Math.min(AUDIT_TRAIL_MAX, Math.max(1, Math.trunc(args.first ?? AUDIT_TRAIL_DEFAULT)));
        return (await loadBatched(ctx, `auditTrail:${first}`, family.id, (c, ids) => loadAuditTrails(c, ids, first))) ?? [];
      },
    }),
  }),
});

export const FamilyOrderEnum = builder.enumType("FamilyOrder", {
  values: {
    REGISTERED_ON_DESC: { description: "Newest registration first (default)." },
    REGISTERED_ON_ASC: { description: "Oldest registration first." },
    STATUS: { description: "By status in lifecycle order, then newest registration." },
    LAST_NAME: { description: "By the first parent's last name." },
  } as const,
});

// Family lists sorted by name: one collator for the process (a new one per request costs more than the sort).
const byNameCollator = new Intl.Collator("nl", { sensitivity: "base" });

builder.queryField("families", (t) =>
  t.prismaConnection({
    type: FamilyRef,
    cursor: "id",
    authScopes: { coordinator: true },
    description: "The families of the coordinator's own location(s), filtered and sorted; newest registration first by default.",
    args: {
      status: t.arg({ type: FamilyStatusEnum, required: false }),
      search: t.arg.string({ required: false, description: "Part of a parent's first or last name." }),
      municipalityId: t.arg.id({ required: false }),
      registeredFrom: t.arg({ type: "Date", required: false }),
      registeredTo: t.arg({ type: "Date", required: false, description: "Inclusive." }),
      volunteerId: t.arg.id({ required: false, description: "Families matched (now or before) with this volunteer." }),
      orderBy: t.arg({ type: FamilyOrderEnum, required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const search = args.search?.trim().slice(0, 100);
      // Malformed or foreign ids match nothing, like ids outside the viewer's scope.
      const municipalityId = args.municipalityId ? (idOfType(String(args.municipalityId), "Municipality") ?? "") : null;
      const volunteerId = args.volunteerId ? (idOfType(String(args.volunteerId), "Volunteer") ?? "") : null;
      const where: PrismaNamespace.FamilyWhereInput = {
        locationId: { in: familyLocationScope(ctx) },
        ...(args.status ? { status: args.status } : {}),
        ...(municipalityId !== null ? { municipalityId } : {}),
        ...(volunteerId !== null ? { matches: { some: { volunteerId } } } : {}),
        ...(args.registeredFrom || args.registeredTo
          ? {
              registeredOn: {
                ...(args.registeredFrom ? { gte: dbDate(args.registeredFrom) } : {}),
                ...(args.registeredTo ? { lte: dbDate(args.registeredTo) } : {}),
              },
            }
          : {}),
        ...(search
          ? {
              parents: {
                some: {
                  OR: [{ firstName: { contains: search, mode: "insensitive" } }, { lastName: { contains: search, mode: "insensitive" } }],
                },
              },
            }
          : {}),
      };
      if (args.orderBy === "LAST_NAME") return familiesByLastName(ctx, where, query);
      const orderBy: PrismaNamespace.FamilyOrderByWithRelationInput[] =
        args.orderBy === "REGISTERED_ON_ASC"
          ? [{ registeredOn: "asc" }, { id: "asc" }]
          : args.orderBy === "STATUS"
            ? [{ status: "asc" }, { registeredOn: "desc" }, { id: "asc" }]
            : [{ registeredOn: "desc" }, { id: "asc" }];
      // A first page filtered on columns in one statement through the driver (packages/db
      // findManyAsJson); later pages and the other filters go to Prisma.
      const find = { ...query, where, orderBy };
      return (await findManyAsJson<Family>(ctx.db, "Family", find)) ?? ctx.prisma.family.findMany(find);
    },
  }),
);

/**
 * Sorting by a parent's last name: Prisma cannot order by a to-many relation, so the ids are
 * sorted from one light query and the page is cut from them the way Prisma's cursor would.
 */
async function familiesByLastName(
  ctx: Context,
  where: PrismaNamespace.FamilyWhereInput,
  query: {
    take?: number;
    skip?: number;
    cursor?: { id?: string };
    include?: PrismaNamespace.FamilyInclude;
    select?: PrismaNamespace.FamilySelect;
  },
) {
  const { take = 50, skip = 0, cursor, ...shape } = query;
  const rows = await ctx.prisma.family.findMany({
    where,
    select: { id: true, parents: { orderBy: { id: "asc" }, take: 1, select: { lastName: true, firstName: true } } },
  });
  const key = (r: (typeof rows)[number]) => `${r.parents[0]?.lastName ?? ""} ${r.parents[0]?.firstName ?? ""}`;
  const ids = rows.sort((a, b) => byNameCollator.compare(key(a), key(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => r.id);
  let from: number;
  let to: number;
  const at = cursor ? ids.indexOf(cursor.id ?? "") : -1;
  if (cursor && at < 0) return [];
  if (take >= 0) {
    from = (cursor ? at : 0) + skip;
    to = from + take;
  } else {
    to = (cursor ? at + 1 : ids.length) - skip;
    from = Math.max(0, to + take);
  }
  const page = ids.slice(Math.max(0, from), Math.max(0, to));
  const families = await ctx.prisma.family.findMany({ ...shape, where: { id: { in: page } } });
  const order = new Map(page.map((id, i) => [id, i]));
  return families.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * Values a Family field has the family's own statement compute (json-select's computed columns),
 * so the family page pays no statement of its own for them (issue 7: each statement costs the API
 * a socket write). The field's area registers the SQL, an expression of the family row's alias;
 * its resolver reads the value with the accessor this gives, and loads it itself when the value
 * is missing: a family not read by the `family` query, or a shape json-select leaves to Prisma.
 */
const computedWithFamily = new Map<string, (row: string) => string>();

export function computeWithFamily<T>(field: string, sql: (row: string) => string): (family: object) => T | null | undefined {
  computedWithFamily.set(field, sql);
  const name = `$${field}`; // No Prisma field starts with $.
  return (family) => (family as Record<string, T | null | undefined>)[name];
}

function computedColumnsFor(info: Parameters<typeof selectedFieldNames>[0]): ComputedColumns {
  const selected = selectedFieldNames(info);
  const computed: ComputedColumns = {};
  for (const [field, sql] of computedWithFamily) if (selected.has(field)) computed[`$${field}`] = sql;
  return computed;
}

builder.queryField("family", (t) =>
  t.prismaField({
    type: FamilyRef,
    nullable: true,
    authScopes: { coordinator: true },
    description: "One family's record, or null when it does not exist or is not the coordinator's. Every read is audited.",
    args: { id: t.arg.id() },
    resolve: async (query, _root, args, ctx, info) => {
      // A malformed id matches nothing (an empty `in`), like an id outside the viewer's scope.
      const id = idOfType(String(args.id), "Family");
      const where = { id: id ? id : { in: [] }, locationId: { in: familyLocationScope(ctx) } };
      // One statement through the driver, the read's audit entry included, when packages/db
      // compiles the query's shape (the portal's family page and record do): Prisma 6.19 compiled
      // this query anew on every view, 40% of the family page's CPU (issue 7). Any other shape
      // goes to Prisma and is audited after it.
      const read = { userId: ctx.viewer?.id ?? null, action: "family.read", entityType: "Family" };
      const computed = computedColumnsFor(info);
      const viaDriver = await findFirstAsJson<Family>(ctx.db, "Family", { ...query, where }, { audit: read, computed });
      if (viaDriver !== undefined) return viaDriver;
      const family = await ctx.prisma.family.findFirst({ ...query, where });
      if (family) await auditRead(ctx, read.action, read.entityType, family.id);
      return family;
    },
  }),
);
