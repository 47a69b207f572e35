import { addDays } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { todayInNetherlands } from "../mappers.ts";
import { DEMO_EMAIL, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, loggedIn } = useSeededApi();
const prisma = () => getDb().prisma;
const dbId = (gid: string) => Buffer.from(gid, "base64").toString().split(":")[1] ?? "";

async function locationsOf(email: string): Promise<string[]> {
  const user = await prisma().user.findUniqueOrThrow({ where: { email }, include: { locationScopes: true } });
  return user.locationScopes.map((s) => s.locationId);
}

type Result = Record<
  string,
  { __typename: string; code?: string; field?: string; reasons?: Array<{ code: string }> } & Record<string, unknown>
>;

/** The success payload of a refusable mutation (fails the test with the refusal otherwise). */
function success<T>(res: { data?: Result }, field: string): T {
  const value = res.data?.[field];
  if (!value || value.__typename === "Refusal") throw new Error(`${field}: ${JSON.stringify(value)}`);
  return value as unknown as T;
}

const WEEK = `query ($weekOf: Date) { weekMatches(weekOf: $weekOf) { id startOn lastVisitOn visitCountInWeek(weekOf: $weekOf)
  family { id status } volunteer { id } } }`;
type WeekMatch = {
  id: string;
  startOn: string;
  lastVisitOn: string | null;
  visitCountInWeek: number;
  family: { id: string; status: string };
};

const LOG = `mutation ($input: LogVisitInput!) { logVisit(input: $input) { __typename
  ... on LogVisitSuccess { visit { id visitedOn minutes hours note } } ... on Refusal { code field reasons { code } } } }`;
const CORRECT = `mutation ($input: CorrectVisitInput!) { correctVisit(input: $input) { __typename
  ... on CorrectVisitSuccess { visit { id visitedOn minutes } } ... on Refusal { code field reasons { code } } } }`;
const DELETE = `mutation ($input: DeleteVisitInput!) { deleteVisit(input: $input) { __typename
  ... on DeleteVisitSuccess { deletedVisitId } ... on Refusal { code field } } }`;

