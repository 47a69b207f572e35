// Home visits (huisbezoeken): logged by the coordinator in a few seconds from the week list,
// corrected or deleted (audited). Rules in packages/domain (checkVisit, visitHours, visitWeek).
import { checkVisit, type IsoDate, minutesOfHours, visitHours, visitWeek } from "@homestart/domain";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { dbDate, isoDate, isoDateOrNull, todayInNetherlands } from "../mappers.ts";
import { notFound, type Tx, writeAudited } from "../mutations.ts";
import { LIMITS, optionalText, plausibleDate, requireId } from "../validate.ts";
import { familyLocationScope } from "./families.ts";
import { lockFamilyForChange } from "./family-guard.ts";
import { MatchRef } from "./matching.ts";
import { refusable } from "./mutation-result.ts";

const VISIT_NOT_FOUND = { nl: "Bezoek niet gevonden.", en: "Visit not found." };
const MATCH_NOT_FOUND = { nl: "Koppeling niet gevonden.", en: "Match not found." };

export const VisitRef = builder.prismaNode("Visit", {
  id: { field: "id" },
  select: { match: { select: { family: { select: { locationId: true } } } } },
  findUnique: (id, ctx) => ({ id, match: { family: { locationId: { in: familyLocationScope(ctx) } } } }),
  authScopes: (visit, ctx) => familyLocationScope(ctx).includes(visit.match.family.locationId),
  description: "A home visit of the volunteer to the family.",
  fields: (t) => ({
    visitedOn: t.expose("visitedOn", { type: "Date" }),
    minutes: t.exposeInt("minutes"),
    hours: t.float({ select: { minutes: true }, resolve: (v) => v.minutes / 60 }),
    note: t.exposeString("note", { nullable: true }),
    match: t.relation("match", { type: MatchRef }),
  }),
});

interface Hours {
  totalHours: number;
  thisYearHours: number;
  supportDaysThisYear: number;
  expectedThisYearHours: number;
}

const HoursRef = builder.objectRef<Hours>("VisitHours").implement({
  description: "Visit hours against seed 004's average of 105 hours a year (packages/domain visitHours).",
  fields: (t) => ({
    totalHours: t.exposeFloat("totalHours"),
    thisYearHours: t.exposeFloat("thisYearHours"),
    supportDaysThisYear: t.exposeInt("supportDaysThisYear"),
    expectedThisYearHours: t.exposeFloat("expectedThisYearHours", {
      description: "105 hours a year, pro rata for this year's days with a running match.",
    }),
  }),
});

builder.prismaObjectFields("Family", (t) => ({
  visits: t.prismaConnection({
    type: VisitRef,
    cursor: "id",
    description: "The family's home visits, newest first.",
    resolve: (query, family, _args, ctx) =>
      ctx.prisma.visit.findMany({
        ...query,
        where: { match: { familyId: family.id } },
        orderBy: [{ visitedOn: "desc" }, { id: "asc" }],
      }),
  }),
  hours: t.field({
    type: HoursRef,
    description: "Total hours, this year's, and the expected hours pro rata (105 a year, seed 004).",
    select: { matches: { select: { startOn: true, endOn: true, visits: { select: { visitedOn: true, minutes: true } } } } },
    resolve: (family) =>
      visitHours(
        family.matches.map((m) => ({
          startOn: isoDate(m.startOn),
          endOn: isoDateOrNull(m.endOn),
          visits: m.visits.map((v) => ({ visitedOn: isoDate(v.visitedOn), minutes: v.minutes })),
        })),
        todayInNetherlands(),
      ),
  }),
}));

builder.prismaObjectFields(MatchRef, (t) => ({
  lastVisitOn: t.field({
    type: "Date",
    nullable: true,
    select: { visits: { orderBy: { visitedOn: "desc" }, take: 1, select: { visitedOn: true } } },
    resolve: (m) => m.visits[0]?.visitedOn ?? null,
  }),
  visitCountInWeek: t.relationCount("visits", {
    description: "Visits logged in the Monday–Sunday week of `weekOf` (today when left out).",
    args: { weekOf: t.arg({ type: "Date", required: false }) },
    where: (args) => {
      const week = visitWeek((args.weekOf ?? todayInNetherlands()) as IsoDate);
      return { visitedOn: { gte: dbDate(week.from), lte: dbDate(week.until) } };
    },
  }),
}));

