// Quality reviews (visitaties): every location at least once in three years (seed 002). Due dates,
// status and the planner come from packages/domain (nextVisitatieDue, visitatieStatus,
// planVisitaties); recording from visitatie-records. National staff manage them; a municipal
// officer sees the status and dates for the locations serving their municipality; a coordinator
// sees their own location's status.
import { type Location, QualityReviewOutcome, QualityReviewStatus } from "@homestart/db";
import {
  addMonths,
  checkAddImprovementAction,
  checkCompleteImprovementAction,
  checkPlanVisitatie,
  checkRecordOutcome,
  checkReviewStillPlanned,
  compareDutch,
  compareText,
  dutchPublicHolidaysBetween,
  type IsoDate,
  improvementActionOverdue,
  type LocationForVisitatie,
  monthKey,
  type NotPlanned,
  planVisitaties,
  type VisitatieProposal,
  type VisitatieState,
  visitatieStatus,
} from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { dbDate, dbDateOrNull, isoDate, isoDateOrNull, todayInNetherlands } from "../mappers.ts";
import { expectUpdated, notFound, type Tx, writeAudited } from "../mutations.ts";
import { cachedRead } from "../read-cache.ts";
import { LIMITS, optionalText, plausibleDate, requiredText, requireId } from "../validate.ts";
import { ReasonRef } from "./errors.ts";
import { LicenceStatusEnum } from "./licences.ts";
import { LocationRef } from "./locations.ts";
import { MunicipalityRef } from "./municipalities.ts";
import { refusable } from "./mutation-result.ts";

const NATIONAL = { nationalStaff: true } as const;

export const QualityReviewStatusEnum = builder.enumType(QualityReviewStatus, { name: "QualityReviewStatus" });
export const QualityReviewOutcomeEnum = builder.enumType(QualityReviewOutcome, { name: "QualityReviewOutcome" });

/** What the visitatie rules need of a location, selected in the same query as the location. */
const visitatieSelect = {
  id: true,
  startedOn: true,
  closedOn: true,
  qualityReviews: { select: { id: true, status: true, plannedOn: true, performedOn: true } },
  licences: { select: { validFrom: true } },
} as const;

interface VisitatieRow {
  id: string;
  startedOn: Date;
  closedOn: Date | null;
  qualityReviews: Array<{ id: string; status: QualityReviewStatus; plannedOn: Date | null; performedOn: Date | null }>;
  licences: Array<{ validFrom: Date | null }>;
}

function toVisitatieLocation(row: VisitatieRow): LocationForVisitatie {
  const starts = row.licences.flatMap((l) => (l.validFrom ? [isoDate(l.validFrom)] : [])).sort();
  return {
    id: row.id,
    startedOn: isoDate(row.startedOn),
    closedOn: isoDateOrNull(row.closedOn),
    licenceStartOn: starts[0] ?? null,
    reviews: row.qualityReviews.map((r) => ({
      id: r.id,
      status: r.status,
      plannedOn: isoDateOrNull(r.plannedOn),
      performedOn: isoDateOrNull(r.performedOn),
    })),
  };
}

const VisitatieStateRef = builder.objectRef<VisitatieState>("VisitatieState").implement({
  description:
    "Where a location stands with its quality reviews: due date (3 years), status and reasons (packages/domain visitatieStatus).",
  fields: (t) => ({
    status: t.exposeString("status", { description: "OVERDUE, PLANNED, DUE_SOON, OK or CLOSED." }),
    dueOn: t.field({ type: "Date", resolve: (s) => s.dueOn }),
    basis: t.exposeString("basis", { description: "LAST_REVIEW, LICENCE_START or LOCATION_START." }),
    lastPerformedOn: t.field({ type: "Date", nullable: true, resolve: (s) => s.lastPerformedOn }),
    plannedOn: t.field({ type: "Date", nullable: true, resolve: (s) => s.plannedOn }),
    reasons: t.field({ type: [ReasonRef], resolve: (s) => s.reasons }),
  }),
});

/** National staff, or a coordinator of this very location. */
const nationalOrOwnCoordinator = (location: { id: string }, ctx: Context) =>
  ctx.viewer?.role === "NATIONAL_STAFF" || (ctx.viewer?.role === "COORDINATOR" && ctx.viewer.locationIds.includes(location.id));

