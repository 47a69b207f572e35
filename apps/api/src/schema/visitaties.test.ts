import { addDays } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { todayInNetherlands } from "../mappers.ts";
import { DEMO_EMAIL, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, loggedIn } = useSeededApi();
const prisma = () => getDb().prisma;
const today = todayInNetherlands();
const REFUSAL = "... on Refusal { code field reasons { code } }";
const REVIEW_FIELDS =
  "id status version plannedOn performedOn outcome findings reviewers { name } improvementActions { description overdue }";

const PLAN = `mutation ($input: PlanVisitatieInput!) { planVisitatie(input: $input) { __typename
  ... on PlanVisitatieSuccess { qualityReview { ${REVIEW_FIELDS} location { visitatie { status plannedOn } } } } ${REFUSAL} } }`;
const RESCHEDULE = `mutation ($input: RescheduleVisitatieInput!) { rescheduleVisitatie(input: $input) { __typename
  ... on RescheduleVisitatieSuccess { qualityReview { ${REVIEW_FIELDS} } } ${REFUSAL} } }`;
const CANCEL = `mutation ($input: CancelVisitatieInput!) { cancelVisitatie(input: $input) { __typename
  ... on CancelVisitatieSuccess { qualityReview { status version } } ${REFUSAL} } }`;
const OUTCOME = `mutation ($input: RecordVisitatieOutcomeInput!) { recordVisitatieOutcome(input: $input) { __typename
  ... on RecordVisitatieOutcomeSuccess { qualityReview { ${REVIEW_FIELDS} } } ${REFUSAL} } }`;
const ADD_ACTION = `mutation ($input: AddImprovementActionInput!) { addImprovementAction(input: $input) { __typename
  ... on AddImprovementActionSuccess { improvementAction { id dueOn overdue } } ${REFUSAL} } }`;
const COMPLETE = `mutation ($input: CompleteImprovementActionInput!) { completeImprovementAction(input: $input) { __typename
  ... on CompleteImprovementActionSuccess { improvementAction { completedOn overdue } } ${REFUSAL} } }`;
const OVERDUE = `{ overdueImprovementActions(first: 50) { edges { node { id description dueOn overdue qualityReview { location { name } } } } } }`;

type Result = Record<string, Record<string, unknown> & { __typename?: string; code?: string; field?: string }>;
type Review = { id: string; version: number; status: string };

async function plannerReviewers(national: Awaited<ReturnType<typeof loggedIn>>) {
  const res = await national.request<{
    visitatiePlanner: { reviewers: Array<{ id: string; name: string }> };
    visitatieReviewers: Array<{ id: string; name: string }>;
  }>(`{ visitatiePlanner { reviewers { id name } } visitatieReviewers { id name } }`);
  // The list on its own (a location's visitaties page) is the planner's.
  expect(res.data?.visitatieReviewers).toEqual(res.data?.visitatiePlanner.reviewers);
  return res.data?.visitatiePlanner.reviewers ?? [];
}

