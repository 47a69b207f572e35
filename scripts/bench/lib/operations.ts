// The key operations of issue 7, in one table: the GraphQL request the portals make, who makes
// it, its p95 target, and the hand-written SQL through `pg` that produces the same answer (the
// floor). Add an operation by adding a row. An operation whose root field the API does not have
// yet is reported as "not in the API yet", never faked.
import {
  CANDIDATE_VOLUNTEER_STATUSES,
  CONSENT_TYPES,
  consentsInForce,
  dashboardSignals,
  decidingConsentEvent,
  hoursWindow,
  type IsoDate,
  judgeEligibility,
  nextSupportStates,
  openMatchCount,
  possibleDuplicates,
  suggestVolunteers,
} from "@homestart/domain";
import type pg from "pg";
import { todayInNetherlands } from "../../../apps/api/src/mappers.ts";
import type { BenchMeta } from "./generator.ts";

export type BenchRole = "coordinator" | "national" | "officer";

/** What the operations need to know about the data (ids in the coordinator's / officer's scope). */
export interface BenchContext {
  meta: BenchMeta;
  locationIds: string[];
  familyId: string;
  /** A family of the coordinator's waiting for a match (the family page shows suggestions then); else familyId. */
  waitingFamilyId: string;
  municipalityId: string;
  /** The last complete year before the reference day. */
  year: number;
}

/**
 * What a floor runs its SQL through: node-postgres, with each statement text prepared once per
 * connection as the API's driver statements are (raw-server.ts), so both pay the same planning.
 */