interface ReviewerName {
  userId: string;
  name: string;
}
const ReviewerRef = builder.objectRef<ReviewerName>("Reviewer").implement({
  description: "A national staff member who performs visitaties.",
  fields: (t) => ({
    id: t.id({ description: "The user's global id, for planVisitatie.", resolve: (r) => encodeGlobalID("User", r.userId) }),
    name: t.exposeString("name"),
  }),
});

export const ImprovementActionRef = builder.prismaNode("ImprovementAction", {
  id: { field: "id" },
  authScopes: NATIONAL,
  fields: (t) => ({
    description: t.exposeString("description"),
    dueOn: t.expose("dueOn", { type: "Date" }),
    completedOn: t.expose("completedOn", { type: "Date", nullable: true }),
    overdue: t.boolean({
      description: "Not completed and past its due date (packages/domain improvementActionOverdue).",
      resolve: (a) =>
        improvementActionOverdue({ dueOn: isoDate(a.dueOn), completedOn: isoDateOrNull(a.completedOn) }, todayInNetherlands()),
    }),
    qualityReview: t.relation("qualityReview"),
  }),
});

export const QualityReviewRef = builder.prismaNode("QualityReview", {
  id: { field: "id" },
  authScopes: NATIONAL,
  description: "A visitatie of a location.",
  fields: (t) => ({
    location: t.relation("location", { type: LocationRef }),
    status: t.expose("status", { type: QualityReviewStatusEnum }),
    plannedOn: t.expose("plannedOn", { type: "Date", nullable: true }),
    performedOn: t.expose("performedOn", { type: "Date", nullable: true }),
    outcome: t.expose("outcome", { type: QualityReviewOutcomeEnum, nullable: true }),
    findings: t.exposeString("findings"),
    version: t.exposeInt("version", { description: "For optimistic concurrency: send it back with an edit." }),
    reviewers: t.field({
      type: [ReviewerRef],
      select: { reviewers: { select: { user: { select: { id: true, name: true } } } } },
      resolve: (r) => r.reviewers.map((x) => ({ userId: x.user.id, name: x.user.name })).sort((a, b) => compareDutch(a.name, b.name)),
    }),
    improvementActions: t.relation("improvementActions", {
      type: ImprovementActionRef,
      query: { orderBy: [{ dueOn: "asc" }, { id: "asc" }] },
    }),
  }),
});

builder.prismaObjectFields(LocationRef, (t) => ({
  qualityReviews: t.relation("qualityReviews", {
    type: QualityReviewRef,
    authScopes: NATIONAL,
    description: "Every visitatie of the location, newest first.",
    query: { orderBy: [{ performedOn: { sort: "desc", nulls: "first" } }, { plannedOn: { sort: "desc", nulls: "last" } }, { id: "asc" }] },
  }),
  visitatie: t.field({
    type: VisitatieStateRef,
    description: "Last and next visitatie and the status today (national staff; the location's own coordinators).",
    authScopes: (location, _args, ctx) => nationalOrOwnCoordinator(location, ctx),
    select: visitatieSelect,
    resolve: (location) => visitatieStatus(toVisitatieLocation(location), todayInNetherlands()),
  }),
  licenceStatus: t.field({
    type: LicenceSummaryRef,
    nullable: true,
    description: "The location's current licence (the running one, else the newest), status and dates only.",
    authScopes: (location, _args, ctx) => nationalOrOwnCoordinator(location, ctx),
    select: { licences: { select: { number: true, status: true, validFrom: true, validUntil: true, appliedOn: true, id: true } } },
    resolve: (location) => currentLicence(location.licences),
  }),
}));

interface LicenceSummary {
  number: string;
  status: "APPLIED" | "GRANTED" | "ACTIVE" | "SUSPENDED" | "EXPIRED" | "TERMINATED";
  validFrom: Date | null;
  validUntil: Date | null;
}
const LicenceSummaryRef = builder.objectRef<LicenceSummary>("LicenceSummary").implement({
  description: "A licence's status and period, without terms or fee.",
  fields: (t) => ({
    number: t.exposeString("number"),
    status: t.field({ type: LicenceStatusEnum, resolve: (l) => l.status }),
    validFrom: t.field({ type: "Date", nullable: true, resolve: (l) => l.validFrom }),
    validUntil: t.field({ type: "Date", nullable: true, resolve: (l) => l.validUntil }),
  }),
});

