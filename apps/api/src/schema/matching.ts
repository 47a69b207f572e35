// Matching a volunteer to a family (seed 003: one volunteer for the support period). Suggestions,
// the start of support (WAITING_FOR_MATCH → ACTIVE), ending a match and matching again while support
// goes on: every rule is in packages/domain (suggestVolunteers, checkMatchStart, checkMatchEnd).
import type { Match, Volunteer } from "@homestart/db";
import {
  CANDIDATE_VOLUNTEER_STATUSES,
  checkMatchEnd,
  checkMatchStart,
  type ExcludedVolunteer,
  type IsoDate,
  type MatchStartKind,
  type RankedVolunteer,
  type Reason,
  suggestVolunteers,
  type VolunteerForMatching,
} from "@homestart/domain";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { Refusal } from "../errors.ts";
import { dbDate, dbDateOrNull, isoDate, isoDateOrNull, todayInNetherlands } from "../mappers.ts";
import { conflict, expectUpdated, notFound, writeAudited } from "../mutations.ts";
import { deliverReferrerNoticesSoon } from "../notifications/deliver-referrer-notices.ts";
import { type NoticeOutcome, queueDueReferrerNotices } from "../notifications/queue-referrer-notices.ts";
import { cachedRead } from "../read-cache.ts";
import { LIMITS, plausibleDate, requiredText, requireId } from "../validate.ts";
import { LocalizedText, ReasonRef } from "./errors.ts";
import { FamilyRef, familyLocationScope, judgeFamilyEligibility, loadBatched } from "./families.ts";
import { lockFamilyForChange } from "./family-guard.ts";
import { refusable } from "./mutation-result.ts";
import { NoticeOutcomeRef } from "./referrer-notices.ts";
import { toVolunteerForReadiness, VolunteerRef } from "./volunteers.ts";

const FAMILY_NOT_FOUND = { nl: "Gezin niet gevonden.", en: "Family not found." };
const VOLUNTEER_NOT_FOUND = { nl: "Vrijwilliger niet gevonden.", en: "Volunteer not found." };
const MATCH_NOT_FOUND = { nl: "Koppeling niet gevonden.", en: "Match not found." };

export const MatchRef = builder.prismaNode("Match", {
  id: { field: "id" },
  // Matches are reached through their family's location, like the family itself.
  select: { family: { select: { locationId: true } } },
  findUnique: (id, ctx) => ({ id, family: { locationId: { in: familyLocationScope(ctx) } } }),
  authScopes: (match, ctx) => familyLocationScope(ctx).includes(match.family.locationId),
  description: "One volunteer matched to one family for a period (koppeling).",
  fields: (t) => ({
    startOn: t.expose("startOn", { type: "Date" }),
    endOn: t.expose("endOn", { type: "Date", nullable: true }),
    endReason: t.exposeString("endReason", { nullable: true }),
    family: t.relation("family", { type: FamilyRef }),
    volunteer: t.relation("volunteer", { type: VolunteerRef }),
  }),
});

builder.prismaObjectFields("Family", (t) => ({
  matches: t.relation("matches", {
    type: MatchRef,
    description: "The family's matches, newest first; at most one is open.",
    query: { orderBy: [{ startOn: "desc" }, { id: "asc" }] },
  }),
  matchSuggestions: t.field({
    type: MatchSuggestionsRef,
    description:
      "Volunteers of the family's location ranked for this family with scored reasons (packages/domain suggestVolunteers), and those not ready with the reasons why. Judged today or on `on`.",
    args: { on: t.arg({ type: "Date", required: false }) },
    select: {
      id: true,
      locationId: true,
      postcode: true,
      languages: true,
      municipality: { select: { code: true } },
      children: { select: { bornOn: true, expectedOn: true } },
    },
    resolve: async (family, args, ctx) => {
      const on = (args.on ?? todayInNetherlands()) as IsoDate;
      const volunteers =
        (await loadBatched(ctx, `matchVolunteers|${on}`, family.locationId, (c, keys) => loadVolunteers(c, keys, on))) ?? [];
      const byId = new Map(volunteers.map((v) => [v.forMatching.id, v.row]));
      const suggestions = suggestVolunteers(
        {
          id: family.id,
          municipalityCode: family.municipality.code,
          postcode: family.postcode,
          languages: family.languages,
          children: family.children.map((c) => ({ bornOn: isoDateOrNull(c.bornOn), expectedOn: isoDateOrNull(c.expectedOn) })),
        },
        volunteers.map((v) => v.forMatching),
        on,
      );
      return {
        on,
        ranked: suggestions.ranked.map((r) => ({ ...r, volunteer: byId.get(r.volunteerId) })),
        excluded: suggestions.excluded.map((e) => ({ ...e, volunteer: byId.get(e.volunteerId) })),
      };
    },
  }),
}));

