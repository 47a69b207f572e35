// Hostile and malformed input (issue 8, item 3): property-based fuzzing of EVERY mutation, driven
// by the executable schema. For each Mutation field the arguments' types are turned into fast-check
// arbitraries (input objects, enums, lists, scalars: hostile strings, extreme numbers, impossible
// dates, malformed ids and real ids of other tenants), sent as variables by someone the
// authorization matrix allows to call it, sometimes twice at once (a double submit). Every answer
// must be a typed result (Success or Refusal) or a client error (validation / BAD_USER_INPUT /
// 413), never a 5xx, an internal error or a stack trace; after every refusal or error the
// database's content is unchanged. A new mutation is fuzzed without any change here.
//
// The runs per mutation default to 10 (FUZZ_RUNS=n for more). The seed is fixed by default, so CI
// is repeatable; FUZZ_SEED=random explores new cases (the seed is printed with any failure so it
// can be replayed with FUZZ_SEED=n).
import { encodeGlobalID } from "@pothos/plugin-relay";
import fc from "fast-check";
import type { GraphQLArgument, GraphQLEnumType, GraphQLField, GraphQLInputObjectType, GraphQLInputType, GraphQLNamedType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../authz/matrix.ts";
import { schema } from "../schema/index.ts";
import { TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, SEED_TODAY, useSeededApi } from "../testing/seeded-api.ts";
import { allowedActors, CLIENT_ERROR_CODES, contentFingerprint, fingerprintDiff, INTERNALS, loadExpectations } from "./harness.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SEED = process.env.FUZZ_SEED === "random" ? undefined : Number(process.env.FUZZ_SEED ?? 20261123);

const { db, api, loggedIn } = useSeededApi();
const expectations = await loadExpectations();

/** Who fuzzes a mutation: coordinator A where allowed, else national staff, else admin, else anonymous (public ones). */
const FUZZERS: Actor[] = ["coordinatorA", "national", "admin", "anonymous"];
const EMAILS: Partial<Record<Actor, string>> = {
  coordinatorA: DEMO_EMAIL.coordinator,
  national: DEMO_EMAIL.national,
  admin: DEMO_EMAIL.admin,
};
/** No arguments, nothing to fuzz (and it would end the fuzzer's own session). */
const NOT_FUZZED: Record<string, string> = { logout: "takes no input" };

const mutations = Object.values(schema.getMutationType()?.getFields() ?? {}).sort((a, b) => a.name.localeCompare(b.name));

// ---------------------------------------------------------------------------
// Real ids of the seed: in coordinator A's scope and in other tenants'. Filled in beforeAll.
// ---------------------------------------------------------------------------

/** typename → ids (global ids for Node types, raw ids for Parent/Child/SupportQuestion). */
const pools: Record<string, string[]> = {};
const clients: Partial<Record<Actor, TestClient>> = {};
let casesRun = 0;
let typedAnswers = 0;
let successes = 0;
let clientErrors = 0;

beforeAll(async () => {
  const prisma = db().prisma;
  const actorUsers = await prisma.user.findMany({
    where: { email: { in: Object.values(EMAILS) } },
    include: { locationScopes: true },
  });
  const own = actorUsers.find((u) => u.email === DEMO_EMAIL.coordinator)?.locationScopes.map((s) => s.locationId) ?? [];
  type InScope = { locationId: { in?: string[]; notIn?: string[] } };
  const inA: InScope = { locationId: { in: own } };
  const notA: InScope = { locationId: { notIn: own } };
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
  const both = async <W>(find: (where: W, take: number) => Promise<Array<{ id: string }>>, a: W, b: W) => [
    ...ids(await find(a, 3)),
    ...ids(await find(b, 3)),
  ];
  const byFamily = { family: inA };
  const byOtherFamily = { family: notA };
  const raw: Record<string, string[]> = {
    Family: await both((where, take) => prisma.family.findMany({ where, take, orderBy: { id: "asc" } }), inA, notA),
    Volunteer: await both((where, take) => prisma.volunteer.findMany({ where, take, orderBy: { id: "asc" } }), inA, notA),
    GroupMeeting: await both((where, take) => prisma.groupMeeting.findMany({ where, take, orderBy: { id: "asc" } }), inA, notA),
    QualityReview: await both((where, take) => prisma.qualityReview.findMany({ where, take, orderBy: { id: "asc" } }), inA, notA),
    Licence: await both((where, take) => prisma.licence.findMany({ where, take, orderBy: { id: "asc" } }), inA, notA),
    Match: await both((where, take) => prisma.match.findMany({ where, take, orderBy: { id: "asc" } }), byFamily, byOtherFamily),
    Visit: await both(
      (where, take) => prisma.visit.findMany({ where, take, orderBy: { id: "asc" } }),
      { match: byFamily },
      { match: byOtherFamily },
    ),
    ReferrerNotice: await both(
      (where, take) => prisma.referrerNotification.findMany({ where, take, orderBy: { id: "asc" } }),
      byFamily,
      byOtherFamily,
    ),
    Parent: await both((where, take) => prisma.parent.findMany({ where, take, orderBy: { id: "asc" } }), byFamily, byOtherFamily),
    Child: await both((where, take) => prisma.child.findMany({ where, take, orderBy: { id: "asc" } }), byFamily, byOtherFamily),
    SupportQuestion: await both(
      (where, take) => prisma.supportQuestion.findMany({ where, take, orderBy: { id: "asc" } }),
      byFamily,
      byOtherFamily,
    ),
    ImprovementAction: ids(await prisma.improvementAction.findMany({ take: 6, orderBy: { id: "asc" } })),
    Location: [...own, ...ids(await prisma.location.findMany({ where: { id: { notIn: own } }, take: 3, orderBy: { id: "asc" } }))],
    Municipality: ids(await prisma.municipality.findMany({ where: { families: { some: {} } }, take: 6, orderBy: { id: "asc" } })),
    Organisation: ids(await prisma.organisation.findMany({ take: 4, orderBy: { id: "asc" } })),
    // Never the fuzzers themselves: resetting their password would end their sessions.
    User: ids(await prisma.user.findMany({ where: { email: { notIn: Object.values(EMAILS) } }, take: 6, orderBy: { id: "asc" } })),
  };
  for (const [typename, list] of Object.entries(raw)) {
    pools[typename] = ["Parent", "Child", "SupportQuestion"].includes(typename) ? list : list.map((id) => encodeGlobalID(typename, id));
  }
  pools.any = Object.values(pools).flat();
  // Log everyone in before any login is fuzzed (fuzzed logins may lock this address).
  for (const actor of FUZZERS) {
    const email = EMAILS[actor];
    clients[actor] = email ? await loggedIn(email) : new TestClient(api().url);
  }
});

afterAll(() => {
  console.log(
    `[fuzz] ${casesRun} cases over ${mutations.length} mutations: ${typedAnswers} typed answers (${successes} successes), ${clientErrors} client errors.`,
  );
});

// ---------------------------------------------------------------------------
// Arbitraries from the schema's input types
// ---------------------------------------------------------------------------

const HUGE = "x".repeat(100_000);
const hostileConstants = [
  "",
  " ",
  "   \t  ",
  'Robert\'); DROP TABLE "Family";--',
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "{{7*7}}${7*7}",
  "../../../etc/passwd",
  "%s%s%n",
  "\\",
  "\u0000",
  "a\u0000b",
  "line\nbreak",
  "\r\n",
  "\u202Eevil\u202C",
  "\u200B",
  "\uFEFF",
  "\uD800",
  "👨‍👩‍👧‍👦".repeat(40),
  "Zoë Çelik-Ünal",
  "null",
  "undefined",
  "NaN",
  "é".repeat(5_000),
  HUGE,
];

/** Values that pass the shape checks, so fuzzing also reaches the rules behind them. */
function plausibleFor(name: string): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  if (n.includes("email")) return fc.constantFrom("ouder@example.test", "a@b.nl", "x@y");
  if (n.includes("phone")) return fc.constantFrom("06 12345678", "+31 20 123 4567", "123");
  if (n.includes("postcode")) return fc.constantFrom("3811 AB", "3811ab", "0000 AA");
  if (n.includes("language") || n === "locale") return fc.constantFrom("nl", "en", "xx", "NL");
  if (n.includes("password")) return fc.constantFrom("demo-home-start", "correct horse battery staple");
  return fc.constantFrom("Jansen", "Amersfoort", "Een korte notitie.", "ABC-123");
}