const RUNNING = ["ACTIVE", "SUSPENDED"];
function currentLicence<L extends LicenceSummary & { appliedOn: Date; id: string }>(licences: readonly L[]): L | null {
  const sorted = [...licences].sort(
    (a, b) =>
      Number(RUNNING.includes(b.status)) - Number(RUNNING.includes(a.status)) ||
      b.appliedOn.getTime() - a.appliedOn.getTime() ||
      compareText(a.id, b.id),
  );
  return sorted[0] ?? null;
}

// ---------------------------------------------------------------------------
// The municipal officer's view: the locations serving their municipality, status and dates only.
// ---------------------------------------------------------------------------

interface ServingLocation {
  name: string;
  city: string;
  servedFrom: Date;
  licence: LicenceSummary | null;
  visitatie: VisitatieState;
}

const ServingLocationRef = builder.objectRef<ServingLocation>("ServingLocation").implement({
  description: "A location serving the municipality: its licence status and visitatie dates.",
  fields: (t) => ({
    name: t.exposeString("name"),
    city: t.exposeString("city"),
    servedFrom: t.field({ type: "Date", resolve: (s) => s.servedFrom }),
    licence: t.field({ type: LicenceSummaryRef, nullable: true, resolve: (s) => s.licence }),
    visitatieStatus: t.string({ resolve: (s) => s.visitatie.status }),
    lastVisitatieOn: t.field({ type: "Date", nullable: true, resolve: (s) => s.visitatie.lastPerformedOn }),
    nextVisitatieDueOn: t.field({ type: "Date", resolve: (s) => s.visitatie.dueOn }),
    plannedVisitatieOn: t.field({ type: "Date", nullable: true, resolve: (s) => s.visitatie.plannedOn }),
  }),
});

builder.prismaObjectField(MunicipalityRef, "servingLocations", (t) =>
  t.field({
    type: [ServingLocationRef],
    nullable: true,
    authScopes: { nationalStaff: true, municipalOfficer: true },
    description:
      "Locations serving this municipality today, with licence and visitatie status. Officers: their own municipalities only (else null).",
    select: {
      locations: {
        select: {
          servedFrom: true,
          servedUntil: true,
          location: {
            select: {
              ...visitatieSelect,
              name: true,
              city: true,
              licences: {
                select: {
                  id: true,
                  number: true,
                  status: true,
                  appliedOn: true,
                  validFrom: true,
                  validUntil: true,
                  municipalities: { select: { municipalityId: true } },
                },
              },
            },
          },
        },
      },
    },
    resolve: (m, _args, ctx) => {
      if (ctx.viewer?.role === "MUNICIPAL_OFFICER" && !ctx.viewer.municipalityIds.includes(m.id)) return null;
      const today = todayInNetherlands();
      return m.locations
        .filter((p) => isoDate(p.servedFrom) <= today && (p.servedUntil === null || isoDate(p.servedUntil) >= today))
        .map((p) => ({
          name: p.location.name,
          city: p.location.city,
          servedFrom: p.servedFrom,
          licence: currentLicence(p.location.licences.filter((l) => l.municipalities.some((x) => x.municipalityId === m.id))),
          visitatie: visitatieStatus(toVisitatieLocation(p.location), today),
        }))
        .sort((a, b) => compareDutch(a.name, b.name));
    },
  }),
);

// ---------------------------------------------------------------------------
// The planner: months across, locations down.
// ---------------------------------------------------------------------------

interface PlannerRow {
  location: Location;
  state: VisitatieState;
  proposal: VisitatieProposal | null;
  notPlanned: NotPlanned | null;
}

interface Planner {
  from: IsoDate;
  months: string[];
  capacityPerMonth: number;
  rows: PlannerRow[];
  reviewers: ReviewerName[];
}