describe("visits", () => {
  it("lists the week's matches, logs a visit in hours, and refuses a second one that day", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const today = todayInNetherlands();
    const week = await a.request<{ weekMatches: WeekMatch[] }>(WEEK, { weekOf: today });
    expect(week.errors).toBeUndefined();
    const matches = week.data?.weekMatches ?? [];
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.family.status === "ACTIVE")).toBe(true);
    const own = new Set(await locationsOf(DEMO_EMAIL.coordinator));
    const families = await prisma().family.findMany({ where: { id: { in: matches.map((m) => dbId(m.family.id)) } } });
    expect(families.every((f) => own.has(f.locationId))).toBe(true);

    const match = matches.find((m) => m.visitCountInWeek === 0) ?? matches[0];
    const matchId = match?.id ?? "";
    const before = match?.visitCountInWeek ?? 0;
    const logged = await a.request<Result>(LOG, { input: { matchId, visitedOn: today, hours: 1.5, note: "Samen naar de markt." } });
    expect(logged.data?.logVisit).toMatchObject({ __typename: "LogVisitSuccess", visit: { visitedOn: today, minutes: 90, hours: 1.5 } });
    const visitId = success<{ visit: { id: string } }>(logged, "logVisit").visit.id;
    const entry = await prisma().auditEntry.findFirstOrThrow({ where: { action: "visit.log" }, orderBy: { id: "desc" } });
    expect(JSON.stringify(entry.detail)).not.toContain("markt");

    const after = (await a.request<{ weekMatches: WeekMatch[] }>(WEEK, { weekOf: today })).data?.weekMatches.find((m) => m.id === matchId);
    expect(after).toMatchObject({ lastVisitOn: today, visitCountInWeek: before + 1 });

    const count = await prisma().visit.count();
    const twice = await a.request<Result>(LOG, { input: { matchId, visitedOn: today, minutes: 60 } });
    expect(twice.data?.logVisit).toMatchObject({ __typename: "Refusal", code: "VISIT_ALREADY_LOGGED", field: "visitedOn" });
    const future = await a.request<Result>(LOG, { input: { matchId, visitedOn: addDays(today, 1), minutes: 60 } });
    expect(future.data?.logVisit?.reasons?.map((r) => r.code)).toContain("VISIT_IN_FUTURE");
    const short = await a.request<Result>(LOG, { input: { matchId, visitedOn: addDays(today, -1), hours: 0.1 } });
    expect(short.data?.logVisit).toMatchObject({ __typename: "Refusal", code: "VISIT_TOO_SHORT", field: "hours" });
    const long = await a.request<Result>(LOG, { input: { matchId, visitedOn: addDays(today, -1), minutes: 600 } });
    expect(long.data?.logVisit).toMatchObject({ __typename: "Refusal", code: "VISIT_TOO_LONG", field: "hours" });
    const early = await a.request<Result>(LOG, { input: { matchId, visitedOn: addDays(match?.startOn ?? today, -1), minutes: 60 } });
    expect(early.data?.logVisit?.reasons?.map((r) => r.code)).toContain("VISIT_BEFORE_MATCH_START");
    for (const input of [
      { matchId, visitedOn: today },
      { matchId, visitedOn: today, hours: 1, minutes: 60 },
    ]) {
      const res = await a.request<Result>(LOG, { input });
      expect(res.data?.logVisit).toMatchObject({ __typename: "Refusal", code: "INVALID_INPUT", field: "hours" });
    }
    expect(await prisma().visit.count()).toBe(count);

    // A double-clicked "log" on another match makes one visit: the match row is locked while checking.
    const otherMatch = matches.find((m) => m.id !== matchId)?.id ?? "";
    const input = { matchId: otherMatch, visitedOn: today, minutes: 120 };
    const both = await Promise.all([a.request<Result>(LOG, { input }), a.request<Result>(LOG, { input })]);
    expect(both.map((r) => r.data?.logVisit?.__typename).sort()).toEqual(["LogVisitSuccess", "Refusal"]);
    expect(await prisma().visit.count({ where: { matchId: dbId(otherMatch), visitedOn: new Date(`${today}T00:00:00Z`) } })).toBe(1);

    // Correct, then delete: both audited, by field names and ids only.
    const corrected = await a.request<Result>(CORRECT, { input: { id: visitId, visitedOn: today, minutes: 120 } });
    expect(corrected.data?.correctVisit).toMatchObject({ visit: { minutes: 120 } });
    const correction = await prisma().auditEntry.findFirstOrThrow({ where: { action: "visit.correct" }, orderBy: { id: "desc" } });
    expect(correction.detail).toMatchObject({ fields: ["minutes", "note"] });
    const deleted = await a.request<Result>(DELETE, { input: { id: visitId } });
    expect(deleted.data?.deleteVisit).toMatchObject({ deletedVisitId: visitId });
    expect(await prisma().visit.count({ where: { id: dbId(visitId) } })).toBe(0);
    expect(await prisma().auditEntry.count({ where: { action: "visit.delete" } })).toBe(1);
  });

  it("answers another location's match or visit as not found; other roles are refused", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const bVisit = await prisma().visit.findFirstOrThrow({
      where: { match: { family: { locationId: { in: await locationsOf(DEMO_EMAIL.coordinator2) } } } },
    });
    const count = await prisma().visit.count();
    const log = await a.request<Result>(LOG, {
      input: { matchId: encodeGlobalID("Match", bVisit.matchId), visitedOn: todayInNetherlands(), minutes: 60 },
    });
    expect(log.data?.logVisit).toMatchObject({ __typename: "Refusal", code: "NOT_FOUND", field: "matchId" });
    const visitId = encodeGlobalID("Visit", bVisit.id);
    const correct = await a.request<Result>(CORRECT, { input: { id: visitId, visitedOn: "2026-01-05", minutes: 60 } });
    expect(correct.data?.correctVisit).toMatchObject({ code: "NOT_FOUND" });
    const del = await a.request<Result>(DELETE, { input: { id: visitId } });
    expect(del.data?.deleteVisit).toMatchObject({ code: "NOT_FOUND" });
    const malformed = await a.request<Result>(DELETE, { input: { id: "bm9wZQ==" } });
    expect(malformed.data?.deleteVisit).toMatchObject({ code: "NOT_FOUND", field: "id" });
    expect(await prisma().visit.count()).toBe(count);
    for (const email of [DEMO_EMAIL.national, DEMO_EMAIL.officer, DEMO_EMAIL.admin]) {
      const res = await (await loggedIn(email)).request(WEEK, {});
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("shows a family's visits newest first and its hours against 105 a year", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const family = await prisma().family.findFirstOrThrow({
      where: {
        locationId: { in: await locationsOf(DEMO_EMAIL.coordinator) },
        status: "ACTIVE",
        matches: { some: { visits: { some: {} } } },
      },
      orderBy: { id: "asc" },
    });
    const res = await a.request<{
      family: {
        visits: { edges: Array<{ node: { visitedOn: string; minutes: number } }>; pageInfo: { hasNextPage: boolean } };
        hours: { totalHours: number; thisYearHours: number; expectedThisYearHours: number; supportDaysThisYear: number };
      };
    }>(
      `query ($id: ID!) { family(id: $id) { visits(first: 10) { edges { node { visitedOn minutes } } pageInfo { hasNextPage } }
        hours { totalHours thisYearHours expectedThisYearHours supportDaysThisYear } } }`,
      { id: encodeGlobalID("Family", family.id) },
    );
    expect(res.errors).toBeUndefined();
    const dates = res.data?.family.visits.edges.map((e) => e.node.visitedOn) ?? [];
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual([...dates].sort().reverse());
    const visits = await prisma().visit.findMany({ where: { match: { familyId: family.id } } });
    const hours = res.data?.family.hours;
    expect(hours?.totalHours).toBeCloseTo(visits.reduce((s, v) => s + v.minutes, 0) / 60, 5);
    expect(hours?.expectedThisYearHours).toBeCloseTo((105 * (hours?.supportDaysThisYear ?? 0)) / 365, 0);
  });
});