function hostileString(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostileConstants) },
    { weight: 3, arbitrary: plausibleFor(name) },
    { weight: 2, arbitrary: fc.string({ maxLength: 300 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 200, maxLength: 5_000 }) },
  );
}

const extremeInt = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, -1, 15, 60, 480, 2_147_483_647, -2_147_483_648, 1900, 2026, 9999),
  fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
);

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const hostileDate = fc.oneof(
  fc.constantFrom(
    SEED_TODAY,
    "2026-01-01",
    "2025-06-15",
    "2024-02-29",
    "2023-02-29",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "0000-01-01",
    "0001-01-01",
    "1899-12-31",
    "1900-01-01",
    "9999-12-31",
    "+275760-09-13",
    "2026-1-1",
    "20261123",
    "2026-11-23T00:00:00Z",
    "23-11-2026",
    "",
    "yesterday",
  ),
  fc.date({ min: new Date("1800-01-01"), max: new Date("2300-12-31"), noInvalidDate: true }).map(isoOf),
  fc.integer({ min: -4000, max: 4000 }).map((days) => isoOf(new Date(Date.parse(SEED_TODAY) + days * 86_400_000))),
);

const hostileDateTime = fc.oneof(
  fc.constantFrom("2026-11-23T10:00:00Z", "2026-11-23T25:00:00Z", "0000-00-00T00:00:00Z", "not a time", ""),
  fc.date({ min: new Date("1800-01-01"), max: new Date("2300-12-31"), noInvalidDate: true }).map((d) => d.toISOString()),
);