const ProposalRef = builder.objectRef<VisitatieProposal>("VisitatieProposal").implement({
  fields: (t) => ({
    proposedOn: t.field({ type: "Date", resolve: (p) => p.proposedOn }),
    month: t.string({ description: "YYYY-MM, the planner column.", resolve: (p) => monthKey(p.proposedOn) }),
    dueOn: t.field({ type: "Date", resolve: (p) => p.dueOn }),
    overdue: t.exposeBoolean("overdue"),
    daysLate: t.exposeInt("daysLate"),
  }),
});

const NotPlannedRef = builder.objectRef<NotPlanned>("VisitatieNotPlanned").implement({
  fields: (t) => ({
    code: t.exposeString("code"),
    reason: t.field({ type: ReasonRef, resolve: (n) => n.reason }),
  }),
});

const PlannerRowRef = builder.objectRef<PlannerRow>("VisitatiePlannerRow").implement({
  fields: (t) => ({
    location: t.field({ type: LocationRef, resolve: (r) => r.location }),
    state: t.field({ type: VisitatieStateRef, resolve: (r) => r.state }),
    dueMonth: t.string({ description: "YYYY-MM of the due date.", resolve: (r) => monthKey(r.state.dueOn) }),
    plannedMonth: t.string({ nullable: true, resolve: (r) => (r.state.plannedOn ? monthKey(r.state.plannedOn) : null) }),
    proposal: t.field({ type: ProposalRef, nullable: true, resolve: (r) => r.proposal }),
    notPlanned: t.field({ type: NotPlannedRef, nullable: true, resolve: (r) => r.notPlanned }),
  }),
});

const PlannerRef = builder.objectRef<Planner>("VisitatiePlanner").implement({
  description:
    "Every location's due date and status, and a proposal within the reviewers' monthly capacity (packages/domain planVisitaties).",
  fields: (t) => ({
    from: t.field({ type: "Date", resolve: (p) => p.from }),
    months: t.exposeStringList("months", { description: "The columns, YYYY-MM." }),
    capacityPerMonth: t.exposeInt("capacityPerMonth"),
    rows: t.field({ type: [PlannerRowRef], description: "One per location, soonest due first.", resolve: (p) => p.rows }),
    reviewers: t.field({
      type: [ReviewerRef],
      description: "Active national staff who can be planned as reviewers.",
      resolve: (p) => p.reviewers,
    }),
  }),
});

/**
 * Every location with what the visitatie rules read (reviews, first licence start), in one
 * statement straight to the driver: the planner loads all locations on every request, and
 * through Prisma mapping them cost several times the SQL (issue 7). The location itself comes
 * back as the Location row the GraphQL type expects.
 */
async function loadPlannerLocations(ctx: Context): Promise<Array<{ location: Location; forVisitatie: LocationForVisitatie }>> {
  const rows = await ctx.db.query<{
    id: string;
    organisationId: string;
    name: string;
    city: string;
    phone: string | null;
    email: string | null;
    startedOn: IsoDate;
    closedOn: IsoDate | null;
    createdAt: Date;
    updatedAt: Date;
    version: number;
    reviews: LocationForVisitatie["reviews"];
    licenceStartOn: IsoDate | null;
  }>(
    `SELECT l."id", l."organisationId", l."name", l."city", l."phone", l."email",
       to_char(l."startedOn", 'YYYY-MM-DD') AS "startedOn", to_char(l."closedOn", 'YYYY-MM-DD') AS "closedOn",
       l."createdAt" AT TIME ZONE 'UTC' AS "createdAt", l."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt", l."version",
       coalesce((SELECT json_agg(json_build_object('id', q."id", 'status', q."status", 'plannedOn', to_char(q."plannedOn", 'YYYY-MM-DD'),
                  'performedOn', to_char(q."performedOn", 'YYYY-MM-DD')) ORDER BY q."id")
                 FROM "QualityReview" q WHERE q."locationId" = l."id"), '[]') AS "reviews",
       (SELECT to_char(min(c."validFrom"), 'YYYY-MM-DD') FROM "Licence" c WHERE c."locationId" = l."id") AS "licenceStartOn"
     FROM "Location" l ORDER BY l."id"`,
  );
  return rows.map(({ reviews, licenceStartOn, ...l }) => ({
    location: { ...l, startedOn: dbDate(l.startedOn), closedOn: dbDateOrNull(l.closedOn) },
    forVisitatie: { id: l.id, startedOn: l.startedOn, closedOn: l.closedOn, licenceStartOn, reviews },
  }));
}