describe("visitatie planner", () => {
  it("shows every location's due date and status, and a proposal within the monthly capacity", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const res = await national.request<{
      visitatiePlanner: {
        months: string[];
        capacityPerMonth: number;
        rows: Array<{
          location: { name: string };
          state: { status: string; dueOn: string };
          dueMonth: string;
          proposal: { month: string } | null;
          notPlanned: { code: string } | null;
        }>;
        reviewers: Array<{ name: string }>;
      };
    }>(
      `query ($from: Date!) { visitatiePlanner(from: $from, months: 12, reviewerCapacityPerMonth: 1) {
        months capacityPerMonth reviewers { name }
        rows { location { name } state { status dueOn basis lastPerformedOn plannedOn } dueMonth plannedMonth
          proposal { proposedOn month dueOn overdue daysLate } notPlanned { code reason { code message { nl en } } } } } }`,
      { from: today },
    );
    expect(res.errors).toBeUndefined();
    const planner = res.data?.visitatiePlanner;
    expect(planner?.months).toHaveLength(12);
    expect(planner?.months[0]).toBe(today.slice(0, 7));
    expect(planner?.rows).toHaveLength(await prisma().location.count());
    expect(planner?.reviewers.map((r) => r.name)).toEqual(
      expect.arrayContaining([expect.stringContaining("Dijkstra"), expect.stringContaining("Kramer")]),
    );
    // Every row is either proposed or explained; never more than one proposal per month.
    for (const row of planner?.rows ?? []) expect(row.proposal !== null || row.notPlanned !== null, row.location.name).toBe(true);
    const perMonth = new Map<string, number>();
    for (const row of planner?.rows ?? []) if (row.proposal) perMonth.set(row.proposal.month, (perMonth.get(row.proposal.month) ?? 0) + 1);
    expect(Math.max(0, ...perMonth.values())).toBeLessThanOrEqual(1);
    expect(planner?.rows.find((r) => r.state.status === "CLOSED")?.notPlanned?.code).toBe("LOCATION_CLOSED");
  });

  it("is kept per revision, and shows a change committed a moment before (read-cache.ts)", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const revision = async () =>
      Number(
        (await prisma().$queryRaw<Array<{ r: bigint }>>`SELECT "revision" AS r FROM "ReadRevision" WHERE "name" = 'visitatie_planner'`)[0]
          ?.r,
      );
    const ask = async () => {
      const res = await national.request<{
        visitatiePlanner: {
          rows: Array<{ location: { id: string; name: string }; state: { status: string; plannedOn: string | null } }>;
          reviewers: Array<{ name: string }>;
        };
      }>(`{ visitatiePlanner { rows { location { id name } state { status plannedOn } } reviewers { name } } }`);
      expect(res.errors).toBeUndefined();
      return res.data?.visitatiePlanner;
    };
    const location = await prisma().location.findFirstOrThrow({
      where: { closedOn: null, qualityReviews: { none: { status: "PLANNED" } } },
    });
    const rowOf = (p: Awaited<ReturnType<typeof ask>>) => p?.rows.find((r) => r.location.id === encodeGlobalID("Location", location.id));
    const first = await ask();
    expect(await ask()).toEqual(first);

    // Each kind of data the planner reads raises the revision, and the next request shows it.
    const before = await revision();
    await prisma().location.update({ where: { id: location.id }, data: { name: `${location.name} (nieuw)` } });
    expect(rowOf(await ask())?.location.name).toBe(`${location.name} (nieuw)`);
    const reviewer = await prisma().user.findFirstOrThrow({ where: { role: "NATIONAL_STAFF", active: true } });
    await prisma().user.update({ where: { id: reviewer.id }, data: { name: `${reviewer.name} Jr.` } });
    expect((await ask())?.reviewers.map((r) => r.name)).toContain(`${reviewer.name} Jr.`);
    const plannedOn = addDays(today, 45);
    await prisma().qualityReview.create({
      data: { locationId: location.id, status: "PLANNED", plannedOn: new Date(`${plannedOn}T00:00:00Z`) },
    });
    expect(rowOf(await ask())?.state).toEqual({ status: "PLANNED", plannedOn });
    const licence = await prisma().licence.findFirstOrThrow({ where: { validFrom: { not: null } } });
    const licenceBefore = await revision();
    await prisma().licence.update({ where: { id: licence.id }, data: { validFrom: licence.validFrom } });
    expect(await revision()).toBe(licenceBefore + 1);
    // One raise per transaction, however many rows it writes; data the planner does not read raises nothing.
    await prisma().$transaction([
      prisma().location.update({ where: { id: location.id }, data: { name: location.name } }),
      prisma().location.update({ where: { id: location.id }, data: { city: location.city } }),
    ]);
    expect(await revision()).toBe(licenceBefore + 2);
    await prisma().family.updateMany({ where: { locationId: location.id }, data: { note: "planner test" } });
    expect(await revision()).toBe(licenceBefore + 2);
    expect(licenceBefore).toBeGreaterThanOrEqual(before + 3);
  });

  it("is for national staff only", async () => {
    for (const email of [DEMO_EMAIL.coordinator, DEMO_EMAIL.officer, DEMO_EMAIL.admin]) {
      for (const query of [`{ visitatiePlanner { months } }`, `{ visitatieReviewers { id } }`]) {
        const res = await (await loggedIn(email)).request(query);
        expect(res.errors?.[0]?.extensions?.code, `${email} ${query}`).toBe("FORBIDDEN");
      }
    }
  });
});