builder.prismaObjectFields(VolunteerRef, (t) => ({
  currentMatches: t.relation("matches", {
    type: MatchRef,
    description: "Matches running today or planned (not ended before today).",
    query: () => ({
      where: { OR: [{ endOn: null }, { endOn: { gte: dbDate(todayInNetherlands()) } }] },
      orderBy: [{ startOn: "asc" }, { id: "asc" }],
    }),
  }),
}));

/** A volunteer as Prisma returns the row (the GraphQL Volunteer type resolves from it), with what matching reads. */
type VolunteerRow = Volunteer & { municipality: { code: string } | null; matches: Array<{ startOn: Date; endOn: Date | null }> };

/**
 * The location's volunteers the domain considers (CANDIDATE_VOLUNTEER_STATUSES: not years of
 * former volunteers) with the matches that can still count as open on the day (no end, or an end
 * on or after it; packages/domain openMatchCount decides which do). One statement straight to
 * the driver: every family page waiting for a match asks it, and through Prisma mapping a
 * hundred volunteers with their matches cost several times the SQL (issue 7).
 */
async function loadVolunteerRows(ctx: Context, locationIds: string[], on: IsoDate): Promise<VolunteerRow[]> {
  const rows = await ctx.db.query<
    Omit<VolunteerRow, "vogIssuedOn" | "trainingCompletedOn" | "matches"> & {
      vogIssuedOn: IsoDate | null;
      trainingCompletedOn: IsoDate | null;
      matches: Array<{ startOn: IsoDate; endOn: IsoDate | null }>;
    }
  >(
    `SELECT v."id", v."locationId", v."municipalityId", v."firstName", v."lastName", v."email", v."phone", v."postcode",
       v."status"::text AS "status", to_char(v."vogIssuedOn", 'YYYY-MM-DD') AS "vogIssuedOn",
       to_char(v."trainingCompletedOn", 'YYYY-MM-DD') AS "trainingCompletedOn", v."languages", v."availability", v."experienceAgeGroups",
       v."maxFamilies", v."createdAt" AT TIME ZONE 'UTC' AS "createdAt", v."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt", v."version",
       CASE WHEN mu."id" IS NULL THEN NULL ELSE json_build_object('code', mu."code") END AS "municipality",
       coalesce((SELECT json_agg(json_build_object('startOn', to_char(m."startOn", 'YYYY-MM-DD'), 'endOn', to_char(m."endOn", 'YYYY-MM-DD')))
                 FROM "Match" m WHERE m."volunteerId" = v."id" AND (m."endOn" IS NULL OR m."endOn" >= $3::date)), '[]') AS "matches"
     FROM "Volunteer" v LEFT JOIN "Municipality" mu ON mu."id" = v."municipalityId"
     WHERE v."locationId" = ANY($1::text[]) AND v."status" = ANY($2::"VolunteerStatus"[])
     ORDER BY v."id"`,
    [locationIds, CANDIDATE_VOLUNTEER_STATUSES, on],
  );
  return rows.map((r) => ({
    ...r,
    vogIssuedOn: dbDateOrNull(r.vogIssuedOn),
    trainingCompletedOn: dbDateOrNull(r.trainingCompletedOn),
    matches: r.matches.map((m) => ({ startOn: dbDate(m.startOn), endOn: dbDateOrNull(m.endOn) })),
  }));
}

