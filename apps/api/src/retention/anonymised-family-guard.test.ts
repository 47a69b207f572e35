// Retention (item 9): once a family is anonymised, nothing may write new personal data into it or
// act on it: every mutation on the family or its records answers a Refusal FAMILY_ANONYMISED and
// the database stays exactly as it was (no row, no audit entry, no e-mail). A family not
// anonymised, closed just as long ago but within the period, still takes the same changes.
// Guard: apps/api/src/schema/family-guard.ts (packages/domain checkNotAnonymised).
import { retentionDue } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { isoDate } from "../mappers.ts";
import type { TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, SEED_TODAY, useSeededApi } from "../testing/seeded-api.ts";
import { anonymiseClosedFamilies } from "./anonymise-closed-families.ts";

const { db, loggedIn } = useSeededApi();

const RETENTION_MONTHS = 12;
const byId = { orderBy: { id: "asc" as const } };

/** Everything stored about one family (as the retention test reads it). */
function familyRecord(id: string) {
  return db().prisma.family.findUniqueOrThrow({
    where: { id },
    include: {
      parents: byId,
      children: byId,
      supportQuestions: byId,
      evaluations: byId,
      closure: true,
      matches: { ...byId, include: { visits: byId } },
      consents: byId,
      referral: { include: { referrer: true } },
      referrerNotifications: byId,
      groupAttendances: { orderBy: { meetingId: "asc" } },
    },
  });
}
type FamilyRecord = Awaited<ReturnType<typeof familyRecord>>;

/** The family's record, and everything a refused change might have added elsewhere. */
async function state(id: string) {
  const family = await familyRecord(id);
  return {
    family,
    audit: await db().prisma.auditEntry.count(),
    outbox: await db().prisma.outboxEmail.count(),
    visits: await db().prisma.visit.count(),
    matches: await db().prisma.match.count(),
    attendances: await db().prisma.groupMeetingAttendance.count(),
  };
}

type Payload = { __typename: string; code?: string; field?: string | null };