builder.queryField("weekMatches", (t) =>
  t.prismaField({
    type: [MatchRef],
    authScopes: { coordinator: true },
    description:
      "The coordinator's matches running in the week of `weekOf` (today when left out) of families in support, to log visits from a list. Ask each for lastVisitOn and visitCountInWeek(weekOf).",
    args: { weekOf: t.arg({ type: "Date", required: false }) },
    resolve: (query, _root, args, ctx) => {
      const week = visitWeek((args.weekOf ?? todayInNetherlands()) as IsoDate);
      return ctx.prisma.match.findMany({
        ...query,
        where: {
          family: { locationId: { in: familyLocationScope(ctx) }, status: "ACTIVE" },
          startOn: { lte: dbDate(week.until) },
          OR: [{ endOn: null }, { endOn: { gte: dbDate(week.from) } }],
        },
        orderBy: [{ startOn: "asc" }, { id: "asc" }],
        take: 500,
      });
    },
  }),
);

const DurationFields = {
  hours: "Duration in hours, e.g. 1.5 (or give minutes).",
  minutes: "Duration in minutes (or give hours).",
} as const;

const LogVisitInput = builder.inputType("LogVisitInput", {
  fields: (t) => ({
    matchId: t.id(),
    visitedOn: t.field({ type: "Date" }),
    hours: t.float({ required: false, description: DurationFields.hours }),
    minutes: t.int({ required: false, description: DurationFields.minutes }),
    note: t.string({ required: false, description: "A short note; no sensitive details." }),
  }),
});

const CorrectVisitInput = builder.inputType("CorrectVisitInput", {
  fields: (t) => ({
    id: t.id(),
    visitedOn: t.field({ type: "Date" }),
    hours: t.float({ required: false, description: DurationFields.hours }),
    minutes: t.int({ required: false, description: DurationFields.minutes }),
    note: t.string({ required: false }),
  }),
});

const DeleteVisitInput = builder.inputType("DeleteVisitInput", { fields: (t) => ({ id: t.id() }) });

/** Minutes from exactly one of hours / minutes. */
function durationOf(input: { hours?: number | null; minutes?: number | null }): number {
  const hasHours = input.hours !== null && input.hours !== undefined;
  const hasMinutes = input.minutes !== null && input.minutes !== undefined;
  if (hasHours === hasMinutes) {
    throw invalidInput("hours", "Vul de duur in uren of in minuten in.", "Enter the duration in hours or in minutes.");
  }
  const minutes = hasHours ? minutesOfHours(input.hours as number) : (input.minutes as number);
  if (minutes === null) throw invalidInput("hours", "Vul een getal in.", "Enter a number.");
  return minutes;
}

/**
 * Locks the match so two entries for one day cannot both pass the one-a-day check; its family first
 * (the lock order of every family change), which must not be anonymised.
 */
async function lockedMatch(tx: Tx, ctx: Context, matchId: string, field: string) {
  const found = await tx.match.findFirst({
    where: { id: matchId, family: { locationId: { in: familyLocationScope(ctx) } } },
    select: { id: true, familyId: true },
  });
  if (!found) return null;
  await lockFamilyForChange(tx, ctx, found.familyId, field);
  await tx.$queryRaw`SELECT id FROM "Match" WHERE id = ${matchId} FOR UPDATE`;
  return tx.match.findUniqueOrThrow({ where: { id: matchId }, select: { id: true, familyId: true, startOn: true, endOn: true } });
}

const VISIT_INCLUDE = { match: { select: { family: { select: { locationId: true } } } } } as const;