/**
 * The volunteers of many locations with what matching needs: one query, kept per revision
 * (read-cache.ts: every match screen of a location asks the same, and volunteers and matches
 * change far less often than they are shown).
 */
function loadVolunteers(ctx: Context, locationIds: string[], on: IsoDate) {
  return cachedRead(ctx, "match_volunteers", `${on}|${[...locationIds].sort().join(",")}`, () =>
    volunteersForMatching(ctx, locationIds, on),
  );
}

async function volunteersForMatching(ctx: Context, locationIds: string[], on: IsoDate) {
  const rows = await loadVolunteerRows(ctx, locationIds, on);
  const result = new Map<string, Array<{ row: VolunteerRow; forMatching: VolunteerForMatching }>>(locationIds.map((id) => [id, []]));
  for (const row of rows) {
    result.get(row.locationId)?.push({
      row,
      forMatching: {
        ...toVolunteerForReadiness(row, on),
        municipalityCode: row.municipality?.code ?? null,
        postcode: row.postcode,
        languages: row.languages,
        availability: row.availability,
        experienceAgeGroups: row.experienceAgeGroups,
      },
    });
  }
  return result;
}

type Scored = RankedVolunteer["reasons"][number];

const ScoredReasonRef = builder.objectRef<Scored>("ScoredReason").implement({
  description: "One reason in a match suggestion's score, with its points.",
  fields: (t) => ({
    code: t.exposeString("code"),
    points: t.exposeInt("points"),
    message: t.field({ type: LocalizedText, resolve: (r) => ({ nl: r.nl, en: r.en }) }),
  }),
});

const RankedVolunteerRef = builder.objectRef<RankedVolunteer & { volunteer: VolunteerRow | undefined }>("RankedVolunteer").implement({
  fields: (t) => ({
    rank: t.exposeInt("rank", { description: "1 = best; ties broken by volunteer id." }),
    score: t.exposeInt("score"),
    reasons: t.field({ type: [ScoredReasonRef], resolve: (r) => r.reasons }),
    volunteer: t.field({ type: VolunteerRef, nullable: true, resolve: (r) => r.volunteer ?? null }),
  }),
});

const ExcludedVolunteerRef = builder.objectRef<ExcludedVolunteer & { volunteer: VolunteerRow | undefined }>("ExcludedVolunteer").implement({
  fields: (t) => ({
    reasons: t.field({ type: [ReasonRef], resolve: (r) => r.reasons }),
    volunteer: t.field({ type: VolunteerRef, nullable: true, resolve: (r) => r.volunteer ?? null }),
  }),
});

interface Suggestions {
  on: IsoDate;
  ranked: Array<RankedVolunteer & { volunteer: VolunteerRow | undefined }>;
  excluded: Array<ExcludedVolunteer & { volunteer: VolunteerRow | undefined }>;
}

const MatchSuggestionsRef = builder.objectRef<Suggestions>("MatchSuggestions").implement({
  fields: (t) => ({
    on: t.field({ type: "Date", resolve: (s) => s.on }),
    ranked: t.field({ type: [RankedVolunteerRef], resolve: (s) => s.ranked }),
    excluded: t.field({ type: [ExcludedVolunteerRef], resolve: (s) => s.excluded }),
    excludedCount: t.int({
      description: "How many are excluded: what a screen that lists them only on request shows first.",
      resolve: (s) => s.excluded.length,
    }),
  }),
});

// ---------------------------------------------------------------------------
// matchFamily, endMatch
// ---------------------------------------------------------------------------

interface MatchStarted {
  match: Match & { family: { locationId: string } };
  kind: MatchStartKind;
  notices: NoticeOutcome[];
}

const MatchStartedRef = builder.objectRef<MatchStarted>("MatchStarted").implement({
  fields: (t) => ({
    match: t.field({ type: MatchRef, resolve: (r) => r.match }),
    kind: t.exposeString("kind", { description: "START (support starts, the family becomes ACTIVE) or REMATCH (a new volunteer)." }),
    referrerNotices: t.field({
      type: [NoticeOutcomeRef],
      description: "Referrer notices this start made due: queued, or not with the reasons (seed 004).",
      resolve: (r) => r.notices,
    }),
  }),
});