builder.queryField("visitatiePlanner", (t) =>
  t.field({
    type: PlannerRef,
    authScopes: NATIONAL,
    args: {
      from: t.arg({ type: "Date", required: false, description: "Today when left out." }),
      months: t.arg.int({ required: false, description: "1–36; default 12." }),
      reviewerCapacityPerMonth: t.arg.int({ required: false, description: "0–100; default 4." }),
    },
    resolve: async (_root, args, ctx) => {
      const from = (args.from ?? todayInNetherlands()) as IsoDate;
      const months = Math.max(1, Math.min(args.months ?? 12, 36));
      const capacityPerMonth = Math.max(0, Math.min(args.reviewerCapacityPerMonth ?? 4, 100));
      // National staff open the planner often and its data changes seldom: kept per revision
      // (read-cache.ts), it costs a request no statement besides the session (which reads its revision).
      return cachedRead(ctx, "visitatie_planner", `${from}|${months}|${capacityPerMonth}`, () =>
        planner(ctx, from, months, capacityPerMonth),
      );
    },
  }),
);

/** The planner's answer: every location's state and the proposal (packages/domain planVisitaties). */
async function planner(ctx: Context, from: IsoDate, months: number, capacityPerMonth: number) {
  const [loaded, reviewers] = await Promise.all([loadPlannerLocations(ctx), loadReviewers(ctx)]);
  const locations = loaded.map((l) => l.location);
  const inputs = loaded.map((l) => l.forVisitatie);
  // Review dates fall on working days: the Dutch public holidays of the horizon's years are skipped.
  const holidays = dutchPublicHolidaysBetween(from, addMonths(from, months + 1));
  const plan = planVisitaties({ locations: inputs, from, horizonMonths: months, capacityPerMonth, holidays });
  const rows = locations
    .map((location, i) => ({
      location,
      state: visitatieStatus(inputs[i]!, from),
      proposal: plan.proposals.find((p) => p.locationId === location.id) ?? null,
      notPlanned: plan.notPlanned.find((n) => n.locationId === location.id) ?? null,
    }))
    .sort((a, b) => compareText(a.state.dueOn, b.state.dueOn) || compareDutch(a.location.name, b.location.name));
  const columns = Array.from({ length: months }, (_, i) => {
    const [y, m] = from.split("-").map(Number) as [number, number];
    const index = y * 12 + (m - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
  return {
    from,
    months: columns,
    capacityPerMonth,
    rows,
    reviewers,
  };
}

/** Active national staff, who can be planned as reviewers; by name. */
async function loadReviewers(ctx: Context): Promise<ReviewerName[]> {
  const rows = await ctx.db.query<{ id: string; name: string }>(
    `SELECT u."id", u."name" FROM "User" u WHERE u."role" = 'NATIONAL_STAFF' AND u."active" ORDER BY u."name", u."id"`,
  );
  return rows.map((r) => ({ userId: r.id, name: r.name }));
}

builder.queryField("visitatieReviewers", (t) =>
  t.field({
    type: [ReviewerRef],
    authScopes: NATIONAL,
    description: "Active national staff who can be planned as reviewers (the same list as visitatiePlanner's, without the planning).",
    resolve: (_root, _args, ctx) => loadReviewers(ctx),
  }),
);

builder.queryField("overdueImprovementActions", (t) =>
  t.prismaConnection({
    type: ImprovementActionRef,
    cursor: "id",
    authScopes: NATIONAL,
    description: "Open improvement actions past their due date, oldest first.",
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.improvementAction.findMany({
        ...query,
        // The same condition as improvementActionOverdue, as a query: not completed, due before today.
        where: { completedOn: null, dueOn: { lt: dbDate(todayInNetherlands()) } },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      }),
  }),
);

// ---------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------

async function validReviewers(tx: Tx, globalIds: ReadonlyArray<string | number>): Promise<string[]> {
  if (globalIds.length > 5) throw invalidInput("reviewerIds", "Kies hoogstens vijf visitatoren.", "Choose at most five reviewers.");
  const ids = [...new Set(globalIds.map((g, i) => requireId(`reviewerIds.${i}`, g, "User")))];
  const found = await tx.user.findMany({ where: { id: { in: ids }, role: "NATIONAL_STAFF", active: true }, select: { id: true } });
  const foundIds = new Set(found.map((f) => f.id));
  const index = ids.findIndex((id) => !foundIds.has(id));
  if (index >= 0) throw notFound({ nl: "Visitator niet gevonden.", en: "Reviewer not found." }, `reviewerIds.${index}`);
  return ids;
}

const PLAN_FIELD: Record<string, string> = { REVIEWER_REQUIRED: "reviewerIds" };

const PlanVisitatieInput = builder.inputType("PlanVisitatieInput", {
  fields: (t) => ({
    locationId: t.id(),
    plannedOn: t.field({ type: "Date" }),
    reviewerIds: t.idList({ description: "Users (national staff) who perform the review." }),
  }),
});

builder.mutationField("planVisitatie", (t) =>
  t.field({
    type: QualityReviewRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: PlanVisitatieInput }) },
    errors: refusable("PlanVisitatie", "qualityReview"),
    resolve: async (_root, { input }, ctx) => {
      const locationId = requireId("locationId", input.locationId, "Location");
      const plannedOn = plausibleDate("plannedOn", input.plannedOn, { maxYearsAhead: 3 });
      return writeAudited(ctx, async (tx) => {
        const location = await tx.location.findUnique({
          where: { id: locationId },
          include: { qualityReviews: { where: { status: "PLANNED" }, select: { plannedOn: true } } },
        });
        if (!location) throw notFound(undefined, "locationId");
        const reviewerIds = await validReviewers(tx, input.reviewerIds);
        const check = checkPlanVisitatie({
          plannedOn,
          today: todayInNetherlands(),
          locationClosedOn: isoDateOrNull(location.closedOn),
          otherPlannedOn: location.qualityReviews.flatMap((r) => (r.plannedOn ? [isoDate(r.plannedOn)] : [])),
          reviewerCount: reviewerIds.length,
        });
        if (!check.ok) throw Refusal.fromReasons(check.reasons, PLAN_FIELD[check.reasons[0]?.code ?? ""] ?? "plannedOn");
        const created = await tx.qualityReview.create({
          data: { locationId, plannedOn: dbDate(plannedOn), reviewers: { create: reviewerIds.map((userId) => ({ userId })) } },
        });
        return {
          result: created,
          audit: {
            action: "visitatie.plan",
            entityType: "QualityReview",
            entityId: created.id,
            detail: { locationId, plannedOn, reviewerIds },
          },
        };
      });
    },
  }),
);