const ID_TYPES: Record<string, string> = {
  familyId: "Family",
  volunteerId: "Volunteer",
  matchId: "Match",
  meetingId: "GroupMeeting",
  reviewId: "QualityReview",
  actionId: "ImprovementAction",
  noticeId: "ReferrerNotice",
  licenceId: "Licence",
  locationId: "Location",
  locationIds: "Location",
  municipalityId: "Municipality",
  municipalityIds: "Municipality",
  organisationId: "Organisation",
  reviewerIds: "User",
  childId: "Child",
  supportQuestionId: "SupportQuestion",
};
/** For a field called `id`: the record type from the input's name (UpdateVolunteerInput → Volunteer). */
function idTypeOf(inputName: string, field: string): string {
  if (ID_TYPES[field]) return ID_TYPES[field];
  for (const t of ["Volunteer", "Visit", "Location", "Organisation", "User", "Parent", "Child", "Licence", "Family"]) {
    if (inputName.includes(t)) return t;
  }
  return "any";
}

function hostileId(typename: string): fc.Arbitrary<string> {
  const malformed = fc.oneof(
    fc.constantFrom(
      "",
      "x",
      "0",
      "-1",
      "null",
      "Family:",
      Buffer.from("Family:").toString("base64"),
      Buffer.from("Family:' OR 1=1 --").toString("base64"),
      Buffer.from(`${typename}:00000000-0000-0000-0000-000000000000`).toString("base64"),
      Buffer.from(`${typename}:${"9".repeat(500)}`).toString("base64"),
      "%%%",
      "RmFtaWx5OjE=\u0000",
      HUGE,
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ maxLength: 40 }).map((s) => Buffer.from(`${typename}:${s}`).toString("base64")),
  );
  const real = pools[typename]?.length ? fc.constantFrom(...(pools[typename] as string[])) : null;
  const anyReal = pools.any?.length ? fc.constantFrom(...(pools.any as string[])) : null;
  const options: Array<fc.WeightedArbitrary<string>> = [{ weight: 2, arbitrary: malformed }];
  if (real) options.push({ weight: 5, arbitrary: real });
  if (anyReal) options.push({ weight: 1, arbitrary: anyReal });
  return fc.oneof(...options);
}

/** A JSON value of the wrong shape for whatever it replaces. */
const wrongShape = fc.constantFrom<unknown>(42, -1.5, true, "text", [], [1, 2], {}, { a: 1 }, 1e300);

type Json = unknown;