const MatchFamilyInput = builder.inputType("MatchFamilyInput", {
  fields: (t) => ({
    familyId: t.id(),
    volunteerId: t.id(),
    startOn: t.field({ type: "Date" }),
    version: t.int({ description: "The family's version the coordinator saw." }),
  }),
});

const READINESS_CODES = new Set([
  "VOLUNTEER_NOT_ACTIVE",
  "TRAINING_NOT_COMPLETED",
  "TRAINING_EXPIRED",
  "VOG_MISSING",
  "VOG_TOO_OLD",
  "VOLUNTEER_AT_CAPACITY",
]);
const START_CODES = new Set(["START_BEFORE_REGISTRATION", "REMATCH_BEFORE_PREVIOUS_END"]);

/** The input field a refusal is about, for the form. */
function fieldOf(reasons: Reason[]): string {
  const code = reasons[0]?.code ?? "";
  if (READINESS_CODES.has(code)) return "volunteerId";
  if (START_CODES.has(code)) return "startOn";
  return "familyId";
}

builder.mutationField("matchFamily", (t) =>
  t.field({
    type: MatchStartedRef,
    authScopes: { coordinator: true },
    description:
      "Matches a volunteer to a family. A family waiting for a match becomes ACTIVE (and the START notice to the referrer is queued as far as consent allows); an ACTIVE family whose match has ended gets a new volunteer. Refused with CONFLICT when the family changed since `version`.",
    args: { input: t.arg({ type: MatchFamilyInput }) },
    errors: refusable("MatchFamily", "outcome"),
    resolve: async (_root, { input }, ctx) => {
      const familyId = requireId("familyId", input.familyId, "Family");
      const volunteerId = requireId("volunteerId", input.volunteerId, "Volunteer");
      const startOn = plausibleDate("startOn", input.startOn, { maxYearsAhead: 1 });
      const before = await ctx.prisma.family.findFirst({
        where: { id: familyId, locationId: { in: familyLocationScope(ctx) } },
        select: {
          version: true,
          municipalityId: true,
          locationId: true,
          children: { select: { id: true, bornOn: true, expectedOn: true } },
        },
      });
      if (!before) throw notFound(FAMILY_NOT_FOUND, "familyId");
      if (before.version !== input.version) throw conflict();
      // Judged exactly as Family.eligibility does, on the start date. Reference data, read before the
      // transaction; the children are covered by the version check inside it.
      const eligibility = await judgeFamilyEligibility(ctx, before, startOn);
      const now = new Date();

      const started = await writeAudited(ctx, async (tx) => {
        // Row lock, so concurrent changes of one family wait for each other (a double-clicked "match"); not anonymised.
        await lockFamilyForChange(tx, ctx, familyId);
        const family = await tx.family.findUniqueOrThrow({
          where: { id: familyId },
          select: {
            status: true,
            version: true,
            registeredOn: true,
            locationId: true,
            consents: { orderBy: { at: "asc" }, select: { type: true, action: true, at: true, textVersion: true } },
            matches: { select: { startOn: true, endOn: true } },
          },
        });
        if (family.version !== input.version) throw conflict();
        // The volunteer's row too, so two families cannot both take a volunteer's last place.
        const locked = await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id FROM "Volunteer" WHERE id = ${volunteerId} AND "locationId" = ${family.locationId} FOR UPDATE`;
        if (locked.length === 0) throw notFound(VOLUNTEER_NOT_FOUND, "volunteerId");
        const volunteer = await tx.volunteer.findUniqueOrThrow({
          where: { id: volunteerId },
          select: {
            id: true,
            status: true,
            trainingCompletedOn: true,
            vogIssuedOn: true,
            maxFamilies: true,
            matches: { select: { startOn: true, endOn: true } },
          },
        });
        const check = checkMatchStart({
          familyStatus: family.status,
          matches: family.matches.map((m) => ({ startOn: isoDate(m.startOn), endOn: isoDateOrNull(m.endOn) })),
          consents: family.consents.map((c) => ({ type: c.type, action: c.action, at: c.at.toISOString(), textVersion: c.textVersion })),
          now: now.toISOString(),
          eligibility,
          volunteer: toVolunteerForReadiness(volunteer, startOn),
          registeredOn: isoDate(family.registeredOn),
          startOn,
        });
        if (!check.ok) throw Refusal.fromReasons(check.reasons, fieldOf(check.reasons));
        const match = await tx.match.create({
          data: { familyId, volunteerId, startOn: dbDate(startOn) },
          include: { family: { select: { locationId: true } } },
        });
        expectUpdated(
          await tx.family.updateMany({
            where: { id: familyId, version: input.version },
            data: { status: "ACTIVE", version: { increment: 1 } },
          }),
        );
        const notices = await queueDueReferrerNotices(tx, ctx, familyId, now);
        return {
          result: { match, kind: check.value.kind, notices },
          audit: {
            action: check.value.kind === "START" ? "family.match" : "family.rematch",
            entityType: "Family",
            entityId: familyId,
            detail: {
              matchId: match.id,
              volunteerId,
              from: family.status,
              to: "ACTIVE",
              noticesQueued: notices.filter((n) => n.queued).map((n) => n.kind),
            },
          },
        };
      });
      deliverReferrerNoticesSoon(ctx);
      return started;
    },
  }),
);

const EndMatchInput = builder.inputType("EndMatchInput", {
  fields: (t) => ({
    matchId: t.id(),
    endOn: t.field({ type: "Date" }),
    endReason: t.string({ description: "Why the volunteer stops (short; no personal details)." }),
    version: t.int({ description: "The family's version the coordinator saw." }),
  }),
});

builder.mutationField("endMatch", (t) =>
  t.field({
    type: MatchRef,
    authScopes: { coordinator: true },
    description:
      "Ends a match while the family's support goes on (it stays ACTIVE), e.g. when the volunteer stops; then match a new volunteer with matchFamily. To end the support itself, close the family.",
    args: { input: t.arg({ type: EndMatchInput }) },
    errors: refusable("EndMatch", "match"),
    resolve: async (_root, { input }, ctx) => {
      const matchId = requireId("matchId", input.matchId, "Match");
      const endOn = plausibleDate("endOn", input.endOn);
      const endReason = requiredText("endReason", input.endReason, { max: LIMITS.short });
      return writeAudited(ctx, async (tx) => {
        const found = await tx.match.findFirst({
          where: { id: matchId, family: { locationId: { in: familyLocationScope(ctx) } } },
          select: { familyId: true },
        });
        if (!found) throw notFound(MATCH_NOT_FOUND, "matchId");
        await lockFamilyForChange(tx, ctx, found.familyId, "matchId");
        const match = await tx.match.findUniqueOrThrow({
          where: { id: matchId },
          select: {
            startOn: true,
            endOn: true,
            volunteerId: true,
            family: { select: { status: true, version: true } },
            visits: { orderBy: { visitedOn: "desc" }, take: 1, select: { visitedOn: true } },
          },
        });
        if (match.family.version !== input.version) throw conflict();
        const check = checkMatchEnd({
          familyStatus: match.family.status,
          match: { startOn: isoDate(match.startOn), endOn: isoDateOrNull(match.endOn) },
          endOn,
          today: todayInNetherlands(),
          lastVisitOn: isoDateOrNull(match.visits[0]?.visitedOn),
        });
        if (!check.ok) throw Refusal.fromReasons(check.reasons, "endOn");
        const updated = await tx.match.update({
          where: { id: matchId },
          data: { endOn: dbDate(endOn), endReason },
          include: { family: { select: { locationId: true } } },
        });
        expectUpdated(
          await tx.family.updateMany({ where: { id: found.familyId, version: input.version }, data: { version: { increment: 1 } } }),
        );
        return {
          result: updated,
          audit: {
            action: "family.endMatch",
            entityType: "Family",
            entityId: found.familyId,
            detail: { matchId, volunteerId: match.volunteerId },
          },
        };
      });
    },
  }),
);
