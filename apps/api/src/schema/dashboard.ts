// The coordinator's "today": what needs action, decided by packages/domain (dashboardSignals).
// Loads the open families and volunteers of the coordinator's locations in a fixed number of
// queries, whatever their number.
import { addDays, dashboardSignals, failedNoticeSignals, type IsoDate, type Signal, type VisitRecord } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { isoDate, isoDateOrNull, todayInNetherlands } from "../mappers.ts";
import { LocalizedText } from "./errors.ts";
import { familyLocationScope } from "./families.ts";

const SignalRef = builder.objectRef<Signal>("Signal").implement({
  description: "Something on the coordinator's dashboard that needs action.",
  fields: (t) => ({
    code: t.exposeString("code"),
    severity: t.exposeString("severity", { description: "INFO, WARNING or ALERT." }),
    message: t.field({ type: LocalizedText, resolve: (s) => ({ nl: s.nl, en: s.en }) }),
    dueOn: t.field({ type: "Date", nullable: true, resolve: (s) => s.dueOn }),
    familyId: t.id({ nullable: true, resolve: (s) => (s.familyId ? encodeGlobalID("Family", s.familyId) : null) }),
    volunteerId: t.id({ nullable: true, resolve: (s) => s.volunteerId }),
  }),
});

const OPEN_STATUSES = ["REGISTERED", "INTAKE", "WAITING_FOR_MATCH", "ACTIVE"] as const;

builder.queryField("dashboard", (t) =>
  t.field({
    type: [SignalRef],
    authScopes: { coordinator: true },
    description: "Signals for the coordinator's locations, most urgent first.",
    args: { on: t.arg({ type: "Date", required: false, description: "The day to judge; today by default." }) },
    resolve: async (_root, args, ctx) => {
      const today = (args.on ?? todayInNetherlands()) as IsoDate;
      const locationIds = familyLocationScope(ctx);
      const since = new Date(`${addDays(today, -366)}T00:00:00Z`);
      const [families, visitsByMatch, volunteers, failedNotices] = await Promise.all([
        ctx.prisma.family.findMany({
          where: { locationId: { in: locationIds }, status: { in: [...OPEN_STATUSES] } },
          select: {
            id: true,
            status: true,
            registeredOn: true,
            calledBackAt: true,
            matches: {
              orderBy: { startOn: "asc" },
              select: {
                id: true,
                volunteerId: true,
                startOn: true,
                endOn: true,
              },
            },
            evaluations: { where: { kind: "INTERIM" }, orderBy: { heldOn: "desc" }, take: 1, select: { heldOn: true } },
          },
        }),
        openMatchVisits(ctx, locationIds, since),
        ctx.prisma.volunteer.findMany({
          where: { locationId: { in: locationIds }, status: { in: ["ACTIVE", "IN_TRAINING", "PAUSED"] } },
          select: { id: true, status: true, vogIssuedOn: true, trainingCompletedOn: true },
        }),
        ctx.prisma.referrerNotification.findMany({
          where: { status: "FAILED", family: { locationId: { in: locationIds } } },
          orderBy: { createdAt: "asc" },
          select: { familyId: true, kind: true, status: true, attempts: true },
        }),
      ]);
      // Failed notices are alerts: they lead, the domain's other signals follow in its order.
      const noticeSignals = failedNoticeSignals(failedNotices);
      const signals = dashboardSignals(
        {
          families: families.map((f) => {
            const active = f.matches.find((m) => m.endOn === null);
            return {
              id: f.id,
              status: f.status,
              registeredOn: isoDate(f.registeredOn),
              calledBackOn: f.calledBackAt ? todayInNetherlands(f.calledBackAt) : null,
              supportStartOn: isoDateOrNull(f.matches[0]?.startOn),
              interimEvaluationOn: isoDateOrNull(f.evaluations[0]?.heldOn),
              activeMatch: active
                ? {
                    id: active.id,
                    volunteerId: active.volunteerId,
                    startOn: isoDate(active.startOn),
                    visits: visitsByMatch.get(active.id) ?? [],
                  }
                : null,
            };
          }),
          volunteers: volunteers.map((v) => ({
            id: v.id,
            status: v.status,
            vogIssuedOn: isoDateOrNull(v.vogIssuedOn),
            trainingCompletedOn: isoDateOrNull(v.trainingCompletedOn),
          })),
        },
        today,
      );
      return [...noticeSignals, ...signals].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    },
  }),
);

/**
 * The visits of the year before `since` of every open match of the locations' open families,
 * per match. A location's year of weekly visits is thousands of rows: read as two arrays per
 * match in one hand-written statement, they cost a fraction of mapping each as a Prisma object
 * (issue 7). The rules that judge them stay in packages/domain (dashboardSignals).
 */
async function openMatchVisits(ctx: Context, locationIds: string[], since: Date): Promise<Map<string, VisitRecord[]>> {
  const rows = await ctx.prisma.$queryRaw<Array<{ matchId: string; visitedOn: string[]; minutes: number[] }>>`
    SELECT v."matchId", array_agg(to_char(v."visitedOn", 'YYYY-MM-DD')) AS "visitedOn", array_agg(v."minutes") AS "minutes"
    FROM "Visit" v JOIN "Match" m ON m."id" = v."matchId" JOIN "Family" f ON f."id" = m."familyId"
    WHERE f."locationId" = ANY(${locationIds}) AND f."status"::text = ANY(${[...OPEN_STATUSES]})
      AND m."endOn" IS NULL AND v."visitedOn" >= ${since}
    GROUP BY v."matchId"`;
  return new Map(
    rows.map((r) => [r.matchId, r.visitedOn.map((visitedOn, i) => ({ visitedOn: visitedOn as IsoDate, minutes: Number(r.minutes[i]) }))]),
  );
}

const SEVERITY_RANK: Record<Signal["severity"], number> = { ALERT: 0, WARNING: 1, INFO: 2 };