// The schema's types come from graphql's CommonJS build and this file's `graphql` import may be its
// ES build (two realms), so `isNonNullType` & co. would throw: tell the kinds apart by shape.
type Wrapped = { ofType: GraphQLInputType };
const isNonNullType = (t: unknown): t is Wrapped => String(t).endsWith("!") && typeof t === "object" && t !== null && "ofType" in t;
const isListType = (t: unknown): t is Wrapped => String(t).startsWith("[") && typeof t === "object" && t !== null && "ofType" in t;
const isInputObjectType = (t: unknown): t is GraphQLInputObjectType => typeof t === "object" && t !== null && "getFields" in t;
const isEnumType = (t: unknown): t is GraphQLEnumType => typeof t === "object" && t !== null && "getValues" in t;
const isScalarType = (t: unknown): t is { name: string } => typeof t === "object" && t !== null && "serialize" in t && !("getValues" in t);
const isUnionType = (t: unknown): boolean => typeof t === "object" && t !== null && "getTypes" in t;
function getNamedType(t: unknown): GraphQLNamedType {
  let type = t as Wrapped;
  while (typeof type === "object" && "ofType" in type && type.ofType) type = type.ofType as unknown as Wrapped;
  return type as unknown as GraphQLNamedType;
}

/**
 * An arbitrary for a value of `type`. `wellTyped` values pass GraphQL's own coercion (so they reach
 * the resolver and its validation); otherwise now and then a null where one is required or a value
 * of the wrong shape, which GraphQL must refuse before any resolver runs.
 */
function arbitraryFor(type: GraphQLInputType, name: string, owner: string, wellTyped: boolean, depth = 0): fc.Arbitrary<Json> {
  if (isNonNullType(type)) {
    const value = nullableArbitrary(type.ofType, name, owner, wellTyped, depth);
    return wellTyped ? value : fc.oneof({ weight: 10, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const inner = nullableArbitrary(type, name, owner, wellTyped, depth);
  // Nullable: left out, explicitly null, or a value.
  const options: Array<fc.WeightedArbitrary<Json>> = [
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 8, arbitrary: inner },
  ];
  if (!wellTyped) options.push({ weight: 1, arbitrary: wrongShape });
  return fc.oneof(...options);
}

function nullableArbitrary(type: GraphQLInputType, name: string, owner: string, wellTyped: boolean, depth: number): fc.Arbitrary<Json> {
  const oddly = (typed: fc.Arbitrary<Json>, odd: fc.Arbitrary<Json>) =>
    wellTyped ? typed : fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: odd });
  if (isNonNullType(type)) return arbitraryFor(type, name, owner, wellTyped, depth);
  if (isListType(type)) {
    const item = arbitraryFor(type.ofType as GraphQLInputType, name, owner, wellTyped, depth + 1);
    return oddly(
      fc.oneof(
        { weight: 8, arbitrary: fc.array(item, { maxLength: 3 }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: 21, maxLength: 40 }) },
      ),
      wrongShape,
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant(null);
    const fields = Object.values(type.getFields());
    return oddly(
      fc.record(Object.fromEntries(fields.map((f) => [f.name, arbitraryFor(f.type, f.name, type.name, wellTyped, depth + 1)]))),
      // An unknown field, or the wrong shape: the schema must refuse them.
      fc.oneof(fc.constant({ unknownField: "x" }), wrongShape),
    );
  }
  if (isEnumType(type)) {
    return oddly(fc.constantFrom(...type.getValues().map((v) => v.name)), fc.constantFrom("UNKNOWN", "", "0", "__proto__"));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "String":
        return hostileString(name);
      case "Int":
        return oddly(extremeInt, fc.constantFrom(2 ** 31, -(2 ** 53), 1.5, "1"));
      case "Float":
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308));
      case "Boolean":
        return oddly(fc.boolean(), fc.constantFrom("true", 0));
      case "ID":
        return hostileId(idTypeOf(owner, name));
      case "Date":
        return hostileDate;
      case "DateTime":
        return hostileDateTime;
      default:
        return hostileString(name);
    }
  }
  return wrongShape;
}

