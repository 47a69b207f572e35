// Group meetings for parents (seed 002: many locations also run group meetings). Coordinators of
// the meeting's location only; a family of another location is not found. Attendance rule in
// packages/domain (checkAttendance).
import { checkAttendance } from "@homestart/domain";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { dbDate, isoDate, todayInNetherlands } from "../mappers.ts";
import { notFound, type Tx, writeAudited } from "../mutations.ts";
import { intInRange, LIMITS, optionalText, plausibleDate, requiredText, requireId } from "../validate.ts";
import { FamilyRef, familyLocationScope } from "./families.ts";
import { lockFamilyForChange } from "./family-guard.ts";
import { LocationRef } from "./locations.ts";
import { refusable } from "./mutation-result.ts";

const MEETING_NOT_FOUND = { nl: "Bijeenkomst niet gevonden.", en: "Meeting not found." };
const FAMILY_NOT_FOUND = { nl: "Gezin niet gevonden.", en: "Family not found." };
const scope = (ctx: Context) => familyLocationScope(ctx);

export const GroupMeetingRef = builder.prismaNode("GroupMeeting", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id, locationId: { in: scope(ctx) } }),
  authScopes: (meeting, ctx) => scope(ctx).includes(meeting.locationId),
  description: "A group meeting for parents at a location.",
  fields: (t) => ({
    title: t.exposeString("title"),
    heldOn: t.expose("heldOn", { type: "Date" }),
    topic: t.exposeString("topic", { nullable: true }),
    location: t.relation("location", { type: LocationRef }),
    attendances: t.relation("attendances", { query: { orderBy: { familyId: "asc" } } }),
    familyCount: t.relationCount("attendances"),
  }),
});

builder.prismaObject("GroupMeetingAttendance", {
  authScopes: { coordinator: true },
  fields: (t) => ({
    family: t.relation("family", { type: FamilyRef }),
    parentCount: t.exposeInt("parentCount"),
    childCount: t.exposeInt("childCount"),
  }),
});

