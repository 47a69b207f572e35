// Municipal decisions (beschikkingen): a municipality names the organisation that executes
// Home-Start for it; with that decision the organisation may apply for a licence (seed 003).
import { validateMunicipalDecision } from "@homestart/domain";
import { builder } from "../builder.ts";
import { Refusal } from "../errors.ts";
import { dbDate, todayInNetherlands } from "../mappers.ts";
import { notFound, writeAudited } from "../mutations.ts";
import { LIMITS, optionalText, plausibleDate, requiredText, requireId } from "../validate.ts";
import { MunicipalityRef } from "./municipalities.ts";
import { refusable } from "./mutation-result.ts";
import { OrganisationRef } from "./organisations.ts";

const NATIONAL = { nationalStaff: true } as const;

export const MunicipalDecisionRef = builder.prismaNode("MunicipalDecision", {
  id: { field: "id" },
  authScopes: NATIONAL,
  description: "A municipality's decision (beschikking) naming the organisation that executes Home-Start there.",
  fields: (t) => ({
    municipality: t.relation("municipality", { type: MunicipalityRef }),
    organisation: t.relation("organisation", { type: OrganisationRef }),
    reference: t.exposeString("reference"),
    decidedOn: t.expose("decidedOn", { type: "Date" }),
    effectiveFrom: t.expose("effectiveFrom", { type: "Date" }),
    effectiveUntil: t.expose("effectiveUntil", { type: "Date", nullable: true }),
    note: t.exposeString("note", { nullable: true }),
  }),
});

const decisionOrder = { orderBy: [{ effectiveFrom: "desc" as const }, { id: "asc" as const }] };

builder.prismaObjectField(MunicipalityRef, "municipalDecisions", (t) =>
  t.relation("municipalDecisions", { type: MunicipalDecisionRef, authScopes: NATIONAL, query: decisionOrder }),
);
builder.prismaObjectField(OrganisationRef, "municipalDecisions", (t) =>
  t.relation("municipalDecisions", { type: MunicipalDecisionRef, query: decisionOrder }),
);

const RecordMunicipalDecisionInput = builder.inputType("RecordMunicipalDecisionInput", {
  fields: (t) => ({
    municipalityId: t.id(),
    organisationId: t.id(),
    reference: t.string({ description: "The municipality's reference of the decision." }),
    decidedOn: t.field({ type: "Date" }),
    effectiveFrom: t.field({ type: "Date" }),
    effectiveUntil: t.field({ type: "Date", required: false }),
    note: t.string({ required: false }),
  }),
});

builder.mutationField("recordMunicipalDecision", (t) =>
  t.field({
    type: MunicipalDecisionRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: RecordMunicipalDecisionInput }) },
    errors: refusable("RecordMunicipalDecision", "decision"),
    resolve: async (_root, { input }, ctx) => {
      const municipalityId = requireId("municipalityId", input.municipalityId, "Municipality");
      const organisationId = requireId("organisationId", input.organisationId, "Organisation");
      const reference = requiredText("reference", input.reference, { max: LIMITS.name });
      const decidedOn = plausibleDate("decidedOn", input.decidedOn);
      const effectiveFrom = plausibleDate("effectiveFrom", input.effectiveFrom);
      const effectiveUntil = input.effectiveUntil ? plausibleDate("effectiveUntil", input.effectiveUntil, { maxYearsAhead: 20 }) : null;
      const note = optionalText("note", input.note, { max: LIMITS.note, multiline: true });
      const check = validateMunicipalDecision({ decidedOn, effectiveFrom, effectiveUntil }, todayInNetherlands());
      if (!check.ok) {
        const code = check.reasons[0]?.code;
        throw Refusal.fromReasons(check.reasons, code === "DECIDED_IN_FUTURE" ? "decidedOn" : "effectiveUntil");
      }
      return writeAudited(ctx, async (tx) => {
        const municipality = await tx.municipality.findUnique({ where: { id: municipalityId }, select: { id: true } });
        const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } });
        if (!municipality) throw notFound(undefined, "municipalityId");
        if (!organisation) throw notFound(undefined, "organisationId");
        const created = await tx.municipalDecision.create({
          data: {
            municipalityId,
            organisationId,
            reference,
            decidedOn: dbDate(decidedOn),
            effectiveFrom: dbDate(effectiveFrom),
            effectiveUntil: effectiveUntil ? dbDate(effectiveUntil) : null,
            note,
          },
        });
        return {
          result: created,
          audit: {
            action: "municipalDecision.record",
            entityType: "MunicipalDecision",
            entityId: created.id,
            detail: { municipalityId, organisationId },
          },
        };
      });
    },
  }),
);
