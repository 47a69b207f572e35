// The coordinator's family workflows (intake, consents, evaluations, closure, notices, export):
// coordinator A on a family of A's location; B finds nothing; every other role is refused.
import { coordinatorAOnly, type Expectations, type Fixtures } from "../matrix.ts";

/** A family of coordinator A's location in a given status (the last by id, away from other files' picks). */
async function familyOfA(f: Fixtures, where: Record<string, unknown> = {}) {
  const query = (extra: Record<string, unknown>) =>
    f.prisma.family.findFirst({
      where: { locationId: { in: f.locationIds.A }, ...extra },
      orderBy: { id: "desc" },
      include: { children: { orderBy: { id: "asc" }, take: 1 }, parents: { orderBy: { id: "asc" }, take: 1 } },
    });
  // Any family of A will do when none has the status asked for (the answer is then a rule refusal).
  const family = (await query(where)) ?? (await query({}));
  if (!family) throw new Error("coordinator A has no families");
  return { id: f.gid("Family", family.id), version: family.version, family };
}

const RESULT = "{ __typename ... on Refusal { code } }";
// Mutations that update a family send a stale version: A's call passes authorization and scope and
// ends in a CONFLICT refusal, so the matrix does not use up the families other areas' cases need.
const mutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) ${RESULT} }`;

export const expectations: Expectations = {
  "Query.exportFamilyData": {
    document: "query ($id: ID!) { exportFamilyData(familyId: $id) }",
    variables: async (f) => ({ id: (await familyOfA(f)).id }),
    expect: coordinatorAOnly(),
  },
  "Mutation.recordCallBack": {
    document: mutation("recordCallBack", "RecordCallBackInput"),
    variables: async (f) => {
      const { id, version } = await familyOfA(f, { status: "REGISTERED" });
      return { input: { familyId: id, version: version - 1 } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.updateFamily": {
    document: mutation("updateFamily", "UpdateFamilyInput"),
    variables: async (f) => {
      const { id, version } = await familyOfA(f, { status: "WAITING_FOR_MATCH" });
      return { input: { familyId: id, version: version - 1, languages: ["nl"], riskFactors: ["LIMITED_NETWORK"] } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.addChild": {
    document: mutation("addChild", "AddChildInput"),
    variables: async (f) => {
      const { id, version } = await familyOfA(f, { status: "INTAKE" });
      return { input: { familyId: id, version: version - 1, firstName: "Matrix", bornOn: "2026-01-01" } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.updateChild": {
    document: mutation("updateChild", "UpdateChildInput"),
    variables: async (f) => {
      const { id, version, family } = await familyOfA(f, { status: "INTAKE" });
      return { input: { familyId: id, version: version - 1, childId: family.children[0]?.id ?? "", firstName: "Matrix" } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.addSupportQuestion": {
    document: mutation("addSupportQuestion", "AddSupportQuestionInput"),
    variables: async (f) => ({
      input: { familyId: (await familyOfA(f, { status: "ACTIVE" })).id, question: "Rust in huis", goal: "Vaste dagstructuur" },
    }),
    expect: coordinatorAOnly(),
  },
  "Mutation.updateSupportQuestion": {
    document: mutation("updateSupportQuestion", "UpdateSupportQuestionInput"),
    variables: async (f) => {
      const q = await f.prisma.supportQuestion.findFirstOrThrow({
        where: { family: { locationId: { in: f.locationIds.A } } },
        orderBy: { id: "desc" },
      });
      return { input: { familyId: f.gid("Family", q.familyId), supportQuestionId: q.id, goalReached: true } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.startIntake": {
    document: mutation("startIntake", "StartIntakeInput"),
    variables: async (f) => {
      const { id, version } = await familyOfA(f, { status: "REGISTERED" });
      return { input: { familyId: id, version: version - 1 } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.completeIntake": {
    document: mutation("completeIntake", "FamilyStatusMoveInput"),
    variables: async (f) => {
      const { id, version } = await familyOfA(f, { status: "INTAKE" });
      return { input: { familyId: id, version: version - 1 } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.declineFamily": {
    document: mutation("declineFamily", "FamilyStatusMoveInput"),
    variables: async (f) => {
      const { id, version } = await familyOfA(f, { status: "REGISTERED" });
      return { input: { familyId: id, version: version - 1, note: "Matrix" } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.markNotEligible": {
    document: mutation("markNotEligible", "FamilyStatusMoveInput"),
    variables: async (f) => {
      const { id, version } = await familyOfA(f, { status: "REGISTERED" });
      return { input: { familyId: id, version: version - 1 } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.grantConsent": {
    document: mutation("grantConsent", "ConsentChangeInput"),
    variables: async (f) => ({ input: { familyId: (await familyOfA(f, { status: "ACTIVE" })).id, type: "SHARE_DETAILS_WITH_REFERRER" } }),
    expect: coordinatorAOnly(),
  },
  "Mutation.withdrawConsent": {
    document: mutation("withdrawConsent", "ConsentChangeInput"),
    variables: async (f) => ({
      input: { familyId: (await familyOfA(f, { status: "WAITING_FOR_MATCH" })).id, type: "SHARE_DETAILS_WITH_REFERRER" },
    }),
    expect: coordinatorAOnly(),
  },
  "Mutation.recordEvaluation": {
    document: mutation("recordEvaluation", "RecordEvaluationInput"),
    variables: async (f) => ({
      input: {
        familyId: (await familyOfA(f, { status: "ACTIVE" })).id,
        kind: "INTERIM",
        heldOn: "2026-11-20",
        summary: "Matrix",
        network: 3,
      },
    }),
    expect: coordinatorAOnly(),
  },
  "Mutation.closeFamily": {
    document: mutation("closeFamily", "CloseFamilyInput"),
    variables: async (f) => {
      const { id, version } = await familyOfA(f, { status: "WAITING_FOR_MATCH" });
      return { input: { familyId: id, version: version - 1, closedOn: "2026-11-20", reason: "NO_MATCH_POSSIBLE", goalsReached: "NONE" } };
    },
    expect: coordinatorAOnly(),
  },
  "Mutation.retryReferrerNotice": {
    document: mutation("retryReferrerNotice", "RetryReferrerNoticeInput"),
    variables: async (f) => {
      const notice = await f.prisma.referrerNotification.findFirstOrThrow({
        where: { family: { locationId: { in: f.locationIds.A } } },
        orderBy: { id: "desc" },
      });
      return { input: { noticeId: f.gid("ReferrerNotice", notice.id) } };
    },
    expect: coordinatorAOnly(),
  },
};