builder.mutationField("logVisit", (t) =>
  t.field({
    type: VisitRef,
    authScopes: { coordinator: true },
    description: "Logs a home visit for a match: within the match's period, not in the future, 15 minutes to 8 hours, one a day.",
    args: { input: t.arg({ type: LogVisitInput }) },
    errors: refusable("LogVisit", "visit"),
    resolve: async (_root, { input }, ctx) => {
      const matchId = requireId("matchId", input.matchId, "Match");
      const visitedOn = plausibleDate("visitedOn", input.visitedOn);
      const minutes = durationOf(input);
      const note = optionalText("note", input.note, { max: LIMITS.short });
      return writeAudited(ctx, async (tx) => {
        const match = await lockedMatch(tx, ctx, matchId, "matchId");
        if (!match) throw notFound(MATCH_NOT_FOUND, "matchId");
        const visitsSameDay = await tx.visit.count({ where: { matchId, visitedOn: dbDate(visitedOn) } });
        const check = checkVisit({
          visitedOn,
          minutes,
          match: { startOn: isoDate(match.startOn), endOn: isoDateOrNull(match.endOn) },
          today: todayInNetherlands(),
          visitsSameDay,
        });
        if (!check.ok) throw Refusal.fromReasons(check.reasons, check.reasons[0]?.code.startsWith("VISIT_TOO") ? "hours" : "visitedOn");
        const visit = await tx.visit.create({
          data: { matchId, visitedOn: dbDate(visitedOn), minutes, note, loggedById: ctx.viewer?.id ?? null },
          include: VISIT_INCLUDE,
        });
        return {
          result: visit,
          audit: { action: "visit.log", entityType: "Family", entityId: match.familyId, detail: { visitId: visit.id, matchId, minutes } },
        };
      });
    },
  }),
);

builder.mutationField("correctVisit", (t) =>
  t.field({
    type: VisitRef,
    authScopes: { coordinator: true },
    description: "Corrects a logged visit (date, duration, note) under the same rules as logging it.",
    args: { input: t.arg({ type: CorrectVisitInput }) },
    errors: refusable("CorrectVisit", "visit"),
    resolve: async (_root, { input }, ctx) => {
      const id = requireId("id", input.id, "Visit");
      const visitedOn = plausibleDate("visitedOn", input.visitedOn);
      const minutes = durationOf(input);
      const note = optionalText("note", input.note, { max: LIMITS.short });
      return writeAudited(ctx, async (tx) => {
        const current = await tx.visit.findFirst({
          where: { id, match: { family: { locationId: { in: familyLocationScope(ctx) } } } },
          select: { matchId: true, visitedOn: true, minutes: true, note: true },
        });
        if (!current) throw notFound(VISIT_NOT_FOUND);
        const match = await lockedMatch(tx, ctx, current.matchId, "id");
        if (!match) throw notFound(VISIT_NOT_FOUND);
        const visitsSameDay = await tx.visit.count({ where: { matchId: match.id, visitedOn: dbDate(visitedOn), id: { not: id } } });
        const check = checkVisit({
          visitedOn,
          minutes,
          match: { startOn: isoDate(match.startOn), endOn: isoDateOrNull(match.endOn) },
          today: todayInNetherlands(),
          visitsSameDay,
        });
        if (!check.ok) throw Refusal.fromReasons(check.reasons, check.reasons[0]?.code.startsWith("VISIT_TOO") ? "hours" : "visitedOn");
        const changed = [
          isoDate(current.visitedOn) !== visitedOn ? "visitedOn" : null,
          current.minutes !== minutes ? "minutes" : null,
          current.note !== note ? "note" : null,
        ].filter((f): f is string => f !== null);
        const visit = await tx.visit.update({
          where: { id },
          data: { visitedOn: dbDate(visitedOn), minutes, note },
          include: VISIT_INCLUDE,
        });
        return {
          result: visit,
          audit: { action: "visit.correct", entityType: "Family", entityId: match.familyId, detail: { visitId: id, fields: changed } },
        };
      });
    },
  }),
);

builder.mutationField("deleteVisit", (t) =>
  t.field({
    type: "ID",
    authScopes: { coordinator: true },
    description: "Deletes a visit logged by mistake; answers the deleted visit's id.",
    args: { input: t.arg({ type: DeleteVisitInput }) },
    errors: refusable("DeleteVisit", "deletedVisitId"),
    resolve: async (_root, { input }, ctx) => {
      const id = requireId("id", input.id, "Visit");
      return writeAudited(ctx, async (tx) => {
        const visit = await tx.visit.findFirst({
          where: { id, match: { family: { locationId: { in: familyLocationScope(ctx) } } } },
          select: { matchId: true, minutes: true, match: { select: { familyId: true } } },
        });
        if (!visit) throw notFound(VISIT_NOT_FOUND);
        await lockFamilyForChange(tx, ctx, visit.match.familyId, "id");
        await tx.visit.delete({ where: { id } });
        return {
          result: String(input.id),
          audit: {
            action: "visit.delete",
            entityType: "Family",
            entityId: visit.match.familyId,
            detail: { visitId: id, matchId: visit.matchId, minutes: visit.minutes },
          },
        };
      });
    },
  }),
);