const MEETINGS = `query ($from: Date, $until: Date) { groupMeetings(first: 20, from: $from, until: $until) {
  edges { node { id title heldOn familyCount attendances { parentCount childCount family { id } } } } } }`;
const CREATE_MEETING = `mutation ($input: CreateGroupMeetingInput!) { createGroupMeeting(input: $input) { __typename
  ... on CreateGroupMeetingSuccess { meeting { id title heldOn } } ... on Refusal { code field } } }`;
const ATTEND = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { __typename
  ... on RecordAttendanceSuccess { meeting { id familyCount attendances { parentCount childCount family { id } } } } ... on Refusal { code field reasons { code } } } }`;
const REMOVE = `mutation ($input: RemoveAttendanceInput!) { removeAttendance(input: $input) { __typename
  ... on RemoveAttendanceSuccess { meeting { id familyCount } } ... on Refusal { code field } } }`;

describe("group meetings", () => {
  it("creates a meeting, records attendance (upsert) and removes it; another location's family is not found", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const created = await a.request<Result>(CREATE_MEETING, { input: { title: "Koffieochtend", heldOn: "2026-11-18", topic: "Slapen" } });
    expect(created.data?.createGroupMeeting).toMatchObject({ meeting: { title: "Koffieochtend", heldOn: "2026-11-18" } });
    const meetingId = success<{ meeting: { id: string } }>(created, "createGroupMeeting").meeting.id;
    const bad = await a.request<Result>(CREATE_MEETING, { input: { title: "", heldOn: "2026-11-18" } });
    expect(bad.data?.createGroupMeeting).toMatchObject({ __typename: "Refusal", field: "title" });

    const [aLocation] = await locationsOf(DEMO_EMAIL.coordinator);
    const family = await prisma().family.findFirstOrThrow({ where: { locationId: aLocation }, orderBy: { id: "asc" } });
    const familyId = encodeGlobalID("Family", family.id);
    const first = await a.request<Result>(ATTEND, { input: { meetingId, familyId, parentCount: 1, childCount: 2 } });
    expect(first.data?.recordAttendance).toMatchObject({ meeting: { familyCount: 1, attendances: [{ parentCount: 1, childCount: 2 }] } });
    const again = await a.request<Result>(ATTEND, { input: { meetingId, familyId, parentCount: 2, childCount: 1 } });
    expect(again.data?.recordAttendance).toMatchObject({
      meeting: { familyCount: 1, attendances: [{ parentCount: 2, childCount: 1, family: { id: familyId } }] },
    });
    const none = await a.request<Result>(ATTEND, { input: { meetingId, familyId, parentCount: 0, childCount: 1 } });
    expect(none.data?.recordAttendance).toMatchObject({ code: "ATTENDANCE_WITHOUT_PARENT", field: "parentCount" });
    const tooMany = await a.request<Result>(ATTEND, { input: { meetingId, familyId, parentCount: 1, childCount: 99 } });
    expect(tooMany.data?.recordAttendance).toMatchObject({ code: "INVALID_INPUT", field: "childCount" });

    const bFamily = await prisma().family.findFirstOrThrow({ where: { locationId: { in: await locationsOf(DEMO_EMAIL.coordinator2) } } });
    const other = await a.request<Result>(ATTEND, {
      input: { meetingId, familyId: encodeGlobalID("Family", bFamily.id), parentCount: 1, childCount: 0 },
    });
    expect(other.data?.recordAttendance).toMatchObject({ code: "NOT_FOUND", field: "familyId" });

    const planned = await a.request<Result>(CREATE_MEETING, { input: { title: "Later", heldOn: addDays(todayInNetherlands(), 30) } });
    const plannedId = success<{ meeting: { id: string } }>(planned, "createGroupMeeting").meeting.id;
    const early = await a.request<Result>(ATTEND, { input: { meetingId: plannedId, familyId, parentCount: 1, childCount: 0 } });
    expect(early.data?.recordAttendance).toMatchObject({ code: "MEETING_NOT_HELD_YET" });

    const list = await a.request<{ groupMeetings: { edges: Array<{ node: { id: string; heldOn: string } }> } }>(MEETINGS, {
      from: "2026-11-01",
      until: "2026-11-30",
    });
    expect(list.errors).toBeUndefined();
    const ids = list.data?.groupMeetings.edges.map((e) => e.node.id) ?? [];
    expect(ids).toContain(meetingId);
    expect(list.data?.groupMeetings.edges.every((e) => e.node.heldOn >= "2026-11-01" && e.node.heldOn <= "2026-11-30")).toBe(true);

    const b = await loggedIn(DEMO_EMAIL.coordinator2);
    const asB = await b.request<{ groupMeetings: { edges: Array<{ node: { id: string } }> } }>(MEETINGS, {});
    expect(asB.data?.groupMeetings.edges.map((e) => e.node.id)).not.toContain(meetingId);
    const removeAsB = await b.request<Result>(REMOVE, { input: { meetingId, familyId } });
    expect(removeAsB.data?.removeAttendance).toMatchObject({ code: "NOT_FOUND", field: "meetingId" });

    const removed = await a.request<Result>(REMOVE, { input: { meetingId, familyId } });
    expect(removed.data?.removeAttendance).toMatchObject({ meeting: { familyCount: 0 } });
    const entries = await prisma().auditEntry.findMany({ where: { entityType: "GroupMeeting", entityId: dbId(meetingId) } });
    expect(entries.map((e) => e.action).sort()).toEqual([
      "groupMeeting.attendance",
      "groupMeeting.attendance",
      "groupMeeting.create",
      "groupMeeting.removeAttendance",
    ]);
  });
});