/** A review by its global id, with its location's closing date and the location's other planned reviews. */
async function loadReview(tx: Tx, globalId: string | number) {
  const id = requireId("reviewId", globalId, "QualityReview");
  const review = await tx.qualityReview.findUnique({
    where: { id },
    include: {
      reviewers: { select: { userId: true } },
      location: {
        select: { closedOn: true, qualityReviews: { where: { status: "PLANNED", id: { not: id } }, select: { plannedOn: true } } },
      },
    },
  });
  if (!review) throw notFound(undefined, "reviewId");
  return review;
}

const RescheduleVisitatieInput = builder.inputType("RescheduleVisitatieInput", {
  fields: (t) => ({
    reviewId: t.id(),
    version: t.int(),
    plannedOn: t.field({ type: "Date" }),
    reviewerIds: t.idList({ required: false, description: "Replaces the reviewers when given." }),
  }),
});

builder.mutationField("rescheduleVisitatie", (t) =>
  t.field({
    type: QualityReviewRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: RescheduleVisitatieInput }) },
    errors: refusable("RescheduleVisitatie", "qualityReview"),
    resolve: async (_root, { input }, ctx) => {
      const plannedOn = plausibleDate("plannedOn", input.plannedOn, { maxYearsAhead: 3 });
      return writeAudited(ctx, async (tx) => {
        const review = await loadReview(tx, input.reviewId);
        const still = checkReviewStillPlanned({ status: review.status, plannedOn: isoDateOrNull(review.plannedOn) });
        if (!still.ok) throw Refusal.fromReasons(still.reasons, "reviewId");
        const reviewerIds = input.reviewerIds ? await validReviewers(tx, input.reviewerIds) : review.reviewers.map((r) => r.userId);
        const check = checkPlanVisitatie({
          plannedOn,
          today: todayInNetherlands(),
          locationClosedOn: isoDateOrNull(review.location.closedOn),
          otherPlannedOn: review.location.qualityReviews.flatMap((r) => (r.plannedOn ? [isoDate(r.plannedOn)] : [])),
          reviewerCount: reviewerIds.length,
        });
        if (!check.ok) throw Refusal.fromReasons(check.reasons, PLAN_FIELD[check.reasons[0]?.code ?? ""] ?? "plannedOn");
        expectUpdated(
          await tx.qualityReview.updateMany({
            where: { id: review.id, version: input.version },
            data: { plannedOn: dbDate(plannedOn), version: { increment: 1 } },
          }),
        );
        if (input.reviewerIds) {
          await tx.qualityReviewReviewer.deleteMany({ where: { qualityReviewId: review.id } });
          await tx.qualityReviewReviewer.createMany({ data: reviewerIds.map((userId) => ({ qualityReviewId: review.id, userId })) });
        }
        const updated = await tx.qualityReview.findUniqueOrThrow({ where: { id: review.id } });
        return {
          result: updated,
          audit: { action: "visitatie.reschedule", entityType: "QualityReview", entityId: review.id, detail: { plannedOn, reviewerIds } },
        };
      });
    },
  }),
);

