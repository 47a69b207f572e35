// Evaluations of the support (seed 002 outcomes: parental well-being, positive parenting, child
// behaviour, network; scored 1–5). When one may be recorded is decided by packages/domain checkEvaluation.
import { EvaluationKind } from "@homestart/db";
import { checkEvaluation } from "@homestart/domain";
import { builder } from "../builder.ts";
import { Refusal } from "../errors.ts";
import { isoDate, isoDateOrNull, todayInNetherlands } from "../mappers.ts";
import { notFound, writeAudited } from "../mutations.ts";
import { intInRange, LIMITS, optionalText, plausibleDate, requireId } from "../validate.ts";
import { FAMILY_NOT_FOUND, FamilyRef, familyLocationScope } from "./families.ts";
import { lockFamilyForChange } from "./family-guard.ts";
import { refusable } from "./mutation-result.ts";

export const EvaluationKindEnum = builder.enumType(EvaluationKind, { name: "EvaluationKind" });

export const EvaluationRef = builder.prismaObject("Evaluation", {
  authScopes: { coordinator: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: EvaluationKindEnum }),
    heldOn: t.expose("heldOn", { type: "Date" }),
    summary: t.exposeString("summary"),
    parentalWellbeing: t.exposeInt("parentalWellbeing", { nullable: true }),
    positiveParenting: t.exposeInt("positiveParenting", { nullable: true }),
    childBehaviour: t.exposeInt("childBehaviour", { nullable: true }),
    network: t.exposeInt("network", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    recordedByName: t.string({
      nullable: true,
      select: { recordedBy: { select: { name: true } } },
      resolve: (e) => e.recordedBy?.name ?? null,
    }),
  }),
});

builder.prismaObjectField(FamilyRef, "evaluations", (t) =>
  t.relation("evaluations", { query: { orderBy: [{ heldOn: "asc" }, { id: "asc" }] } }),
);

const RecordEvaluationInput = builder.inputType("RecordEvaluationInput", {
  fields: (t) => ({
    familyId: t.id(),
    kind: t.field({ type: EvaluationKindEnum }),
    heldOn: t.field({ type: "Date" }),
    summary: t.string({ required: false }),
    parentalWellbeing: t.int({ required: false, description: "1–5." }),
    positiveParenting: t.int({ required: false, description: "1–5." }),
    childBehaviour: t.int({ required: false, description: "1–5." }),
    network: t.int({ required: false, description: "1–5." }),
  }),
});

const score = (field: string, value: number | null | undefined) =>
  value === null || value === undefined ? null : intInRange(field, value, 1, 5);

builder.mutationField("recordEvaluation", (t) =>
  t.field({
    type: EvaluationRef,
    authScopes: { coordinator: true },
    description: "Records an interim or final evaluation; refused before support started, in the future, or a second final one.",
    args: { input: t.arg({ type: RecordEvaluationInput }) },
    errors: refusable("RecordEvaluation", "evaluation"),
    resolve: async (_root, { input }, ctx) => {
      const familyId = requireId("familyId", input.familyId, "Family");
      const heldOn = plausibleDate("heldOn", input.heldOn);
      const summary = optionalText("summary", input.summary, { max: LIMITS.note, multiline: true }) ?? "";
      const scores = {
        parentalWellbeing: score("parentalWellbeing", input.parentalWellbeing),
        positiveParenting: score("positiveParenting", input.positiveParenting),
        childBehaviour: score("childBehaviour", input.childBehaviour),
        network: score("network", input.network),
      };
      return writeAudited(ctx, async (tx) => {
        await lockFamilyForChange(tx, ctx, familyId);
        // Lock the family row: two final evaluations recorded at once cannot both pass the rule.
        const touched = await tx.family.updateMany({
          where: { id: familyId, locationId: { in: familyLocationScope(ctx) } },
          data: { updatedAt: new Date() },
        });
        if (touched.count !== 1) throw notFound(FAMILY_NOT_FOUND, "familyId");
        const family = await tx.family.findUniqueOrThrow({
          where: { id: familyId },
          select: {
            status: true,
            matches: { orderBy: { startOn: "asc" }, take: 1, select: { startOn: true } },
            closure: { select: { closedOn: true } },
            evaluations: { select: { kind: true, heldOn: true } },
          },
        });
        const check = checkEvaluation(
          {
            status: family.status,
            supportStartOn: isoDateOrNull(family.matches[0]?.startOn),
            closedOn: isoDateOrNull(family.closure?.closedOn),
            existing: family.evaluations.map((e) => ({ kind: e.kind, heldOn: isoDate(e.heldOn) })),
            today: todayInNetherlands(),
          },
          { kind: input.kind, heldOn, scores },
        );
        if (!check.ok)
          throw Refusal.fromReasons(check.reasons, check.reasons.some((r) => r.code === "FINAL_EVALUATION_EXISTS") ? "kind" : "heldOn");
        const evaluation = await tx.evaluation.create({
          data: { familyId, kind: input.kind, heldOn: new Date(`${heldOn}T00:00:00Z`), summary, ...scores, recordedById: ctx.viewer?.id },
        });
        return {
          result: evaluation,
          audit: {
            action: "evaluation.record",
            entityType: "Family",
            entityId: familyId,
            detail: { evaluationId: evaluation.id, kind: input.kind },
          },
        };
      });
    },
  }),
);
