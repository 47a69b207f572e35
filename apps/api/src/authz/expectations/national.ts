// The national office's operations (organisations, locations, municipal policies and decisions,
// licences, visitaties) and the admin's (users). Nobody else may call them.
import { type Expectations, type Fixtures, only } from "../matrix.ts";

const national = () => only(["national"]);
const admin = () => only(["admin"]);
const REFUSAL = "__typename ... on Refusal { code }";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function locationA(f: Fixtures) {
  return f.prisma.location.findUniqueOrThrow({ where: { id: f.locationIds.A[0] ?? "" } });
}

async function licenceOfA(f: Fixtures) {
  return f.prisma.licence.findFirstOrThrow({ where: { locationId: { in: f.locationIds.A }, status: "ACTIVE" }, orderBy: { id: "asc" } });
}

async function reviewers(f: Fixtures) {
  const users = await f.prisma.user.findMany({ where: { role: "NATIONAL_STAFF", active: true }, orderBy: { id: "asc" } });
  return users.map((u) => f.gid("User", u.id));
}

/** A review of location A in the given state, made for the case. */
async function reviewOfA(f: Fixtures, status: "PLANNED" | "PERFORMED") {
  const review = await f.prisma.qualityReview.create({
    data: {
      locationId: f.locationIds.A[0] ?? "",
      status,
      plannedOn: new Date(`${inDays(status === "PLANNED" ? 60 : -10)}T00:00:00Z`),
      performedOn: status === "PERFORMED" ? new Date(`${inDays(-10)}T00:00:00Z`) : null,
      outcome: status === "PERFORMED" ? "MEETS_WITH_ACTIONS" : null,
      reviewers: { create: { userId: f.userIds.national } },
    },
  });
  return review;
}