const CancelVisitatieInput = builder.inputType("CancelVisitatieInput", {
  fields: (t) => ({ reviewId: t.id(), version: t.int() }),
});

builder.mutationField("cancelVisitatie", (t) =>
  t.field({
    type: QualityReviewRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: CancelVisitatieInput }) },
    errors: refusable("CancelVisitatie", "qualityReview"),
    resolve: (_root, { input }, ctx) =>
      writeAudited(ctx, async (tx) => {
        const review = await loadReview(tx, input.reviewId);
        const still = checkReviewStillPlanned({ status: review.status, plannedOn: isoDateOrNull(review.plannedOn) });
        if (!still.ok) throw Refusal.fromReasons(still.reasons, "reviewId");
        expectUpdated(
          await tx.qualityReview.updateMany({
            where: { id: review.id, version: input.version },
            data: { status: "CANCELLED", version: { increment: 1 } },
          }),
        );
        const updated = await tx.qualityReview.findUniqueOrThrow({ where: { id: review.id } });
        return { result: updated, audit: { action: "visitatie.cancel", entityType: "QualityReview", entityId: review.id } };
      }),
  }),
);

const RecordVisitatieOutcomeInput = builder.inputType("RecordVisitatieOutcomeInput", {
  fields: (t) => ({
    reviewId: t.id(),
    version: t.int(),
    performedOn: t.field({ type: "Date" }),
    outcome: t.field({ type: QualityReviewOutcomeEnum }),
    findings: t.string({ required: false }),
  }),
});

builder.mutationField("recordVisitatieOutcome", (t) =>
  t.field({
    type: QualityReviewRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: RecordVisitatieOutcomeInput }) },
    errors: refusable("RecordVisitatieOutcome", "qualityReview"),
    resolve: async (_root, { input }, ctx) => {
      const performedOn = plausibleDate("performedOn", input.performedOn);
      const findings = optionalText("findings", input.findings, { max: LIMITS.note, multiline: true }) ?? "";
      return writeAudited(ctx, async (tx) => {
        const review = await loadReview(tx, input.reviewId);
        const check = checkRecordOutcome(
          { status: review.status, plannedOn: isoDateOrNull(review.plannedOn) },
          { performedOn, outcome: input.outcome, findings, today: todayInNetherlands() },
        );
        if (!check.ok) {
          const code = check.reasons[0]?.code ?? "";
          throw Refusal.fromReasons(
            check.reasons,
            code === "FINDINGS_REQUIRED" ? "findings" : code === "PERFORMED_IN_FUTURE" ? "performedOn" : "reviewId",
          );
        }
        expectUpdated(
          await tx.qualityReview.updateMany({
            where: { id: review.id, version: input.version },
            data: { status: "PERFORMED", performedOn: dbDate(performedOn), outcome: input.outcome, findings, version: { increment: 1 } },
          }),
        );
        const updated = await tx.qualityReview.findUniqueOrThrow({ where: { id: review.id } });
        return {
          result: updated,
          audit: {
            action: "visitatie.outcome",
            entityType: "QualityReview",
            entityId: review.id,
            detail: { outcome: input.outcome, performedOn },
          },
        };
      });
    },
  }),
);