export interface FloorDb {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

export interface Operation {
  key: string;
  title: string;
  role: BenchRole;
  /** p95 target at 16 clients, ms. */
  targetP95Ms: number;
  /** The root field the operation needs; checked against the API's schema. */
  rootField: string;
  query: string;
  variables(ctx: BenchContext): Record<string, unknown>;
  /** The floor; `note` says what it includes besides SQL. */
  raw?: { note: string; run(db: FloorDb, ctx: BenchContext): Promise<unknown> };
  /** The numbers that must agree between the API's answer and the floor's; null when they do. */
  compare?(api: unknown, raw: unknown): string | null;
}

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
/**
 * The families' location condition as one writes it by hand, and as the API's json-select sends
 * it: an equality for one location (a page is then the first rows of the family list's index),
 * `= ANY` for several.
 */
const byLocation = (ids: string[]) =>
  ids.length === 1 ? { sql: `f."locationId" = $1`, value: ids[0] } : { sql: `f."locationId" = ANY($1)`, value: ids };

const rawId = (global: string) => Buffer.from(global, "base64").toString("utf8").split(":").slice(1).join(":");
// biome-ignore lint/suspicious/noExplicitAny: answers are walked by path; their shape is checked by the comparison itself.
type Json = any;

export const OPERATIONS: Operation[] = [
  {
    key: "dashboard",
    title: "Coordinator dashboard",
    role: "coordinator",
    targetP95Ms: 50,
    rootField: "dashboard",
    query: "query Dashboard($on: Date) { dashboard(on: $on) { code severity dueOn familyId volunteerId message { nl en } } }",
    variables: (ctx) => ({ on: ctx.meta.referenceDay }),
    raw: {
      note: "3 SQL statements (families with their active match, volunteers, the visit summary per active match) + the same domain function (dashboardSignals)",
      run: async (db, ctx) => dashboardRaw(db, ctx),
    },
    compare: (api: Json, raw: Json) => same(api.dashboard.length, raw.length, "signals"),
  },
  {
    key: "families",
    title: "Family list, page of 50",
    role: "coordinator",
    targetP95Ms: 50,
    rootField: "families",
    query: `query Families($first: Int) { families(first: $first) { edges { cursor node { id registeredOn status municipality { id name }
      parents { firstName lastName } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    variables: () => ({ first: 50 }),
    raw: {
      note: "1 SQL statement",
      run: async (db, ctx) => {
        const location = byLocation(ctx.locationIds);
        const result = await db.query(
          `SELECT f.id, f."registeredOn", f.status, json_build_object('id', mu.id, 'name', mu.name) AS municipality,
              (SELECT coalesce(json_agg(json_build_object('firstName', p."firstName", 'lastName', p."lastName") ORDER BY p.id), '[]')
                 FROM "Parent" p WHERE p."familyId" = f.id) AS parents
           FROM "Family" f JOIN "Municipality" mu ON mu.id = f."municipalityId"
           WHERE ${location.sql} ORDER BY f."registeredOn" DESC, f.id ASC LIMIT 51`,
          [location.value],
        );
        return result.rows;
      },
    },
    compare: (api: Json, raw: Json) =>
      same(
        api.families.edges.map((e: Json) => rawId(e.node.id)).join(","),
        raw
          .slice(0, 50)
          .map((r: Json) => r.id)
          .join(","),
        "family ids",
      ),
  },
  {
    key: "family",
    title: "Family record with eligibility",
    role: "coordinator",
    targetP95Ms: 50,
    rootField: "family",
    query: `query Family($id: ID!, $on: Date) { family(id: $id) { id registeredOn status source householdType languages riskFactors version
      location { id name } municipality { id name code } parents { firstName lastName phone email } children { id firstName bornOn expectedOn }
      eligibility(on: $on) { outcome eligible eligibleFrom eligibleUntil untilIsEstimate reasons { code } children { ref status from until } } } }`,
    variables: (ctx) => ({ id: globalId("Family", ctx.familyId), on: ctx.meta.referenceDay }),
    raw: {
      note: "5 SQL statements + judgeEligibility + the audit insert the API also writes",
      run: async (db, ctx) => familyRaw(db, ctx),
    },
    compare: (api: Json, raw: Json) => same(api.family?.eligibility?.outcome, raw.eligibility.outcome, "eligibility outcome"),
  },
  {
    key: "familyPage",
    title: "Family page, the portal's whole query",
    role: "coordinator",
    targetP95Ms: 50,
    rootField: "family",
    // The coordinator portal's FamilyDetail query (apps/coordinator features/families/FamilyPage.tsx), whole.
    query: `query FamilyDetail($id: ID!) { family(id: $id) { id version registeredOn status allowedTransitions source channel
      preferredLanguage calledBackAt intakeOn householdType languages riskFactors postcode address note location { id name }
      municipality { id name code } referral { referredOn referrer { type name organisation email phone } } parents { id firstName
      lastName phone email } children { id firstName bornOn expectedOn } eligibility { outcome eligible eligibleFrom eligibleUntil
      untilIsEstimate policy { maxAgeInclusive pregnancyWeeksFrom validFrom validUntil } children { ref status from until
      untilIsEstimate reason { code message { nl en } } } reasons { code message { nl en } } } supportQuestions { id question goal
      goalReached createdAt } consents { id type action at note recordedByName textVersion } consentsInForce { type inForce since }
      evaluations { id kind heldOn parentalWellbeing positiveParenting childBehaviour network summary recordedByName createdAt }
      closure { closedOn reason goalsReached note } referrerNotices { id kind status subject attempts lastError sentAt
      nextAttemptAt createdAt } possibleDuplicates { familyId matches } } }`,
    variables: (ctx) => ({ id: globalId("Family", ctx.familyId) }),
    raw: {
      note: "3 SQL statements (the family with every relation as JSON, the families sharing a parent's duplicate key, the audit insert the API also writes) + the same domain functions (judgeEligibility, consentsInForce, nextSupportStates, possibleDuplicates)",
      run: async (db, ctx) => familyPageRaw(db, ctx),
    },
    compare: (api: Json, raw: Json) =>
      same(api.family?.eligibility?.outcome, raw.eligibility.outcome, "eligibility outcome") ??
      same(api.family?.consents?.length, raw.consents.length, "consents") ??
      same(
        api.family?.consentsInForce?.filter((c: Json) => c.inForce).length,
        raw.consentsInForce.filter((c: Json) => c.inForce).length,
        "consents in force",
      ) ??
      same(api.family?.evaluations?.length, raw.evaluations.length, "evaluations") ??
      same(api.family?.possibleDuplicates?.length, raw.possibleDuplicates.length, "possible duplicates") ??
      same(api.family?.allowedTransitions?.join(","), raw.allowedTransitions.join(","), "allowed transitions"),
  },
  {
    key: "matchSuggestions",
    title: "Match suggestions",
    role: "coordinator",
    targetP95Ms: 50,
    rootField: "family",
    // The coordinator portal's FamilyMatchSuggestions query (apps/coordinator features/matching).
    query: `query FamilyMatchSuggestions($id: ID!, $on: Date) { family(id: $id) { id matchSuggestions(on: $on) { on
      ranked { rank score reasons { code points message { nl en } } volunteer { id firstName lastName } }
      excludedCount } } }`,
    variables: (ctx) => ({ id: globalId("Family", ctx.waitingFamilyId), on: ctx.meta.referenceDay }),
    raw: {
      note: "3 SQL statements (the family, its location's volunteers with their matches, the audit insert the API also writes) + the same domain function (suggestVolunteers)",
      run: async (db, ctx) => matchSuggestionsRaw(db, ctx),
    },
    compare: (api: Json, raw: Json) =>
      same(
        (api.family?.matchSuggestions?.ranked ?? []).map((r: Json) => `${rawId(r.volunteer.id)}:${r.score}`).join(","),
        raw.ranked.map((r: Json) => `${r.volunteerId}:${r.score}`).join(","),
        "ranking",
      ) ?? same(api.family?.matchSuggestions?.excludedCount, raw.excluded.length, "excluded"),
  },
  {
    key: "annualFigures",
    title: "National annual figures, one year",
    role: "national",
    targetP95Ms: 100,
    rootField: "annualFigures",
    query: `query AnnualFigures($year: Int!) { annualFigures(year: $year) { __typename ... on AnnualFiguresSuccess { figures { year families children
      volunteers coordinators municipalities viaReferrer singleParent shareViaReferrer shareSingleParent averageHoursPerFamily startedInYear
      averageDaysRegistrationToStart riskFactors { riskFactor families } } } ... on Refusal { code } } }`,
    variables: (ctx) => ({ year: ctx.year }),
    raw: { note: "1 SQL statement (aggregates)", run: async (db, ctx) => figuresRaw(db, ctx.year, null) },
    compare: (api: Json, raw: Json) => {
      const f = api.annualFigures?.figures;
      return f ? compareFigures(f, raw) : `no figures (${api.annualFigures?.code ?? "?"})`;
    },
  },
  {
    key: "municipalityFigures",
    title: "One municipality's figures page (officer)",
    role: "officer",
    targetP95Ms: 100,
    rootField: "municipalityFigures",
    query: `query MunicipalityFigures($municipalityId: ID!, $year: Int!) { municipalityFigures(municipalityId: $municipalityId, year: $year) {
      __typename ... on MunicipalityFiguresSuccess { figures { year families { value shown } children { value } volunteers { value }
      viaReferrer { value } singleParent { value } shareViaReferrer shareSingleParent averageHoursPerFamily
      comparison { measure municipality national } } } ... on Refusal { code } } }`,
    variables: (ctx) => ({ municipalityId: globalId("Municipality", ctx.municipalityId), year: ctx.year }),
    raw: {
      note: "2 SQL statements (the municipality's aggregates and the national ones it is compared with)",
      run: async (db, ctx) => {
        const [municipal, national] = await Promise.all([figuresRaw(db, ctx.year, ctx.municipalityId), figuresRaw(db, ctx.year, null)]);
        return { municipal, national };
      },
    },
    compare: (api: Json, raw: Json) => {
      const f = api.municipalityFigures?.figures;
      if (!f) return `no figures (${api.municipalityFigures?.code ?? "null"})`;
      return same(f.families.value, raw.municipal.families, "families") ?? same(f.children.value, raw.municipal.children, "children");
    },
  },
  {
    key: "licences",
    title: "Licence list (first 50)",
    role: "national",
    targetP95Ms: 50,
    rootField: "licences",
    query:
      "query Licences($first: Int) { licences(first: $first) { edges { node { id number status validFrom validUntil } } pageInfo { hasNextPage endCursor } } }",
    variables: () => ({ first: 50 }),
    raw: {
      note: "1 SQL statement",
      run: async (db) =>
        (
          await db.query(
            `SELECT id, number, status, "validFrom", "validUntil" FROM "Licence" ORDER BY "appliedOn" DESC, number ASC, id ASC LIMIT 51`,
          )
        ).rows,
    },
    compare: (api: Json, raw: Json) =>
      same(
        api.licences.edges.map((e: Json) => e.node.number).join(","),
        raw
          .slice(0, 50)
          .map((r: Json) => r.number)
          .join(","),
        "licence numbers",
      ),
  },
  {
    key: "visitatiePlanner",
    title: "Visitatie planner (12 months)",
    role: "national",
    targetP95Ms: 50,
    rootField: "visitatiePlanner",
    query:
      "query Planner($from: Date) { visitatiePlanner(from: $from) { from months capacityPerMonth rows { dueMonth plannedMonth location { id name } } } }",
    variables: (ctx) => ({ from: ctx.meta.referenceDay }),
    raw: {
      note: "2 SQL statements, data load only (the planning itself is packages/domain's and not repeated)",
      run: async (db) => {
        const [locations, reviewers] = await Promise.all([
          db.query(
            `SELECT l.id, l.name, l."startedOn", l."closedOn",
               (SELECT coalesce(json_agg(json_build_object('status', q.status, 'plannedOn', q."plannedOn", 'performedOn', q."performedOn")), '[]')
                  FROM "QualityReview" q WHERE q."locationId" = l.id) AS reviews,
               (SELECT min(c."validFrom") FROM "Licence" c WHERE c."locationId" = l.id) AS "licenceStart"
             FROM "Location" l ORDER BY l.id`,
          ),
          db.query(`SELECT id, name FROM "User" WHERE role = 'NATIONAL_STAFF' AND active ORDER BY name`),
        ]);
        return { rows: locations.rows, reviewers: reviewers.rows };
      },
    },
    compare: (api: Json, raw: Json) => same(api.visitatiePlanner.rows.length, raw.rows.length, "rows"),
  },
];

function same(a: unknown, b: unknown, what: string): string | null {
  return a === b ? null : `${what} differ: API ${JSON.stringify(a)?.slice(0, 80)} vs SQL ${JSON.stringify(b)?.slice(0, 80)}`;
}

function compareFigures(api: Json, raw: Json): string | null {
  for (const key of [
    "families",
    "children",
    "volunteers",
    "viaReferrer",
    "singleParent",
    "startedInYear",
    "municipalities",
    "coordinators",
  ]) {
    const d = same(api[key], raw[key], key);
    if (d) return d;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Floors that need more than one statement
// ---------------------------------------------------------------------------

async function dashboardRaw(db: FloorDb, ctx: BenchContext) {
  const today = ctx.meta.referenceDay as IsoDate;
  const [families, volunteers] = await Promise.all([
    db.query(
      `SELECT f.id, f.status, f."registeredOn", f."calledBackAt",
         (SELECT min(m."startOn") FROM "Match" m WHERE m."familyId" = f.id) AS "supportStartOn",
         (SELECT max(e."heldOn") FROM "Evaluation" e WHERE e."familyId" = f.id AND e.kind = 'INTERIM') AS "interimOn",
         am.id AS "matchId", am."volunteerId", am."startOn"
       FROM "Family" f
       LEFT JOIN LATERAL (SELECT m.id, m."volunteerId", m."startOn" FROM "Match" m WHERE m."familyId" = f.id AND m."endOn" IS NULL
                          ORDER BY m."startOn" LIMIT 1) am ON true
       WHERE f."locationId" = ANY($1) AND f.status IN ('REGISTERED', 'INTAKE', 'WAITING_FOR_MATCH', 'ACTIVE')`,
      [ctx.locationIds],
    ),
    db.query(
      `SELECT id, status, "vogIssuedOn", "trainingCompletedOn" FROM "Volunteer"
       WHERE "locationId" = ANY($1) AND status IN ('ACTIVE', 'IN_TRAINING', 'PAUSED')`,
      [ctx.locationIds],
    ),
  ]);
  // The same summary of each active match's visits as the API (domain VisitSummary, hoursWindow).
  const windows = families.rows
    .filter((f) => f.matchId)
    .map((f) => ({ id: f.matchId as string, from: hoursWindow(f.startOn, today).from }));
  const sums = await db.query(
    `SELECT x."matchId",
       (SELECT max(v."visitedOn") FROM "Visit" v WHERE v."matchId" = x."matchId" AND v."visitedOn" <= $3::date) AS "lastVisitOn",
       (SELECT coalesce(sum(v.minutes), 0)::int FROM "Visit" v WHERE v."matchId" = x."matchId" AND v."visitedOn" BETWEEN x."from" AND $3::date) AS minutes
     FROM unnest($1::text[], $2::date[]) AS x("matchId", "from")`,
    [windows.map((w) => w.id), windows.map((w) => w.from), today],
  );
  const summaries = new Map(sums.rows.map((r) => [r.matchId as string, r]));
  return dashboardSignals(
    {
      families: families.rows.map((f) => {
        const sum = f.matchId ? summaries.get(f.matchId) : undefined;
        return {
          id: f.id,
          status: f.status,
          registeredOn: f.registeredOn,
          calledBackOn: f.calledBackAt ? todayInNetherlands(new Date(`${String(f.calledBackAt).replace(" ", "T")}Z`)) : null,
          supportStartOn: f.supportStartOn,
          interimEvaluationOn: f.interimOn,
          activeMatch: f.matchId
            ? {
                id: f.matchId,
                volunteerId: f.volunteerId,
                startOn: f.startOn,
                visitSummary: {
                  on: today,
                  lastVisitOn: sum?.lastVisitOn ?? null,
                  hoursWindowFrom: hoursWindow(f.startOn, today).from,
                  minutesInHoursWindow: Number(sum?.minutes ?? 0),
                },
              }
            : null,
        };
      }),
      volunteers: volunteers.rows.map((v) => ({
        id: v.id,
        status: v.status,
        vogIssuedOn: v.vogIssuedOn,
        trainingCompletedOn: v.trainingCompletedOn,
      })),
    },
    today,
  );
}

async function matchSuggestionsRaw(db: FloorDb, ctx: BenchContext) {
  const on = ctx.meta.referenceDay as IsoDate;
  const family = (
    await db.query(
      `SELECT f.id, f."locationId", f.postcode, f.languages, mu.code AS "municipalityCode",
         (SELECT coalesce(json_agg(json_build_object('bornOn', c."bornOn", 'expectedOn', c."expectedOn")), '[]') FROM "Child" c WHERE c."familyId" = f.id) AS children
       FROM "Family" f JOIN "Municipality" mu ON mu.id = f."municipalityId" WHERE f.id = $1 AND f."locationId" = ANY($2)`,
      [ctx.waitingFamilyId, ctx.locationIds],
    )
  ).rows[0];
  if (!family) return null;
  const [volunteers] = await Promise.all([
    db.query(
      `SELECT v.id, v.status, v."trainingCompletedOn", v."vogIssuedOn", v."maxFamilies", v.postcode, v.languages, v.availability,
         v."experienceAgeGroups", v."firstName", v."lastName", mu.code AS "municipalityCode",
         (SELECT coalesce(json_agg(json_build_object('startOn', m."startOn", 'endOn', m."endOn")), '[]') FROM "Match" m
           WHERE m."volunteerId" = v.id AND (m."endOn" IS NULL OR m."endOn" >= $3::date)) AS matches
       FROM "Volunteer" v LEFT JOIN "Municipality" mu ON mu.id = v."municipalityId" WHERE v."locationId" = $1 AND v.status::text = ANY($2) ORDER BY v.id`,
      [family.locationId, CANDIDATE_VOLUNTEER_STATUSES, on],
    ),
    db.query(`INSERT INTO "AuditEntry" ("userId", action, "entityType", "entityId") VALUES (NULL, 'family.read', 'Family', $1)`, [
      family.id,
    ]),
  ]);
  return suggestVolunteers(
    {
      id: family.id,
      municipalityCode: family.municipalityCode,
      postcode: family.postcode,
      languages: family.languages,
      children: family.children,
    },
    volunteers.rows.map((v) => ({
      id: v.id,
      status: v.status,
      trainingCompletedOn: v.trainingCompletedOn,
      vogIssuedOn: v.vogIssuedOn,
      maxFamilies: v.maxFamilies,
      openMatches: openMatchCount(v.matches, on),
      municipalityCode: v.municipalityCode,
      postcode: v.postcode,
      languages: v.languages,
      availability: v.availability,
      experienceAgeGroups: v.experienceAgeGroups,
    })),
    on,
  );
}

async function familyRaw(db: FloorDb, ctx: BenchContext) {
  const family = (
    await db.query(
      `SELECT f.*, json_build_object('id', l.id, 'name', l.name) AS location, json_build_object('id', mu.id, 'name', mu.name, 'code', mu.code) AS municipality
       FROM "Family" f JOIN "Location" l ON l.id = f."locationId" JOIN "Municipality" mu ON mu.id = f."municipalityId"
       WHERE f.id = $1 AND f."locationId" = ANY($2)`,
      [ctx.familyId, ctx.locationIds],
    )
  ).rows[0];
  if (!family) return null;
  const [parents, children, policies, licences] = await Promise.all([
    db.query(`SELECT "firstName", "lastName", phone, email FROM "Parent" WHERE "familyId" = $1 ORDER BY id`, [family.id]),
    db.query(`SELECT id, "firstName", "bornOn", "expectedOn" FROM "Child" WHERE "familyId" = $1 ORDER BY "bornOn" ASC NULLS LAST, id`, [
      family.id,
    ]),
    db.query(`SELECT * FROM "AgePolicy" WHERE "municipalityId" = $1`, [family.municipalityId]),
    db.query(
      `SELECT c.id, c."locationId", c.status, c."validFrom", c."validUntil",
         (SELECT array_agg(mu.code) FROM "LicenceMunicipality" lm JOIN "Municipality" mu ON mu.id = lm."municipalityId" WHERE lm."licenceId" = c.id) AS codes
       FROM "Licence" c WHERE c."locationId" = $1 AND EXISTS (SELECT 1 FROM "LicenceMunicipality" x WHERE x."licenceId" = c.id AND x."municipalityId" = $2)`,
      [family.locationId, family.municipalityId],
    ),
  ]);
  await db.query(`INSERT INTO "AuditEntry" ("userId", action, "entityType", "entityId") VALUES (NULL, 'family.read', 'Family', $1)`, [
    family.id,
  ]);
  const code = family.municipality.code as string;
  const eligibility = judgeEligibility({
    municipalityCode: code,
    on: ctx.meta.referenceDay as IsoDate,
    children: children.rows.map((c) => ({ id: c.id, bornOn: c.bornOn, expectedOn: c.expectedOn })),
    policies: policies.rows.map((p) => ({
      id: p.id,
      municipalityCode: code,
      maxAgeInclusive: p.maxAgeInclusive,
      pregnancyWeeksFrom: p.pregnancyWeeksFrom,
      validFrom: p.validFrom,
      validUntil: p.validUntil,
    })),
    licensing: licensingOf(licences.rows),
  });
  return { ...family, parents: parents.rows, children: children.rows, eligibility };
}

/** Licence rows (with their municipalities' codes) as judgeEligibility reads them. */
const licensingOf = (rows: Json[]) => ({
  licences: rows.map((l) => ({
    id: l.id,
    locationId: l.locationId,
    status: l.status,
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    municipalityCodes: l.codes ?? [],
  })),
});

/** The coordinator portal's whole family page (FamilyDetail), without the audit trail it loads on opening. */
async function familyPageRaw(db: FloorDb, ctx: BenchContext) {
  // ARRAY(…) so the keys are known before the scan and each key's index is used (IN (SELECT …) is a join over the location).
  const keyed = (column: string) => `p2."${column}" = ANY(ARRAY(SELECT p1."${column}" FROM "Parent" p1 WHERE p1."familyId" = $1))`;
  const [familyRows, candidates] = await Promise.all([
    db.query(
      `SELECT f.*, json_build_object('id', l.id, 'name', l.name) AS location,
         json_build_object('id', mu.id, 'name', mu.name, 'code', mu.code) AS municipality,
         (SELECT json_build_object('referredOn', r."referredOn", 'referrer', json_build_object('type', rr.type, 'name', rr.name,
            'organisation', rr.organisation, 'email', rr.email, 'phone', rr.phone))
            FROM "Referral" r JOIN "Referrer" rr ON rr.id = r."referrerId" WHERE r."familyId" = f.id) AS referral,
         (SELECT coalesce(json_agg(json_build_object('id', p.id, 'firstName', p."firstName", 'lastName', p."lastName", 'phone', p.phone,
            'email', p.email) ORDER BY p.id), '[]') FROM "Parent" p WHERE p."familyId" = f.id) AS parents,
         (SELECT coalesce(json_agg(json_build_object('id', c.id, 'firstName', c."firstName", 'bornOn', c."bornOn", 'expectedOn', c."expectedOn")
            ORDER BY c."bornOn" ASC NULLS LAST, c.id), '[]') FROM "Child" c WHERE c."familyId" = f.id) AS children,
         (SELECT coalesce(json_agg(json_build_object('id', q.id, 'question', q.question, 'goal', q.goal, 'goalReached', q."goalReached",
            'createdAt', q."createdAt") ORDER BY q."createdAt", q.id), '[]') FROM "SupportQuestion" q WHERE q."familyId" = f.id) AS "supportQuestions",
         (SELECT coalesce(json_agg(json_build_object('id', e.id, 'type', e.type, 'action', e.action, 'at', e.at, 'note', e.note,
            'textVersion', e."textVersion", 'recordedByName', u.name) ORDER BY e.at, e.id), '[]')
            FROM "ConsentEvent" e LEFT JOIN "User" u ON u.id = e."recordedById" WHERE e."familyId" = f.id) AS consents,
         (SELECT coalesce(json_agg(json_build_object('id', v.id, 'kind', v.kind, 'heldOn', v."heldOn", 'parentalWellbeing', v."parentalWellbeing",
            'positiveParenting', v."positiveParenting", 'childBehaviour', v."childBehaviour", 'network', v.network, 'summary', v.summary,
            'recordedByName', u.name, 'createdAt', v."createdAt") ORDER BY v."heldOn", v.id), '[]')
            FROM "Evaluation" v LEFT JOIN "User" u ON u.id = v."recordedById" WHERE v."familyId" = f.id) AS evaluations,
         (SELECT json_build_object('closedOn', c."closedOn", 'reason', c.reason, 'goalsReached', c."goalsReached", 'note', c.note)
            FROM "Closure" c WHERE c."familyId" = f.id) AS closure,
         (SELECT coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'status', n.status, 'subject', n.subject, 'attempts', n.attempts,
            'lastError', n."lastError", 'sentAt', n."sentAt", 'nextAttemptAt', n."nextAttemptAt", 'createdAt', n."createdAt") ORDER BY n."createdAt", n.id), '[]')
            FROM "ReferrerNotification" n WHERE n."familyId" = f.id) AS "referrerNotices",
         (SELECT coalesce(json_agg(json_build_object('id', a.id, 'maxAgeInclusive', a."maxAgeInclusive", 'pregnancyWeeksFrom', a."pregnancyWeeksFrom",
            'validFrom', a."validFrom", 'validUntil', a."validUntil")), '[]') FROM "AgePolicy" a WHERE a."municipalityId" = f."municipalityId") AS policies,
         (SELECT coalesce(json_agg(json_build_object('id', c.id, 'locationId', c."locationId", 'status', c.status, 'validFrom', c."validFrom",
            'validUntil', c."validUntil", 'codes', (SELECT array_agg(m2.code) FROM "LicenceMunicipality" lm JOIN "Municipality" m2 ON m2.id = lm."municipalityId"
              WHERE lm."licenceId" = c.id))), '[]')
            FROM "Licence" c WHERE c."locationId" = f."locationId"
              AND EXISTS (SELECT 1 FROM "LicenceMunicipality" x WHERE x."licenceId" = c.id AND x."municipalityId" = f."municipalityId")) AS licences
       FROM "Family" f JOIN "Location" l ON l.id = f."locationId" JOIN "Municipality" mu ON mu.id = f."municipalityId"
       WHERE f.id = $1 AND f."locationId" = ANY($2)`,
      [ctx.familyId, ctx.locationIds],
    ),
    // The location's other families sharing one of this family's stored duplicate keys, with what possibleDuplicates compares.
    db.query(
      `WITH candidate AS (
         SELECT DISTINCT p2."familyId" AS id FROM "Parent" p2 JOIN "Family" f2 ON f2.id = p2."familyId"
          WHERE f2."locationId" = (SELECT "locationId" FROM "Family" WHERE id = $1) AND f2.id <> $1 AND f2."anonymisedAt" IS NULL
            AND (${keyed("phoneKey")} OR ${keyed("emailKey")} OR ${keyed("nameKey")} OR p2."nameKey" IS NULL))
       SELECT c.id,
         (SELECT json_agg(json_build_object('firstName', p."firstName", 'lastName', p."lastName", 'phone', p.phone, 'email', p.email))
            FROM "Parent" p WHERE p."familyId" = c.id) AS parents,
         (SELECT coalesce(array_agg(to_char(ch."bornOn", 'YYYY-MM-DD')), '{}') FROM "Child" ch WHERE ch."familyId" = c.id AND ch."bornOn" IS NOT NULL) AS births
       FROM candidate c`,
      [ctx.familyId],
    ),
    db.query(`INSERT INTO "AuditEntry" ("userId", action, "entityType", "entityId") VALUES (NULL, 'family.read', 'Family', $1)`, [
      ctx.familyId,
    ]),
  ]);
  const family = familyRows.rows[0];
  if (!family) return null;
  const code = family.municipality.code as string;
  const eligibility = judgeEligibility({
    municipalityCode: code,
    on: todayInNetherlands(),
    children: family.children.map((c: Json) => ({ id: c.id, bornOn: c.bornOn, expectedOn: c.expectedOn })),
    policies: family.policies.map((p: Json) => ({ ...p, municipalityCode: code })),
    licensing: licensingOf(family.licences),
  });
  const now = new Date().toISOString();
  const history = family.consents.map((e: Json) => ({
    id: e.id,
    type: e.type,
    action: e.action,
    at: new Date(`${e.at}Z`).toISOString(),
    textVersion: e.textVersion,
  }));
  const inForce = consentsInForce(history, now);
  const fingerprint = (id: string, parents: Json[], births: string[]) => ({
    id,
    parents: parents.map((p: Json) => ({ firstName: p.firstName, lastName: p.lastName, phone: p.phone, email: p.email })),
    childBirthDates: births as IsoDate[],
  });
  return {
    ...family,
    eligibility,
    allowedTransitions: nextSupportStates(family.status),
    consentsInForce: CONSENT_TYPES.map((type) => ({
      type,
      inForce: inForce[type],
      since: decidingConsentEvent(history, type, now)?.at ?? null,
    })),
    possibleDuplicates: possibleDuplicates(
      fingerprint(
        family.id,
        family.parents,
        family.children.flatMap((c: Json) => (c.bornOn ? [c.bornOn] : [])),
      ),
      candidates.rows.map((c) => fingerprint(c.id, c.parents ?? [], c.births)),
    ),
  };
}

/** The annual figures' definitions (packages/domain annualFigures) as one aggregate query. */
async function figuresRaw(db: FloorDb, year: number, municipalityId: string | null) {
  const scope = municipalityId === null ? "" : `AND f."municipalityId" = $3`;
  const params: unknown[] = [`${year}-01-01`, `${year}-12-31`];
  if (municipalityId !== null) params.push(municipalityId);
  const licenceScope = municipalityId === null ? "" : `AND lm."municipalityId" = $3`;
  const sql = `
    WITH fam AS (
      SELECT f.id, f."registeredOn", f.source, f."householdType", f."riskFactors", ms.start_on,
             CASE WHEN c."closedOn" IS NOT NULL THEN c."closedOn" WHEN ms.open THEN NULL ELSE ms.last_end END AS end_on
      FROM "Family" f
      JOIN LATERAL (SELECT min(m."startOn") AS start_on, bool_or(m."endOn" IS NULL) AS open, max(m."endOn") AS last_end
                    FROM "Match" m WHERE m."familyId" = f.id) ms ON ms.start_on IS NOT NULL
      LEFT JOIN "Closure" c ON c."familyId" = f.id
      WHERE ms.start_on <= $2::date ${scope}
    ), sup AS (SELECT * FROM fam WHERE end_on IS NULL OR end_on >= $1::date),
    lic AS (
      SELECT DISTINCT l."locationId", lm."municipalityId" FROM "Licence" l JOIN "LicenceMunicipality" lm ON lm."licenceId" = l.id
      WHERE l.status NOT IN ('APPLIED', 'GRANTED') AND l."validFrom" <= $2::date AND l."validUntil" >= $1::date ${licenceScope}
    )
    SELECT
      (SELECT count(*) FROM sup)::int AS families,
      (SELECT count(*) FROM "Child" ch JOIN sup ON sup.id = ch."familyId")::int AS children,
      (SELECT count(DISTINCT m."volunteerId") FROM "Match" m JOIN sup ON sup.id = m."familyId"
        WHERE m."startOn" <= $2::date AND (m."endOn" IS NULL OR m."endOn" >= $1::date))::int AS volunteers,
      (SELECT count(*) FROM "User" u WHERE u.role = 'COORDINATOR' AND u.active
        ${municipalityId === null ? "" : `AND EXISTS (SELECT 1 FROM "UserLocationScope" s JOIN lic ON lic."locationId" = s."locationId" WHERE s."userId" = u.id)`})::int AS coordinators,
      (SELECT count(DISTINCT "municipalityId") FROM lic)::int AS municipalities,
      (SELECT count(*) FILTER (WHERE source = 'REFERRER') FROM sup)::int AS "viaReferrer",
      (SELECT count(*) FILTER (WHERE "householdType" = 'SINGLE_PARENT') FROM sup)::int AS "singleParent",
      (SELECT count("householdType") FROM sup)::int AS "householdKnown",
      (SELECT json_object_agg(r, n) FROM (SELECT r, count(*) AS n FROM sup, unnest("riskFactors") AS r GROUP BY r) x) AS "riskFactors",
      (SELECT coalesce(sum(v.minutes), 0) FROM "Visit" v JOIN "Match" m ON m.id = v."matchId" JOIN sup ON sup.id = m."familyId"
        WHERE v."visitedOn" BETWEEN $1::date AND $2::date)::int AS "minutesVisited",
      (SELECT count(*) FROM fam WHERE start_on >= $1::date)::int AS "startedInYear",
      (SELECT avg(start_on - "registeredOn") FROM fam WHERE start_on >= $1::date)::float AS "averageDaysRegistrationToStart"`;
  return (await db.query(sql, params)).rows[0];
}