describe("planning and recording a visitatie", () => {
  it("plans, reschedules, records the outcome and adds improvement actions, refusing what the rules forbid", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const location = await prisma().location.findFirstOrThrow({ where: { name: "Home-Start Amersfoort e.o." } });
    const locationId = encodeGlobalID("Location", location.id);
    const reviewers = await plannerReviewers(national);
    const reviewerIds = reviewers.map((r) => r.id);
    const coordinator = await prisma().user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.coordinator } });
    const reviewsBefore = await prisma().qualityReview.count();

    const past = await national.request<Result>(PLAN, { input: { locationId, plannedOn: addDays(today, -1), reviewerIds } });
    expect(past.data?.planVisitatie).toMatchObject({ __typename: "Refusal", code: "PLANNED_IN_PAST", field: "plannedOn" });
    const notReviewer = await national.request<Result>(PLAN, {
      input: { locationId, plannedOn: addDays(today, 30), reviewerIds: [encodeGlobalID("User", coordinator.id)] },
    });
    expect(notReviewer.data?.planVisitatie).toMatchObject({ __typename: "Refusal", code: "NOT_FOUND", field: "reviewerIds.0" });
    const unknownLocation = await national.request<Result>(PLAN, {
      input: { locationId: "bm9wZQ==", plannedOn: addDays(today, 30), reviewerIds },
    });
    expect(unknownLocation.data?.planVisitatie).toMatchObject({ __typename: "Refusal", code: "NOT_FOUND", field: "locationId" });
    expect(await prisma().qualityReview.count()).toBe(reviewsBefore);

    const planned = await national.request<Result>(PLAN, { input: { locationId, plannedOn: addDays(today, 30), reviewerIds } });
    expect(planned.errors).toBeUndefined();
    const review = planned.data?.planVisitatie?.qualityReview as Review;
    expect(planned.data?.planVisitatie?.qualityReview).toMatchObject({
      status: "PLANNED",
      plannedOn: addDays(today, 30),
      reviewers: reviewers.map((r) => ({ name: r.name })).sort((a, b) => a.name.localeCompare(b.name, "nl")),
      location: { visitatie: { status: "PLANNED", plannedOn: addDays(today, 30) } },
    });

    const second = await national.request<Result>(PLAN, { input: { locationId, plannedOn: addDays(today, 40), reviewerIds } });
    expect(second.data?.planVisitatie).toMatchObject({ __typename: "Refusal", code: "ALREADY_PLANNED" });

    const moved = await national.request<Result>(RESCHEDULE, {
      input: { reviewId: review.id, version: 1, plannedOn: addDays(today, 14), reviewerIds: reviewerIds.slice(0, 1) },
    });
    expect(moved.data?.rescheduleVisitatie?.qualityReview).toMatchObject({
      version: 2,
      plannedOn: addDays(today, 14),
      reviewers: [{ name: reviewers[0]?.name }],
    });
    const stale = await national.request<Result>(RESCHEDULE, { input: { reviewId: review.id, version: 1, plannedOn: addDays(today, 20) } });
    expect(stale.data?.rescheduleVisitatie).toMatchObject({ __typename: "Refusal", code: "CONFLICT", field: "version" });

    const noFindings = await national.request<Result>(OUTCOME, {
      input: { reviewId: review.id, version: 2, performedOn: today, outcome: "MEETS_WITH_ACTIONS", findings: "  " },
    });
    expect(noFindings.data?.recordVisitatieOutcome).toMatchObject({ __typename: "Refusal", code: "FINDINGS_REQUIRED", field: "findings" });
    const future = await national.request<Result>(OUTCOME, {
      input: { reviewId: review.id, version: 2, performedOn: addDays(today, 1), outcome: "MEETS_STANDARDS" },
    });
    expect(future.data?.recordVisitatieOutcome).toMatchObject({ __typename: "Refusal", field: "performedOn" });

    const performed = await national.request<Result>(OUTCOME, {
      input: {
        reviewId: review.id,
        version: 2,
        performedOn: today,
        outcome: "MEETS_WITH_ACTIONS",
        findings: "Intake-verslagen onvolledig.",
      },
    });
    expect(performed.data?.recordVisitatieOutcome?.qualityReview).toMatchObject({ status: "PERFORMED", performedOn: today, version: 3 });
    const again = await national.request<Result>(CANCEL, { input: { reviewId: review.id, version: 3 } });
    expect(again.data?.cancelVisitatie).toMatchObject({ __typename: "Refusal", code: "REVIEW_NOT_PLANNED" });

    const dueToday = await national.request<Result>(ADD_ACTION, {
      input: { reviewId: review.id, description: "Dossiers aanvullen.", dueOn: today },
    });
    expect(dueToday.data?.addImprovementAction).toMatchObject({ __typename: "Refusal", code: "DUE_BEFORE_REVIEW", field: "dueOn" });
    const action = await national.request<Result>(ADD_ACTION, {
      input: { reviewId: review.id, description: "Dossiers aanvullen.", dueOn: addDays(today, 60) },
    });
    expect(action.data?.addImprovementAction?.improvementAction).toMatchObject({ dueOn: addDays(today, 60), overdue: false });

    const audit = await prisma().auditEntry.findMany({
      where: { entityType: "QualityReview", entityId: Buffer.from(review.id, "base64").toString().split(":")[1] },
    });
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["visitatie.plan", "visitatie.reschedule", "visitatie.outcome"]));
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain("Intake-verslagen");
  });

  it("cancels a planned visitatie once", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const location = await prisma().location.findFirstOrThrow({
      where: { closedOn: null, qualityReviews: { none: { status: "PLANNED" } }, name: { not: "Home-Start Amersfoort e.o." } },
      orderBy: { name: "asc" },
    });
    const reviewerIds = (await plannerReviewers(national)).map((r) => r.id);
    const planned = await national.request<Result>(PLAN, {
      input: { locationId: encodeGlobalID("Location", location.id), plannedOn: addDays(today, 20), reviewerIds },
    });
    const review = planned.data?.planVisitatie?.qualityReview as Review;
    const cancelled = await national.request<Result>(CANCEL, { input: { reviewId: review.id, version: 1 } });
    expect(cancelled.data?.cancelVisitatie?.qualityReview).toEqual({ status: "CANCELLED", version: 2 });
    const twice = await national.request<Result>(CANCEL, { input: { reviewId: review.id, version: 2 } });
    expect(twice.data?.cancelVisitatie).toMatchObject({ __typename: "Refusal", code: "REVIEW_NOT_PLANNED", field: "reviewId" });
    const action = await national.request<Result>(ADD_ACTION, {
      input: { reviewId: review.id, description: "x", dueOn: addDays(today, 60) },
    });
    expect(action.data?.addImprovementAction).toMatchObject({ __typename: "Refusal", code: "REVIEW_NOT_PERFORMED" });
  });

  it("lists overdue improvement actions and completes one once", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const list = await national.request<{
      overdueImprovementActions: { edges: Array<{ node: { id: string; dueOn: string; overdue: boolean } }> };
    }>(OVERDUE);
    expect(list.errors).toBeUndefined();
    const nodes = list.data?.overdueImprovementActions.edges.map((e) => e.node) ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.overdue && n.dueOn < today)).toBe(true);
    const first = nodes[0]!;
    const done = await national.request<Result>(COMPLETE, { input: { actionId: first.id } });
    expect(done.data?.completeImprovementAction?.improvementAction).toEqual({ completedOn: today, overdue: false });
    const twice = await national.request<Result>(COMPLETE, { input: { actionId: first.id } });
    expect(twice.data?.completeImprovementAction).toMatchObject({ __typename: "Refusal", code: "ALREADY_COMPLETED", field: "actionId" });
    const future = await national.request<Result>(COMPLETE, {
      input: { actionId: nodes[1]?.id ?? first.id, completedOn: addDays(today, 3) },
    });
    expect(future.data?.completeImprovementAction).toMatchObject({ __typename: "Refusal", field: "completedOn" });
    const after = await national.request<{ overdueImprovementActions: { edges: Array<{ node: { id: string } }> } }>(OVERDUE);
    expect(after.data?.overdueImprovementActions.edges.map((e) => e.node.id)).not.toContain(first.id);

    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const forbidden = await coordinator.request(COMPLETE, { input: { actionId: nodes[1]?.id ?? first.id } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
