// The coordinator's "today": what needs action, decided by packages/domain (dashboardSignals).
// Loads the open families and volunteers of the coordinator's locations in a fixed number of
// queries, whatever their number.
import {
  dashboardSignals,
  type FamilyStatus,
  failedNoticeSignals,
  hoursWindow,
  type IsoDate,
  type NoticeForSignals,
  type Signal,
  signalPolicyOn,
  type VisitSummary,
  type VolunteerStatus,
} from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { todayInNetherlands } from "../mappers.ts";
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
      // Straight to the driver (Database.query): the coordinator's start page, asked all day,
      // cost several times the SQL when each statement went through Prisma's query compiler.
      const [families, volunteers, failedNotices] = await Promise.all([
        ctx.db.query<FamilyRow>(
          `SELECT f."id", f."status"::text AS "status", to_char(f."registeredOn", 'YYYY-MM-DD') AS "registeredOn",
             f."calledBackAt" AT TIME ZONE 'UTC' AS "calledBackAt",
             (SELECT to_char(min(m."startOn"), 'YYYY-MM-DD') FROM "Match" m WHERE m."familyId" = f."id") AS "supportStartOn",
             (SELECT to_char(max(e."heldOn"), 'YYYY-MM-DD') FROM "Evaluation" e WHERE e."familyId" = f."id" AND e."kind" = 'INTERIM') AS "interimOn",
             am."id" AS "matchId", am."volunteerId", to_char(am."startOn", 'YYYY-MM-DD') AS "matchStartOn"
           FROM "Family" f
           LEFT JOIN LATERAL (SELECT m."id", m."volunteerId", m."startOn" FROM "Match" m
                              WHERE m."familyId" = f."id" AND m."endOn" IS NULL ORDER BY m."startOn", m."id" LIMIT 1) am ON true
           WHERE f."locationId" = ANY($1::text[]) AND f."status" = ANY($2::"FamilyStatus"[])`,
          [locationIds, OPEN_STATUSES],
        ),
        ctx.db.query<VolunteerRow>(
          `SELECT v."id", v."status"::text AS "status", to_char(v."vogIssuedOn", 'YYYY-MM-DD') AS "vogIssuedOn",
             to_char(v."trainingCompletedOn", 'YYYY-MM-DD') AS "trainingCompletedOn"
           FROM "Volunteer" v WHERE v."locationId" = ANY($1::text[]) AND v."status" = ANY($2::"VolunteerStatus"[])`,
          [locationIds, ["ACTIVE", "IN_TRAINING", "PAUSED"]],
        ),
        ctx.db.query<NoticeRow>(
          `SELECT n."familyId", n."kind"::text AS "kind", n."status"::text AS "status", n."attempts"
           FROM "ReferrerNotification" n JOIN "Family" f ON f."id" = n."familyId"
           WHERE n."status" = 'FAILED' AND f."locationId" = ANY($1::text[]) ORDER BY n."createdAt"`,
          [locationIds],
        ),
      ]);
      const activeMatches = families.flatMap((f) => (f.matchId && f.matchStartOn ? [{ id: f.matchId, startOn: f.matchStartOn }] : []));
      const visitSummaries = await summariseOpenMatchVisits(ctx, activeMatches, today);
      // Failed notices are alerts: they lead, the domain's other signals follow in its order.
      const noticeSignals = failedNoticeSignals(failedNotices);
      const signals = dashboardSignals(
        {
          families: families.map((f) => ({
            id: f.id,
            status: f.status,
            registeredOn: f.registeredOn,
            calledBackOn: f.calledBackAt ? todayInNetherlands(f.calledBackAt) : null,
            supportStartOn: f.supportStartOn,
            interimEvaluationOn: f.interimOn,
            activeMatch:
              f.matchId && f.volunteerId && f.matchStartOn
                ? {
                    id: f.matchId,
                    volunteerId: f.volunteerId,
                    startOn: f.matchStartOn,
                    visitSummary: visitSummaries.get(f.matchId) ?? emptySummary(f.matchStartOn, today),
                  }
                : null,
          })),
          volunteers,
        },
        today,
        signalPolicyOn(today),
      );
      return [...noticeSignals, ...signals].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    },
  }),
);

/**
 * What the signals need of each active match's visits (domain VisitSummary): the last visit up to
 * today and the minutes in the window the domain names (hoursWindow), summed by PostgreSQL in one
 * statement. Loading a location's year of weekly visits as rows instead cost most of the
 * dashboard's time (issue 7); the rules that judge the summary stay in packages/domain.
 */
async function summariseOpenMatchVisits(
  ctx: Context,
  matches: Array<{ id: string; startOn: IsoDate }>,
  today: IsoDate,
): Promise<Map<string, VisitSummary>> {
  if (matches.length === 0) return new Map();
  const windows = matches.map((m) => ({ id: m.id, from: hoursWindow(m.startOn, today).from }));
  const rows = await ctx.db.query<{ matchId: string; lastVisitOn: IsoDate | null; minutes: number }>(
    `SELECT x."matchId",
       (SELECT to_char(max(v."visitedOn"), 'YYYY-MM-DD') FROM "Visit" v WHERE v."matchId" = x."matchId" AND v."visitedOn" <= $3::date) AS "lastVisitOn",
       (SELECT coalesce(sum(v."minutes"), 0)::int FROM "Visit" v
         WHERE v."matchId" = x."matchId" AND v."visitedOn" BETWEEN x."from" AND $3::date) AS "minutes"
     FROM unnest($1::text[], $2::date[]) AS x("matchId", "from")`,
    [windows.map((w) => w.id), windows.map((w) => w.from), today],
  );
  const byMatch = new Map(rows.map((r) => [r.matchId, r]));
  return new Map(
    windows.map((w) => {
      const row = byMatch.get(w.id);
      return [
        w.id,
        { on: today, lastVisitOn: row?.lastVisitOn ?? null, hoursWindowFrom: w.from, minutesInHoursWindow: Number(row?.minutes ?? 0) },
      ];
    }),
  );
}

/** A match without a summary row has no visits (unnest gives every match a row, so this is defensive). */
const emptySummary = (startOn: IsoDate, today: IsoDate): VisitSummary => ({
  on: today,
  lastVisitOn: null,
  hoursWindowFrom: hoursWindow(startOn, today).from,
  minutesInHoursWindow: 0,
});

interface FamilyRow {
  id: string;
  status: FamilyStatus;
  registeredOn: IsoDate;
  calledBackAt: Date | null;
  supportStartOn: IsoDate | null;
  interimOn: IsoDate | null;
  matchId: string | null;
  volunteerId: string | null;
  matchStartOn: IsoDate | null;
}

interface VolunteerRow {
  id: string;
  status: VolunteerStatus;
  vogIssuedOn: IsoDate | null;
  trainingCompletedOn: IsoDate | null;
}

type NoticeRow = NoticeForSignals;

const SEVERITY_RANK: Record<Signal["severity"], number> = { ALERT: 0, WARNING: 1, INFO: 2 };