/** Five in six cases are well typed (and reach the resolver); the rest carry wrong types somewhere. */
function variablesArbitrary(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, Json>> {
  const of = (wellTyped: boolean) =>
    fc.record(
      Object.fromEntries(field.args.map((a: GraphQLArgument) => [a.name, arbitraryFor(a.type, a.name, `${field.name}Args`, wellTyped)])),
    );
  return fc.oneof({ weight: 5, arbitrary: of(true) }, { weight: 1, arbitrary: of(false) });
}

function documentFor(field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const returned = getNamedType(field.type);
  const selection = isUnionType(returned) ? "{ __typename ... on Refusal { code field message { nl en } } }" : "";
  return `mutation Fuzz${defs ? `(${defs})` : ""} { ${field.name}${args ? `(${args})` : ""} ${selection} }`;
}

// ---------------------------------------------------------------------------
// Sending and judging one case
// ---------------------------------------------------------------------------

interface Answer {
  status: number;
  text: string;
  json: {
    data?: Record<string, { __typename?: string } | null> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

async function send(client: TestClient, document: string, variables: Record<string, Json>): Promise<Answer> {
  const res = await fetch(`${api().url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(client.sessionCookie ? { cookie: client.sessionCookie } : {}) },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await res.text();
  let json: Answer["json"] = {};
  try {
    json = JSON.parse(text) as Answer["json"];
  } catch {}
  return { status: res.status, text, json };
}

/** What is wrong with an answer, or null; and whether it changed something (a Success). */
function judge(field: string, a: Answer): { problem: string | null; success: boolean } {
  const bad = (problem: string) => ({ problem: `${problem}: ${a.status} ${a.text.slice(0, 400)}`, success: false });
  if (a.status >= 500) return bad("a server error");
  if (INTERNALS.test(a.text)) return bad("internals in the answer");
  const errors = a.json.errors ?? [];
  for (const e of errors) {
    const code = String(e.extensions?.code ?? "");
    if (!CLIENT_ERROR_CODES.includes(code)) return bad(`error code ${code || "(none)"}`);
    if (Object.keys(e.extensions ?? {}).some((k) => k !== "code")) return bad("error extensions beyond the code");
  }
  if (errors.length > 0) return { problem: null, success: false };
  const value = a.json.data?.[field];
  if (value === undefined || value === null) return bad("neither a result nor an error");
  if (typeof value === "object") {
    const typename = value.__typename ?? "";
    if (typename === "Refusal") return { problem: null, success: false };
    if (typename.endsWith("Success")) return { problem: null, success: true };
    return bad(`an answer of type ${typename}`);
  }
  return { problem: null, success: true };
}

describe("fuzzing every mutation with hostile input", () => {
  it("covers every mutation of the schema", () => {
    const uncovered = mutations
      .filter((m) => !(m.name in NOT_FUZZED))
      .filter((m) => !FUZZERS.some((a) => allowedActors(expectations, `Mutation.${m.name}`).includes(a)))
      .map((m) => m.name);
    expect(uncovered, "mutations nobody in FUZZERS may call").toEqual([]);
  });

  for (const field of mutations) {
    if (field.name in NOT_FUZZED) continue;
    // A login that succeeded would replace the fuzzer's own session: logins are fuzzed anonymously.
    const actor =
      field.name === "login" ? "anonymous" : FUZZERS.find((a) => allowedActors(expectations, `Mutation.${field.name}`).includes(a));
    it(`${field.name} (as ${actor})`, async () => {
      const client = clients[actor ?? "anonymous"] as TestClient;
      const document = documentFor(field);
      let before = await contentFingerprint(db());
      const details = await fc.check(
        fc.asyncProperty(variablesArbitrary(field), fc.integer({ min: 0, max: 4 }), async (variables, twice) => {
          // One in five cases is submitted twice at the same moment (a double click).
          const answers =
            twice === 0
              ? await Promise.all([send(client, document, variables), send(client, document, variables)])
              : [await send(client, document, variables)];
          casesRun += answers.length;
          if (process.env.FUZZ_DEBUG)
            for (const a of answers)
              console.log("DBG", a.status, (a.json.errors?.[0]?.message ?? "").replace(/got invalid value .*?;/, "…").slice(0, 160));
          const verdicts = answers.map((a) => judge(field.name, a));
          for (const v of verdicts) if (v.problem) throw new Error(v.problem);
          typedAnswers += answers.filter((a) => !a.json.errors?.length).length;
          successes += verdicts.filter((v) => v.success).length;
          clientErrors += answers.filter((a) => a.json.errors?.length || a.status === 413).length;
          const after = await contentFingerprint(db());
          if (!verdicts.some((v) => v.success) && after !== before) {
            throw new Error(`refused, yet changed: ${fingerprintDiff(before, after).join(", ")}`);
          }
          before = after;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (details.failed) {
        // The counterexample may hold 100 000-character strings: report it cut short.
        const example = JSON.stringify(details.counterexample, (_k, v) =>
          typeof v === "string" && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
        );
        throw new Error(
          `${String(details.errorInstance)}\n  input: ${example.slice(0, 3000)}\n  replay: FUZZ_SEED=${details.seed} (path ${details.counterexamplePath})`,
        );
      }
    }, 120_000);
  }
});