const AddImprovementActionInput = builder.inputType("AddImprovementActionInput", {
  fields: (t) => ({ reviewId: t.id(), description: t.string(), dueOn: t.field({ type: "Date" }) }),
});

builder.mutationField("addImprovementAction", (t) =>
  t.field({
    type: ImprovementActionRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: AddImprovementActionInput }) },
    errors: refusable("AddImprovementAction", "improvementAction"),
    resolve: async (_root, { input }, ctx) => {
      const description = requiredText("description", input.description, { max: LIMITS.note, multiline: true });
      const dueOn = plausibleDate("dueOn", input.dueOn, { maxYearsAhead: 3 });
      return writeAudited(ctx, async (tx) => {
        const review = await loadReview(tx, input.reviewId);
        const check = checkAddImprovementAction(
          { status: review.status, plannedOn: isoDateOrNull(review.plannedOn), performedOn: isoDateOrNull(review.performedOn) },
          dueOn,
        );
        if (!check.ok) throw Refusal.fromReasons(check.reasons, check.reasons[0]?.code === "DUE_BEFORE_REVIEW" ? "dueOn" : "reviewId");
        const created = await tx.improvementAction.create({ data: { qualityReviewId: review.id, description, dueOn: dbDate(dueOn) } });
        return {
          result: created,
          audit: {
            action: "improvementAction.add",
            entityType: "ImprovementAction",
            entityId: created.id,
            detail: { reviewId: review.id, dueOn },
          },
        };
      });
    },
  }),
);

const CompleteImprovementActionInput = builder.inputType("CompleteImprovementActionInput", {
  fields: (t) => ({ actionId: t.id(), completedOn: t.field({ type: "Date", required: false, description: "Today when left out." }) }),
});

builder.mutationField("completeImprovementAction", (t) =>
  t.field({
    type: ImprovementActionRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: CompleteImprovementActionInput }) },
    errors: refusable("CompleteImprovementAction", "improvementAction"),
    resolve: async (_root, { input }, ctx) => {
      const id = requireId("actionId", input.actionId, "ImprovementAction");
      const today = todayInNetherlands();
      const completedOn = input.completedOn ? plausibleDate("completedOn", input.completedOn, { notInFuture: true }) : today;
      return writeAudited(ctx, async (tx) => {
        const action = await tx.improvementAction.findUnique({
          where: { id },
          include: { qualityReview: { select: { performedOn: true } } },
        });
        if (!action) throw notFound(undefined, "actionId");
        const check = checkCompleteImprovementAction(
          { dueOn: isoDate(action.dueOn), completedOn: isoDateOrNull(action.completedOn) },
          isoDateOrNull(action.qualityReview.performedOn),
          completedOn,
          today,
        );
        if (!check.ok)
          throw Refusal.fromReasons(check.reasons, check.reasons[0]?.code === "ALREADY_COMPLETED" ? "actionId" : "completedOn");
        // Only an open action is completed: a concurrent completion leaves nothing to update.
        expectUpdated(
          await tx.improvementAction.updateMany({ where: { id, completedOn: null }, data: { completedOn: dbDate(completedOn) } }),
        );
        const updated = await tx.improvementAction.findUniqueOrThrow({ where: { id } });
        return {
          result: updated,
          audit: { action: "improvementAction.complete", entityType: "ImprovementAction", entityId: id, detail: { completedOn } },
        };
      });
    },
  }),
);