async function run(client: TestClient, name: string, inputType: string, input: Record<string, unknown>): Promise<Payload> {
  const res = await client.request<Record<string, Payload>>(
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { __typename ... on Refusal { code field } } }`,
    { input },
  );
  expect(res.errors, name).toBeUndefined();
  return res.data?.[name] as Payload;
}

const gid = encodeGlobalID;
const daysBefore = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** One change per mutation on a family or its records, for the family given. */
type Change = { name: string; inputType: string; input: (f: FamilyRecord) => Record<string, unknown> };

const firstVisit = (f: FamilyRecord) => f.matches.flatMap((m) => m.visits)[0]!;

/** Changes that a CLOSED family not yet anonymised takes (the control proves it). */
const ALLOWED_WHEN_CLOSED: Change[] = [
  {
    name: "updateFamily",
    inputType: "UpdateFamilyInput",
    input: (f) => ({
      familyId: gid("Family", f.id),
      version: f.version,
      note: "Nieuw adres doorgegeven.",
      address: "Dorpsstraat 1",
      parents: [{ id: f.parents[0]!.id, firstName: "Nieuwe", lastName: "Naam", phone: "0612345678" }],
    }),
  },
  {
    name: "addChild",
    inputType: "AddChildInput",
    input: (f) => ({ familyId: gid("Family", f.id), version: f.version, firstName: "Noor", bornOn: daysBefore(SEED_TODAY, 30) }),
  },
  {
    name: "addSupportQuestion",
    inputType: "AddSupportQuestionInput",
    input: (f) => ({ familyId: gid("Family", f.id), question: "Hulp bij de opvoeding", goal: "Meer rust" }),
  },
  {
    name: "updateSupportQuestion",
    inputType: "UpdateSupportQuestionInput",
    input: (f) => ({ familyId: gid("Family", f.id), supportQuestionId: f.supportQuestions[0]!.id, goal: "Een nieuw doel" }),
  },
  {
    name: "grantConsent",
    inputType: "ConsentChangeInput",
    input: (f) => ({ familyId: gid("Family", f.id), type: "SHARE_DETAILS_WITH_REFERRER", note: "Telefonisch gegeven" }),
  },
  {
    name: "correctVisit",
    inputType: "CorrectVisitInput",
    input: (f) => ({ id: gid("Visit", firstVisit(f).id), visitedOn: isoDate(firstVisit(f).visitedOn), minutes: 90, note: "Gecorrigeerd" }),
  },
  {
    name: "retryReferrerNotice",
    inputType: "RetryReferrerNoticeInput",
    input: (f) => ({ noticeId: gid("ReferrerNotice", f.referrerNotifications.find((n) => n.status === "CANCELLED")!.id) }),
  },
  {
    name: "deleteVisit",
    inputType: "DeleteVisitInput",
    input: (f) => ({ id: gid("Visit", firstVisit(f).id) }),
  },
];

/** The other changes (a CLOSED family's own rules refuse several of them too): for an anonymised one, FAMILY_ANONYMISED first. */
const OTHER_CHANGES: Change[] = [
  {
    name: "updateChild",
    inputType: "UpdateChildInput",
    input: (f) => ({ familyId: gid("Family", f.id), version: f.version, childId: f.children[0]!.id, firstName: "Sam" }),
  },
  {
    name: "withdrawConsent",
    inputType: "ConsentChangeInput",
    input: (f) => ({ familyId: gid("Family", f.id), type: "PROCESSING" }),
  },
  {
    name: "recordCallBack",
    inputType: "RecordCallBackInput",
    input: (f) => ({ familyId: gid("Family", f.id), version: f.version }),
  },
  {
    name: "recordEvaluation",
    inputType: "RecordEvaluationInput",
    input: (f) => ({ familyId: gid("Family", f.id), kind: "FINAL", heldOn: SEED_TODAY, summary: "Het gaat goed.", network: 4 }),
  },
  {
    name: "startIntake",
    inputType: "StartIntakeInput",
    input: (f) => ({ familyId: gid("Family", f.id), version: f.version }),
  },
  {
    name: "completeIntake",
    inputType: "FamilyStatusMoveInput",
    input: (f) => ({ familyId: gid("Family", f.id), version: f.version, note: "Weer aangemeld" }),
  },
  {
    name: "declineFamily",
    inputType: "FamilyStatusMoveInput",
    input: (f) => ({ familyId: gid("Family", f.id), version: f.version, note: "Geen hulp meer nodig" }),
  },
  {
    name: "markNotEligible",
    inputType: "FamilyStatusMoveInput",
    input: (f) => ({ familyId: gid("Family", f.id), version: f.version }),
  },
  {
    name: "closeFamily",
    inputType: "CloseFamilyInput",
    input: (f) => ({
      familyId: gid("Family", f.id),
      version: f.version,
      closedOn: SEED_TODAY,
      reason: "OTHER",
      goalsReached: "PARTLY",
      note: "Opnieuw afgesloten",
    }),
  },
  {
    name: "endMatch",
    inputType: "EndMatchInput",
    input: (f) => ({ matchId: gid("Match", f.matches[0]!.id), endOn: SEED_TODAY, endReason: "Verhuisd", version: f.version }),
  },
  {
    name: "logVisit",
    inputType: "LogVisitInput",
    input: (f) => ({ matchId: gid("Match", f.matches[0]!.id), visitedOn: isoDate(f.matches[0]!.startOn), hours: 2, note: "Bezoek" }),
  },
];

let coordinator: TestClient;
let anonymised: FamilyRecord;
let control: FamilyRecord;
let volunteerId: string;
let meetingId: string | null;

beforeAll(async () => {
  const prisma = db().prisma;
  const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.coordinator }, include: { locationScopes: true } });
  const own = user.locationScopes.map((s) => s.locationId);
  const closed = await prisma.family.findMany({
    where: { status: "CLOSED", locationId: { in: own }, closure: { isNot: null } },
    select: { id: true },
    ...byId,
  });
  const records = await Promise.all(closed.map((f) => familyRecord(f.id)));
  const due = (f: FamilyRecord) =>
    retentionDue(
      { id: f.id, status: f.status, closedOn: isoDate(f.closure!.closedOn), endedOn: null, anonymised: false },
      { today: SEED_TODAY, retentionMonths: RETENTION_MONTHS },
    ).due;
  // A family with something of every kind to change: parents, children, a question, visits, a notice.
  const rich = (f: FamilyRecord) =>
    f.parents.length > 0 &&
    f.children.length > 0 &&
    f.supportQuestions.length > 0 &&
    f.matches.some((m) => m.visits.length > 0) &&
    f.referrerNotifications.length > 0;
  const target = records.find((f) => due(f) && rich(f));
  const other = records.find((f) => !due(f) && rich(f));
  expect(target, "a due family with data of every kind").toBeDefined();
  expect(other, "a closed family not yet due, with data of every kind").toBeDefined();

  // A notice that failed: the run cancels the anonymised family's one; the control's is cancelled by hand.
  for (const f of [target!, other!]) {
    await prisma.referrerNotification.update({
      where: { id: f.referrerNotifications[0]!.id },
      data: { status: "FAILED", attempts: 2, nextAttemptAt: new Date(), lastError: "ECONNREFUSED", sentAt: null },
    });
  }
  await prisma.referrerNotification.update({
    where: { id: other!.referrerNotifications[0]!.id },
    data: { status: "CANCELLED", nextAttemptAt: null, lastError: "NO_CONSENT" },
  });

  const result = await anonymiseClosedFamilies(prisma, { today: SEED_TODAY, retentionMonths: RETENTION_MONTHS });
  expect(result.failed).toBe(0);
  anonymised = await familyRecord(target!.id);
  control = await familyRecord(other!.id);
  expect(anonymised.anonymisedAt).not.toBeNull();
  expect(control.anonymisedAt).toBeNull();
  expect(anonymised.referrerNotifications[0]).toMatchObject({ status: "CANCELLED", lastError: "FAMILY_ANONYMISED" });

  const volunteer = await prisma.volunteer.findFirstOrThrow({ where: { locationId: anonymised.locationId, status: "ACTIVE" }, ...byId });
  volunteerId = volunteer.id;
  const meeting = await prisma.groupMeeting.findFirst({
    where: { locationId: anonymised.locationId, heldOn: { lte: new Date(`${SEED_TODAY}T00:00:00Z`) } },
    ...byId,
  });
  meetingId = meeting?.id ?? null;
  coordinator = await loggedIn(DEMO_EMAIL.coordinator);
}, 300_000);

/** Every change that concerns a family (each input is built from the family as read just before). */
function allChanges(): Change[] {
  return [
    ...ALLOWED_WHEN_CLOSED,
    ...OTHER_CHANGES,
    {
      name: "matchFamily",
      inputType: "MatchFamilyInput",
      input: (f) => ({
        familyId: gid("Family", f.id),
        volunteerId: gid("Volunteer", volunteerId),
        startOn: SEED_TODAY,
        version: f.version,
      }),
    },
    ...(meetingId
      ? [
          {
            name: "recordAttendance",
            inputType: "RecordAttendanceInput",
            input: (f: FamilyRecord) => ({
              meetingId: gid("GroupMeeting", meetingId!),
              familyId: gid("Family", f.id),
              parentCount: 1,
              childCount: 1,
            }),
          },
          {
            name: "removeAttendance",
            inputType: "RemoveAttendanceInput",
            input: (f: FamilyRecord) => ({ meetingId: gid("GroupMeeting", meetingId!), familyId: gid("Family", f.id) }),
          },
        ]
      : []),
  ];
}

describe("an anonymised family: every change is refused with FAMILY_ANONYMISED, nothing is written", () => {
  it("each mutation on the family or its records answers the typed refusal and leaves the database unchanged", async () => {
    const changes = allChanges();
    expect(changes.length).toBeGreaterThanOrEqual(20);
    for (const change of changes) {
      const before = await state(anonymised.id);
      const answer = await run(coordinator, change.name, change.inputType, change.input(before.family));
      // Soft: one run names every mutation that lets a change through.
      expect.soft(answer, change.name).toMatchObject({ __typename: "Refusal", code: "FAMILY_ANONYMISED" });
      expect.soft(await state(anonymised.id), change.name).toEqual(before);
    }
  });

  it("the refusal explains itself in Dutch and English", async () => {
    const res = await coordinator.request<{ updateFamily: { __typename: string; code: string; message: { nl: string; en: string } } }>(
      `mutation ($input: UpdateFamilyInput!) { updateFamily(input: $input) { __typename ... on Refusal { code message { nl en } } } }`,
      { input: { familyId: gid("Family", anonymised.id), version: anonymised.version, note: "x" } },
    );
    expect(res.data?.updateFamily).toMatchObject({ __typename: "Refusal", code: "FAMILY_ANONYMISED" });
    expect(res.data?.updateFamily.message.nl).toContain("geanonimiseerd");
    expect(res.data?.updateFamily.message.en).toContain("anonymised");
  });

  it("another location's coordinator is told NOT_FOUND, not that the family exists", async () => {
    const other = await loggedIn(DEMO_EMAIL.coordinator2);
    const scopes = await db().prisma.user.findUniqueOrThrow({
      where: { email: DEMO_EMAIL.coordinator2 },
      include: { locationScopes: true },
    });
    expect(scopes.locationScopes.map((s) => s.locationId)).not.toContain(anonymised.locationId);
    const before = await state(anonymised.id);
    const answer = await run(other, "updateFamily", "UpdateFamilyInput", {
      familyId: gid("Family", anonymised.id),
      version: before.family.version,
      note: "x",
    });
    expect(answer).toMatchObject({ __typename: "Refusal", code: "NOT_FOUND" });
    expect(await state(anonymised.id)).toEqual(before);
  });

  it("reading it stays allowed: the family page and the data export", async () => {
    const id = gid("Family", anonymised.id);
    const page = await coordinator.request<{ family: { anonymisedAt: string | null } }>(
      `query ($id: ID!) { family(id: $id) { anonymisedAt parents { firstName } } }`,
      { id },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data?.family.anonymisedAt).not.toBeNull();
    const exported = await coordinator.request(`query ($id: ID!) { exportFamilyData(familyId: $id) }`, { id });
    expect(exported.errors).toBeUndefined();
  });
});

describe("a family not anonymised (closed, within the retention period) still takes the same changes", () => {
  it("each change allowed for a closed family succeeds", async () => {
    for (const change of ALLOWED_WHEN_CLOSED) {
      const current = await familyRecord(control.id);
      const answer = await run(coordinator, change.name, change.inputType, change.input(current));
      expect(answer, `${change.name}: ${JSON.stringify(answer)}`).toMatchObject({ __typename: expect.stringMatching(/Success$/) });
    }
    const after = await familyRecord(control.id);
    expect(after.anonymisedAt).toBeNull();
    expect(after.children).toHaveLength(control.children.length + 1);
    expect(after.address).toBe("Dorpsstraat 1");
  });
});
