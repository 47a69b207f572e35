// Volunteers, matching, visits and group meetings: coordinators of the record's own location only.
import { coordinatorAOnly, type Expectations, type Fixtures, only } from "../matrix.ts";

const coordinators = () => only(["coordinatorA", "coordinatorB"]);
const TODAY = () => new Date().toISOString().slice(0, 10);

async function volunteerOfA(f: Fixtures) {
  return f.prisma.volunteer.findFirstOrThrow({ where: { locationId: { in: f.locationIds.A } }, orderBy: { id: "asc" } });
}

async function openMatchOfA(f: Fixtures) {
  return f.prisma.match.findFirstOrThrow({
    where: { endOn: null, family: { locationId: { in: f.locationIds.A }, status: "ACTIVE" } },
    orderBy: { id: "asc" },
    include: { family: { select: { version: true } } },
  });
}

async function visitOfA(f: Fixtures) {
  return f.prisma.visit.findFirstOrThrow({ where: { match: { family: { locationId: { in: f.locationIds.A } } } }, orderBy: { id: "asc" } });
}

/** A meeting of A's location held in the past, with one family of that location attending. */
async function meetingWithAttendanceOfA(f: Fixtures) {
  const locationId = f.locationIds.A[0] ?? "";
  const meeting =
    (await f.prisma.groupMeeting.findFirst({ where: { locationId, title: "Matrix-bijeenkomst" } })) ??
    (await f.prisma.groupMeeting.create({ data: { locationId, title: "Matrix-bijeenkomst", heldOn: new Date("2026-01-15T00:00:00Z") } }));
  const family = await f.prisma.family.findFirstOrThrow({ where: { locationId }, orderBy: { id: "asc" } });
  await f.prisma.groupMeetingAttendance.upsert({
    where: { meetingId_familyId: { meetingId: meeting.id, familyId: family.id } },
    create: { meetingId: meeting.id, familyId: family.id },
    update: {},
  });
  return { meetingId: f.gid("GroupMeeting", meeting.id), familyId: f.gid("Family", family.id) };
}

const REFUSABLE = "__typename ... on Refusal { code }";

export const expectations: Expectations = {
  "Query.volunteers": { document: "{ volunteers(first: 5) { edges { node { id } } } }", expect: coordinators() },
  "Query.volunteer": {
    document: "query ($id: ID!) { volunteer(id: $id) { id readiness { ready } } }",
    variables: async (f) => ({ id: f.gid("Volunteer", (await volunteerOfA(f)).id) }),
    expect: coordinatorAOnly(),
  },
  "Mutation.createVolunteer": {
    document: `mutation ($input: CreateVolunteerInput!) { createVolunteer(input: $input) { ${REFUSABLE} } }`,
    variables: (f) => ({
      input: { locationId: f.gid("Location", f.locationIds.A[0] ?? ""), details: { firstName: "Matrix", lastName: "Vrijwilliger" } },
    }),
    expect: coordinatorAOnly(),
  },
  "Mutation.updateVolunteer": {
    document: `mutation ($input: UpdateVolunteerInput!) { updateVolunteer(input: $input) { ${REFUSABLE} } }`,
    variables: async (f) => {
      const v = await volunteerOfA(f);
      return {
        input: {
          id: f.gid("Volunteer", v.id),
          version: v.version,
          details: { firstName: v.firstName, lastName: v.lastName, status: v.status },
        },
      };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.recordSupervisionMeeting": {
    document: `mutation ($input: RecordSupervisionMeetingInput!) { recordSupervisionMeeting(input: $input) { ${REFUSABLE} } }`,
    variables: async (f) => ({ input: { volunteerId: f.gid("Volunteer", (await volunteerOfA(f)).id), heldOn: "2026-01-10" } }),
    expect: coordinatorAOnly(),
  },
  "Mutation.matchFamily": {
    document: `mutation ($input: MatchFamilyInput!) { matchFamily(input: $input) { ${REFUSABLE} } }`,
    variables: async (f) => {
      const family = await f.prisma.family.findFirstOrThrow({
        where: { locationId: { in: f.locationIds.A }, status: "WAITING_FOR_MATCH" },
        orderBy: { id: "asc" },
      });
      const v = await volunteerOfA(f);
      return {
        input: { familyId: f.gid("Family", family.id), volunteerId: f.gid("Volunteer", v.id), startOn: TODAY(), version: family.version },
      };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.endMatch": {
    document: `mutation ($input: EndMatchInput!) { endMatch(input: $input) { ${REFUSABLE} } }`,
    variables: async (f) => {
      const m = await openMatchOfA(f);
      return { input: { matchId: f.gid("Match", m.id), endOn: TODAY(), endReason: "Vrijwilliger verhuist", version: m.family.version } };
    },
    expect: coordinatorAOnly(),
  },
  "Query.weekMatches": { document: "{ weekMatches { id lastVisitOn visitCountInWeek } }", expect: coordinators() },
  "Mutation.logVisit": {
    document: `mutation ($input: LogVisitInput!) { logVisit(input: $input) { ${REFUSABLE} } }`,
    variables: async (f) => ({ input: { matchId: f.gid("Match", (await openMatchOfA(f)).id), visitedOn: TODAY(), hours: 1.5 } }),
    expect: coordinatorAOnly(),
  },
  "Mutation.correctVisit": {
    document: `mutation ($input: CorrectVisitInput!) { correctVisit(input: $input) { ${REFUSABLE} } }`,
    variables: async (f) => {
      const v = await visitOfA(f);
      return { input: { id: f.gid("Visit", v.id), visitedOn: v.visitedOn.toISOString().slice(0, 10), minutes: v.minutes } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.deleteVisit": {
    document: `mutation ($input: DeleteVisitInput!) { deleteVisit(input: $input) { ${REFUSABLE} } }`,
    variables: async (f) => ({ input: { id: f.gid("Visit", (await visitOfA(f)).id) } }),
    expect: coordinatorAOnly(),
  },
  "Query.groupMeetings": { document: "{ groupMeetings(first: 5) { edges { node { id } } } }", expect: coordinators() },
  "Mutation.createGroupMeeting": {
    document: `mutation ($input: CreateGroupMeetingInput!) { createGroupMeeting(input: $input) { ${REFUSABLE} } }`,
    variables: (f) => ({
      input: { locationId: f.gid("Location", f.locationIds.A[0] ?? ""), title: "Koffieochtend", heldOn: "2026-12-10" },
    }),
    expect: coordinatorAOnly(),
  },
  "Mutation.recordAttendance": {
    document: `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { ${REFUSABLE} } }`,
    variables: async (f) => ({ input: { ...(await meetingWithAttendanceOfA(f)), parentCount: 2, childCount: 1 } }),
    expect: coordinatorAOnly(),
  },
  "Mutation.removeAttendance": {
    document: `mutation ($input: RemoveAttendanceInput!) { removeAttendance(input: $input) { ${REFUSABLE} } }`,
    variables: async (f) => ({ input: await meetingWithAttendanceOfA(f) }),
    expect: coordinatorAOnly(),
  },
};