export const expectations: Expectations = {
  "Query.organisations": { document: "{ organisations(first: 3) { edges { node { name } } } }", expect: national() },
  "Query.organisation": {
    document: "query ($id: ID!) { organisation(id: $id) { name } }",
    variables: async (f) => ({ id: f.gid("Organisation", (await locationA(f)).organisationId) }),
    expect: national(),
  },
  "Query.locations": { document: "{ locations(first: 3) { edges { node { name phone } } } }", expect: national() },
  "Query.location": {
    document: "query ($id: ID!) { location(id: $id) { name phone } }",
    variables: (f) => ({ id: f.gid("Location", f.locationIds.A[0] ?? "") }),
    expect: national(),
  },
  "Query.licences": { document: "{ licences(first: 3) { edges { node { number } } } }", expect: national() },
  "Query.licence": {
    document: "query ($id: ID!) { licence(id: $id) { number } }",
    variables: async (f) => ({ id: f.gid("Licence", (await licenceOfA(f)).id) }),
    expect: national(),
  },
  "Query.visitatiePlanner": { document: "{ visitatiePlanner(months: 3) { months } }", expect: national() },
  "Query.visitatieReviewers": { document: "{ visitatieReviewers { id name } }", expect: national() },
  "Query.overdueImprovementActions": { document: "{ overdueImprovementActions(first: 3) { edges { node { id } } } }", expect: national() },
  "Query.users": { document: "{ users(first: 3) { edges { node { email } } } }", expect: admin() },

  "Mutation.createOrganisation": {
    document: `mutation ($input: OrganisationInput!) { createOrganisation(input: $input) { ${REFUSAL} } }`,
    variables: () => ({ input: { name: "Stichting Matrix", city: "Zwolle" } }),
    expect: national(),
  },
  "Mutation.updateOrganisation": {
    document: `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const org = await f.prisma.organisation.findUniqueOrThrow({ where: { id: (await locationA(f)).organisationId } });
      return {
        input: {
          id: f.gid("Organisation", org.id),
          version: org.version,
          name: org.name,
          city: org.city,
          email: org.email,
          phone: org.phone,
        },
      };
    },
    expect: national(),
  },
  "Mutation.createLocation": {
    document: `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => ({
      input: {
        organisationId: f.gid("Organisation", (await locationA(f)).organisationId),
        name: "Home-Start Matrix",
        city: "Zwolle",
        startedOn: "2026-01-01",
      },
    }),
    expect: national(),
  },
  "Mutation.updateLocation": {
    document: `mutation ($input: UpdateLocationInput!) { updateLocation(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const l = await locationA(f);
      return {
        input: {
          id: f.gid("Location", l.id),
          version: l.version,
          name: l.name,
          city: l.city,
          phone: l.phone,
          email: l.email,
          startedOn: l.startedOn.toISOString().slice(0, 10),
        },
      };
    },
    expect: national(),
  },
  "Mutation.setLocationMunicipalities": {
    document: `mutation ($input: SetLocationMunicipalitiesInput!) { setLocationMunicipalities(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const l = await locationA(f);
      const m = await f.prisma.municipality.findFirstOrThrow({ where: { locations: { none: {} } }, orderBy: { code: "asc" } });
      return {
        input: {
          locationId: f.gid("Location", l.id),
          version: l.version,
          serve: [{ municipalityId: f.gid("Municipality", m.id), from: inDays(30) }],
        },
      };
    },
    expect: national(),
  },
  "Mutation.setAgePolicy": {
    document: `mutation ($input: SetAgePolicyInput!) { setAgePolicy(input: $input) { ${REFUSAL} } }`,
    variables: (f) => ({
      input: {
        municipalityId: f.gid("Municipality", f.municipalityIds.X[0] ?? ""),
        maxAgeInclusive: 17,
        validFrom: `${inDays(800).slice(0, 7)}-01`,
      },
    }),
    expect: national(),
  },
  "Mutation.recordMunicipalDecision": {
    document: `mutation ($input: RecordMunicipalDecisionInput!) { recordMunicipalDecision(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => ({
      input: {
        municipalityId: f.gid("Municipality", f.municipalityIds.X[0] ?? ""),
        organisationId: f.gid("Organisation", (await locationA(f)).organisationId),
        reference: "BS-MATRIX",
        decidedOn: inDays(-30),
        effectiveFrom: inDays(-1),
      },
    }),
    expect: national(),
  },
  "Mutation.applyForLicence": {
    document: `mutation ($input: ApplyForLicenceInput!) { applyForLicence(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const l = await locationA(f);
      return {
        input: {
          organisationId: f.gid("Organisation", l.organisationId),
          locationId: f.gid("Location", l.id),
          municipalityIds: [f.gid("Municipality", f.municipalityIds.X[0] ?? "")],
        },
      };
    },
    expect: national(),
  },
  "Mutation.transitionLicence": {
    // Suspending without a reason: the rule refuses, so the licence stays as it is for the other cases.
    document: `mutation ($input: TransitionLicenceInput!) { transitionLicence(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const licence = await licenceOfA(f);
      return { input: { licenceId: f.gid("Licence", licence.id), version: licence.version, to: "SUSPENDED" } };
    },
    expect: national(),
  },
  "Mutation.updateLicenceTerms": {
    document: `mutation ($input: UpdateLicenceTermsInput!) { updateLicenceTerms(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const licence = await licenceOfA(f);
      return { input: { licenceId: f.gid("Licence", licence.id), version: licence.version, feePaymentStatus: licence.feePaymentStatus } };
    },
    expect: national(),
  },
  "Mutation.planVisitatie": {
    document: `mutation ($input: PlanVisitatieInput!) { planVisitatie(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => ({
      input: { locationId: f.gid("Location", f.locationIds.A[0] ?? ""), plannedOn: inDays(45), reviewerIds: await reviewers(f) },
    }),
    expect: national(),
  },
  "Mutation.rescheduleVisitatie": {
    document: `mutation ($input: RescheduleVisitatieInput!) { rescheduleVisitatie(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const review = await reviewOfA(f, "PLANNED");
      return { input: { reviewId: f.gid("QualityReview", review.id), version: review.version, plannedOn: inDays(50) } };
    },
    expect: national(),
  },
  "Mutation.cancelVisitatie": {
    document: `mutation ($input: CancelVisitatieInput!) { cancelVisitatie(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const review = await reviewOfA(f, "PLANNED");
      return { input: { reviewId: f.gid("QualityReview", review.id), version: review.version } };
    },
    expect: national(),
  },
  "Mutation.recordVisitatieOutcome": {
    document: `mutation ($input: RecordVisitatieOutcomeInput!) { recordVisitatieOutcome(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const review = await reviewOfA(f, "PLANNED");
      return {
        input: {
          reviewId: f.gid("QualityReview", review.id),
          version: review.version,
          performedOn: inDays(-1),
          outcome: "MEETS_STANDARDS",
        },
      };
    },
    expect: national(),
  },
  "Mutation.addImprovementAction": {
    document: `mutation ($input: AddImprovementActionInput!) { addImprovementAction(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const review = await reviewOfA(f, "PERFORMED");
      return { input: { reviewId: f.gid("QualityReview", review.id), description: "Matrix-actie", dueOn: inDays(60) } };
    },
    expect: national(),
  },
  "Mutation.completeImprovementAction": {
    document: `mutation ($input: CompleteImprovementActionInput!) { completeImprovementAction(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const review = await reviewOfA(f, "PERFORMED");
      const action = await f.prisma.improvementAction.create({
        data: { qualityReviewId: review.id, description: "Matrix-actie", dueOn: new Date(`${inDays(30)}T00:00:00Z`) },
      });
      return { input: { actionId: f.gid("ImprovementAction", action.id) } };
    },
    expect: national(),
  },
  "Mutation.createUser": {
    document: `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${REFUSAL} } }`,
    variables: () => ({
      input: { email: "matrix.user@authz.test", name: "Matrix User", role: "NATIONAL_STAFF", password: "matrix-wachtwoord" },
    }),
    expect: admin(),
  },
  "Mutation.updateUser": {
    // Changes nothing that would end a session of one of the matrix's users.
    document: `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { ${REFUSAL} } }`,
    variables: (f) => ({ input: { id: f.gid("User", f.userIds.coordinatorB), locale: "nl" } }),
    expect: admin(),
  },
  "Mutation.resetUserPassword": {
    document: `mutation ($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { ${REFUSAL} } }`,
    variables: async (f) => {
      const user = await f.prisma.user.create({
        data: { email: `reset.${Date.now()}@authz.test`, name: "Reset Target", role: "NATIONAL_STAFF", passwordHash: "not-a-real-hash" },
      });
      return { input: { id: f.gid("User", user.id), password: "nieuw-matrix-wachtwoord" } };
    },
    expect: admin(),
  },
};