builder.queryField("groupMeetings", (t) =>
  t.prismaConnection({
    type: GroupMeetingRef,
    cursor: "id",
    authScopes: { coordinator: true },
    description: "Group meetings of the coordinator's location(s), newest first, optionally from/until a date.",
    args: { from: t.arg({ type: "Date", required: false }), until: t.arg({ type: "Date", required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.groupMeeting.findMany({
        ...query,
        where: {
          locationId: { in: scope(ctx) },
          ...(args.from || args.until
            ? { heldOn: { ...(args.from ? { gte: dbDate(args.from) } : {}), ...(args.until ? { lte: dbDate(args.until) } : {}) } }
            : {}),
        },
        orderBy: [{ heldOn: "desc" }, { id: "asc" }],
      }),
  }),
);

const CreateGroupMeetingInput = builder.inputType("CreateGroupMeetingInput", {
  fields: (t) => ({
    locationId: t.id({ required: false, description: "Needed only when the coordinator works for more than one location." }),
    title: t.string(),
    heldOn: t.field({ type: "Date" }),
    topic: t.string({ required: false }),
  }),
});

const RecordAttendanceInput = builder.inputType("RecordAttendanceInput", {
  fields: (t) => ({
    meetingId: t.id(),
    familyId: t.id(),
    parentCount: t.int(),
    childCount: t.int(),
  }),
});

const RemoveAttendanceInput = builder.inputType("RemoveAttendanceInput", {
  fields: (t) => ({ meetingId: t.id(), familyId: t.id() }),
});

function meetingLocation(ctx: Context, given: string | number | null | undefined): string {
  const locationIds = scope(ctx);
  if (given !== null && given !== undefined) {
    const id = requireId("locationId", given, "Location");
    if (!locationIds.includes(id)) throw notFound({ nl: "Locatie niet gevonden.", en: "Location not found." }, "locationId");
    return id;
  }
  if (locationIds.length !== 1 || !locationIds[0]) {
    throw invalidInput("locationId", "Kies de locatie van de bijeenkomst.", "Choose the meeting's location.");
  }
  return locationIds[0];
}

builder.mutationField("createGroupMeeting", (t) =>
  t.field({
    type: GroupMeetingRef,
    authScopes: { coordinator: true },
    description: "Plans or records a group meeting at the coordinator's location.",
    args: { input: t.arg({ type: CreateGroupMeetingInput }) },
    errors: refusable("CreateGroupMeeting", "meeting"),
    resolve: async (_root, { input }, ctx) => {
      const locationId = meetingLocation(ctx, input.locationId);
      const title = requiredText("title", input.title, { max: LIMITS.short });
      const heldOn = plausibleDate("heldOn", input.heldOn, { maxYearsAhead: 1 });
      const topic = optionalText("topic", input.topic, { max: LIMITS.short });
      return writeAudited(ctx, async (tx) => {
        const meeting = await tx.groupMeeting.create({ data: { locationId, title, heldOn: dbDate(heldOn), topic } });
        return { result: meeting, audit: { action: "groupMeeting.create", entityType: "GroupMeeting", entityId: meeting.id } };
      });
    },
  }),
);

/** The meeting and the family, both of the meeting's location within the viewer's scope. */
async function meetingAndFamily(tx: Tx, ctx: Context, input: { meetingId: string | number; familyId: string | number }) {
  const meetingId = requireId("meetingId", input.meetingId, "GroupMeeting");
  const familyId = requireId("familyId", input.familyId, "Family");
  const meeting = await tx.groupMeeting.findFirst({ where: { id: meetingId, locationId: { in: scope(ctx) } } });
  if (!meeting) throw notFound(MEETING_NOT_FOUND, "meetingId");
  const family = await tx.family.findFirst({ where: { id: familyId, locationId: meeting.locationId }, select: { id: true } });
  if (!family) throw notFound(FAMILY_NOT_FOUND, "familyId");
  await lockFamilyForChange(tx, ctx, familyId);
  return { meeting, familyId };
}

builder.mutationField("recordAttendance", (t) =>
  t.field({
    type: GroupMeetingRef,
    authScopes: { coordinator: true },
    description: "Records (or corrects) how many parents and children of a family attended a meeting held.",
    args: { input: t.arg({ type: RecordAttendanceInput }) },
    errors: refusable("RecordAttendance", "meeting"),
    resolve: async (_root, { input }, ctx) => {
      const parentCount = intInRange("parentCount", input.parentCount, 0, 10);
      const childCount = intInRange("childCount", input.childCount, 0, 20);
      return writeAudited(ctx, async (tx) => {
        const { meeting, familyId } = await meetingAndFamily(tx, ctx, input);
        const check = checkAttendance({ meetingHeldOn: isoDate(meeting.heldOn), today: todayInNetherlands(), parentCount, childCount });
        if (!check.ok) {
          const field = check.reasons[0]?.code === "ATTENDANCE_WITHOUT_PARENT" ? "parentCount" : "meetingId";
          throw Refusal.fromReasons(check.reasons, field);
        }
        await tx.groupMeetingAttendance.upsert({
          where: { meetingId_familyId: { meetingId: meeting.id, familyId } },
          create: { meetingId: meeting.id, familyId, parentCount, childCount },
          update: { parentCount, childCount },
        });
        return {
          result: meeting,
          audit: {
            action: "groupMeeting.attendance",
            entityType: "GroupMeeting",
            entityId: meeting.id,
            detail: { familyId, parentCount, childCount },
          },
        };
      });
    },
  }),
);

builder.mutationField("removeAttendance", (t) =>
  t.field({
    type: GroupMeetingRef,
    authScopes: { coordinator: true },
    description: "Removes a family's attendance from a meeting.",
    args: { input: t.arg({ type: RemoveAttendanceInput }) },
    errors: refusable("RemoveAttendance", "meeting"),
    resolve: async (_root, { input }, ctx) =>
      writeAudited(ctx, async (tx) => {
        const { meeting, familyId } = await meetingAndFamily(tx, ctx, input);
        const removed = await tx.groupMeetingAttendance.deleteMany({ where: { meetingId: meeting.id, familyId } });
        if (removed.count === 0) throw notFound({ nl: "Geen aanwezigheid vastgelegd.", en: "No attendance recorded." }, "familyId");
        return {
          result: meeting,
          audit: { action: "groupMeeting.removeAttendance", entityType: "GroupMeeting", entityId: meeting.id, detail: { familyId } },
        };
      }),
  }),
);
