// The coordinator's intake work on a family: calling back, contact details, children (incl. the
// birth of an expected child), support questions, and the status moves up to waiting for a match.
// Every status move is checked by packages/domain checkSupportTransition; calling back needs the
// parents' consent to be called (mayDo CALL_FAMILY). Updates of the family
// carry `version` (CONFLICT when stale).
import type { HouseholdType, RiskFactor } from "@homestart/db";
import {
  type ConsentEvent,
  checkSupportTransition,
  ENDED_WITHOUT_CLOSURE,
  type FamilyStatus,
  type IsoDate,
  mayDo,
  RISK_FACTORS,
  withDuplicateKeys,
} from "@homestart/domain";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { dbDate, isoDate, todayInNetherlands } from "../mappers.ts";
import { expectUpdated, notFound, type Tx, writeAudited } from "../mutations.ts";
import {
  codeList,
  LIMITS,
  optionalEmail,
  optionalPhone,
  optionalPostcode,
  optionalText,
  plausibleDate,
  requiredText,
  requireId,
} from "../validate.ts";
import { FAMILY_NOT_FOUND, FamilyRef, familyLocationScope, HouseholdTypeEnum, judgeEligibilityIn, RiskFactorEnum } from "./families.ts";
import { lockFamilyForChange } from "./family-guard.ts";
import { refusable } from "./mutation-result.ts";

const COORDINATOR = { coordinator: true } as const;

builder.prismaObject("SupportQuestion", {
  authScopes: COORDINATOR,
  description: "What the parents want support with, and the goal agreed for it (demand-led, seed 002).",
  fields: (t) => ({
    id: t.exposeID("id"),
    question: t.exposeString("question"),
    goal: t.exposeString("goal", { nullable: true }),
    goalReached: t.exposeBoolean("goalReached", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField(FamilyRef, "supportQuestions", (t) =>
  t.relation("supportQuestions", { query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }),
);

/** The family if it is in the viewer's scope, inside the transaction; NOT_FOUND otherwise. */
async function scopedFamily(tx: Tx, ctx: Context, familyId: string) {
  const family = await tx.family.findFirst({
    where: { id: familyId, locationId: { in: familyLocationScope(ctx) } },
    select: {
      id: true,
      status: true,
      version: true,
      registeredOn: true,
      municipalityId: true,
      locationId: true,
      consents: { select: { type: true, action: true, at: true, textVersion: true } },
      children: { select: { id: true, bornOn: true, expectedOn: true } },
    },
  });
  if (!family) throw notFound(FAMILY_NOT_FOUND, "familyId");
  return family;
}

const consentHistory = (family: {
  consents: Array<{ type: ConsentEvent["type"]; action: ConsentEvent["action"]; at: Date; textVersion: string | null }>;
}) => family.consents.map((c) => ({ type: c.type, action: c.action, at: c.at.toISOString(), textVersion: c.textVersion }));

/** Optimistic update of the family row: CONFLICT (and nothing stored) when someone saved first. */
async function bumpFamily(tx: Tx, familyId: string, version: number, data: Parameters<Tx["family"]["updateMany"]>[0]["data"] = {}) {
  expectUpdated(await tx.family.updateMany({ where: { id: familyId, version }, data: { ...data, version: { increment: 1 } } }));
}

type MutationName = string;

/** One mutation on a family: scope check, work and audit in one transaction, the updated family back. */
function familyMutation<I extends { familyId: string | number }>(
  name: MutationName,
  options: {
    description: string;
    // biome-ignore lint/suspicious/noExplicitAny: Pothos input refs are typed by their builder; the resolver narrows `input`.
    input: any;
    action: string;
    run: (
      tx: Tx,
      ctx: Context,
      input: I,
      familyId: string,
      now: Date,
    ) => Promise<Record<string, string | number | boolean | null | string[]>>;
  },
) {
  builder.mutationField(name, (t) =>
    t.field({
      type: FamilyRef,
      authScopes: COORDINATOR,
      description: options.description,
      args: { input: t.arg({ type: options.input }) },
      errors: refusable(name.charAt(0).toUpperCase() + name.slice(1), "family"),
      resolve: async (_root, { input }, ctx) => {
        const familyId = requireId("familyId", (input as I).familyId, "Family");
        const now = new Date();
        return writeAudited(ctx, async (tx) => {
          // In scope and not anonymised, and locked: before any rule or write of the mutation.
          await lockFamilyForChange(tx, ctx, familyId);
          const detail = await options.run(tx, ctx, input as I, familyId, now);
          return {
            result: await tx.family.findUniqueOrThrow({ where: { id: familyId } }),
            audit: { action: options.action, entityType: "Family", entityId: familyId, detail },
          };
        });
      },
    }),
  );
}

// ---- calling back -------------------------------------------------------------------------

const RecordCallBackInput = builder.inputType("RecordCallBackInput", {
  fields: (t) => ({
    familyId: t.id(),
    version: t.int(),
    calledBackAt: t.field({ type: "DateTime", required: false, description: "Now when left out." }),
  }),
});

familyMutation<typeof RecordCallBackInput.$inferInput>("recordCallBack", {
  description: "Records that the coordinator called the family back; needs the parents' consent to be called.",
  input: RecordCallBackInput,
  action: "family.callBack",
  run: async (tx, ctx, input, familyId, now) => {
    const at = input.calledBackAt ?? now;
    if (at.getTime() > now.getTime() + 5 * 60_000) {
      throw invalidInput("calledBackAt", "Dit tijdstip ligt in de toekomst.", "This moment is in the future.");
    }
    const family = await scopedFamily(tx, ctx, familyId);
    // registeredOn is a Dutch calendar date: compare it with the Dutch date of the call, not the UTC instant.
    if (todayInNetherlands(at) < isoDate(family.registeredOn)) {
      throw invalidInput("calledBackAt", "Vóór de aanmelding?", "Before the registration?");
    }
    const may = mayDo(consentHistory(family), "CALL_FAMILY", at.toISOString());
    if (!may.ok) throw Refusal.fromReasons(may.reasons, "familyId");
    await bumpFamily(tx, familyId, input.version, { calledBackAt: at });
    return {};
  },
});

// ---- contact details and household --------------------------------------------------------

const ParentUpdateInput = builder.inputType("ParentUpdateInput", {
  description: "A parent's name and contact details; `id` from Family.parents.",
  fields: (t) => ({
    id: t.id(),
    firstName: t.string(),
    lastName: t.string(),
    phone: t.string({ required: false }),
    email: t.string({ required: false }),
  }),
});

const UpdateFamilyInput = builder.inputType("UpdateFamilyInput", {
  description: "Fields left out stay as they are; an empty text clears it.",
  fields: (t) => ({
    familyId: t.id(),
    version: t.int(),
    parents: t.field({ type: [ParentUpdateInput], required: false }),
    postcode: t.string({ required: false }),
    address: t.string({ required: false }),
    householdType: t.field({ type: HouseholdTypeEnum, required: false }),
    riskFactors: t.field({ type: [RiskFactorEnum], required: false }),
    languages: t.stringList({ required: false }),
    note: t.string({ required: false }),
  }),
});

familyMutation<typeof UpdateFamilyInput.$inferInput>("updateFamily", {
  description: "Updates the parents' contact details, address, household, risk factors, languages and note.",
  input: UpdateFamilyInput,
  action: "family.update",
  run: async (tx, ctx, input, familyId) => {
    const parents = (input.parents ?? []).map((p, i) => ({
      id: String(p.id),
      firstName: requiredText(`parents.${i}.firstName`, p.firstName, { max: LIMITS.name }),
      lastName: requiredText(`parents.${i}.lastName`, p.lastName, { max: LIMITS.name }),
      phone: optionalPhone(`parents.${i}.phone`, p.phone),
      email: optionalEmail(`parents.${i}.email`, p.email),
    }));
    const data: Record<string, unknown> = {};
    if (input.postcode !== undefined) data.postcode = optionalPostcode("postcode", input.postcode);
    if (input.address !== undefined) data.address = optionalText("address", input.address, { max: LIMITS.short });
    if (input.householdType !== undefined) data.householdType = input.householdType;
    if (input.riskFactors !== undefined && input.riskFactors !== null) {
      data.riskFactors = codeList("riskFactors", input.riskFactors, RISK_FACTORS) as RiskFactor[];
    }
    if (input.languages !== undefined && input.languages !== null) data.languages = codeList("languages", input.languages);
    if (input.note !== undefined) data.note = optionalText("note", input.note, { max: LIMITS.note, multiline: true });
    await scopedFamily(tx, ctx, familyId);
    await bumpFamily(tx, familyId, input.version, data as { householdType?: HouseholdType | null });
    for (const [i, p] of parents.entries()) {
      const { id, ...values } = p;
      const updated = await tx.parent.updateMany({ where: { id, familyId }, data: withDuplicateKeys(values) });
      if (updated.count !== 1) throw notFound({ nl: "Ouder niet gevonden.", en: "Parent not found." }, `parents.${i}.id`);
    }
    return { fields: [...Object.keys(data), ...(parents.length > 0 ? ["parents"] : [])].sort() };
  },
});

// ---- children -----------------------------------------------------------------------------

const AddChildInput = builder.inputType("AddChildInput", {
  description: "A child with a birth date, or an unborn child with a due date.",
  fields: (t) => ({
    familyId: t.id(),
    version: t.int(),
    firstName: t.string({ required: false }),
    bornOn: t.field({ type: "Date", required: false }),
    expectedOn: t.field({ type: "Date", required: false }),
  }),
});

function childDates(bornOn: string | null | undefined, expectedOn: string | null | undefined) {
  if ((bornOn ? 1 : 0) + (expectedOn ? 1 : 0) !== 1) {
    throw invalidInput(
      "bornOn",
      "Vul een geboortedatum of (voor een verwacht kind) een uitgerekende datum in.",
      "Enter a date of birth or, for an expected child, a due date.",
    );
  }
  return {
    bornOn: bornOn ? plausibleDate("bornOn", bornOn, { notInFuture: true }) : null,
    expectedOn: expectedOn ? plausibleDate("expectedOn", expectedOn, { maxYearsAhead: 1 }) : null,
  };
}

familyMutation<typeof AddChildInput.$inferInput>("addChild", {
  description: "Adds a child or an expected child to the family.",
  input: AddChildInput,
  action: "child.add",
  run: async (tx, ctx, input, familyId) => {
    const dates = childDates(input.bornOn, input.expectedOn);
    const firstName = optionalText("firstName", input.firstName, { max: LIMITS.name });
    const family = await scopedFamily(tx, ctx, familyId);
    if (family.children.length >= 12) throw invalidInput("familyId", "Te veel kinderen.", "Too many children.");
    await bumpFamily(tx, familyId, input.version);
    const child = await tx.child.create({
      data: {
        familyId,
        firstName,
        bornOn: dates.bornOn ? dbDate(dates.bornOn) : null,
        expectedOn: dates.expectedOn ? dbDate(dates.expectedOn) : null,
      },
    });
    return { childId: child.id, expected: dates.expectedOn !== null };
  },
});

const UpdateChildInput = builder.inputType("UpdateChildInput", {
  description: "Register a birth by giving bornOn for an expected child: its due date is then cleared.",
  fields: (t) => ({
    familyId: t.id(),
    version: t.int(),
    childId: t.id(),
    firstName: t.string({ required: false }),
    bornOn: t.field({ type: "Date", required: false }),
    expectedOn: t.field({ type: "Date", required: false, description: "A new due date for a child not yet born." }),
  }),
});

familyMutation<typeof UpdateChildInput.$inferInput>("updateChild", {
  description: "Corrects a child's name or dates, or registers the birth of an expected child (expectedOn → bornOn).",
  input: UpdateChildInput,
  action: "child.update",
  run: async (tx, ctx, input, familyId) => {
    const childId = String(input.childId);
    if (input.bornOn && input.expectedOn) {
      throw invalidInput("expectedOn", "Een geboren kind heeft geen uitgerekende datum.", "A born child has no due date.");
    }
    const bornOn = input.bornOn ? plausibleDate("bornOn", input.bornOn, { notInFuture: true }) : null;
    const expectedOn = input.expectedOn ? plausibleDate("expectedOn", input.expectedOn, { maxYearsAhead: 1 }) : null;
    const firstName = input.firstName === undefined ? undefined : optionalText("firstName", input.firstName, { max: LIMITS.name });
    const family = await scopedFamily(tx, ctx, familyId);
    const child = family.children.find((c) => c.id === childId);
    if (!child) throw notFound({ nl: "Kind niet gevonden.", en: "Child not found." }, "childId");
    if (expectedOn && child.bornOn) {
      throw invalidInput("expectedOn", "Dit kind is al geboren.", "This child has already been born.");
    }
    await bumpFamily(tx, familyId, input.version);
    await tx.child.update({
      where: { id: childId },
      data: {
        ...(firstName !== undefined ? { firstName } : {}),
        ...(bornOn ? { bornOn: dbDate(bornOn), expectedOn: null } : {}),
        ...(expectedOn ? { expectedOn: dbDate(expectedOn) } : {}),
      },
    });
    return { childId, birthRegistered: bornOn !== null && child.bornOn === null };
  },
});

// ---- support questions --------------------------------------------------------------------

const AddSupportQuestionInput = builder.inputType("AddSupportQuestionInput", {
  fields: (t) => ({
    familyId: t.id(),
    question: t.string(),
    goal: t.string({ required: false }),
  }),
});

familyMutation<typeof AddSupportQuestionInput.$inferInput>("addSupportQuestion", {
  description: "Records a support question of the parents, with its goal.",
  input: AddSupportQuestionInput,
  action: "supportQuestion.add",
  run: async (tx, ctx, input, familyId) => {
    const question = requiredText("question", input.question, { max: 1000, multiline: true });
    const goal = optionalText("goal", input.goal, { max: 1000, multiline: true });
    await scopedFamily(tx, ctx, familyId);
    const created = await tx.supportQuestion.create({ data: { familyId, question, goal } });
    return { supportQuestionId: created.id };
  },
});

const UpdateSupportQuestionInput = builder.inputType("UpdateSupportQuestionInput", {
  description: "Fields left out stay as they are.",
  fields: (t) => ({
    familyId: t.id(),
    supportQuestionId: t.id(),
    question: t.string({ required: false }),
    goal: t.string({ required: false }),
    goalReached: t.boolean({ required: false }),
  }),
});

familyMutation<typeof UpdateSupportQuestionInput.$inferInput>("updateSupportQuestion", {
  description: "Rewords a support question or its goal, or records whether the goal was reached.",
  input: UpdateSupportQuestionInput,
  action: "supportQuestion.update",
  run: async (tx, ctx, input, familyId) => {
    const id = String(input.supportQuestionId);
    const data: { question?: string; goal?: string | null; goalReached?: boolean | null } = {};
    if (input.question !== undefined && input.question !== null) {
      data.question = requiredText("question", input.question, { max: 1000, multiline: true });
    }
    if (input.goal !== undefined) data.goal = optionalText("goal", input.goal, { max: 1000, multiline: true });
    if (input.goalReached !== undefined) data.goalReached = input.goalReached;
    await scopedFamily(tx, ctx, familyId);
    const updated = await tx.supportQuestion.updateMany({ where: { id, familyId }, data });
    if (updated.count !== 1) throw notFound({ nl: "Hulpvraag niet gevonden.", en: "Support question not found." }, "supportQuestionId");
    return { supportQuestionId: id, fields: Object.keys(data).sort() };
  },
});

// ---- status moves -------------------------------------------------------------------------

const StartIntakeInput = builder.inputType("StartIntakeInput", {
  fields: (t) => ({
    familyId: t.id(),
    version: t.int(),
    intakeOn: t.field({ type: "Date", required: false, description: "The intake visit's date; today when left out." }),
  }),
});

/** A refused status move: the domain's reasons, about the family as a whole. */
const refuseStep = (reasons: Parameters<typeof Refusal.fromReasons>[0]) => Refusal.fromReasons(reasons, "familyId");

familyMutation<typeof StartIntakeInput.$inferInput>("startIntake", {
  description: "Moves the family to INTAKE (needs the consent to process data) and records the intake date.",
  input: StartIntakeInput,
  action: "family.startIntake",
  run: async (tx, ctx, input, familyId, now) => {
    const intakeOn = input.intakeOn ? plausibleDate("intakeOn", input.intakeOn, { maxYearsAhead: 1 }) : todayInNetherlands(now);
    const family = await scopedFamily(tx, ctx, familyId);
    if (intakeOn < isoDate(family.registeredOn)) {
      throw invalidInput("intakeOn", "De intake ligt vóór de aanmelding.", "The intake is before the registration.");
    }
    const step = checkSupportTransition(family.status, { to: "INTAKE", consents: consentHistory(family), now: now.toISOString() });
    if (!step.ok) throw refuseStep(step.reasons);
    await bumpFamily(tx, familyId, input.version, { status: "INTAKE", intakeOn: dbDate(intakeOn) });
    return { from: family.status, to: "INTAKE" };
  },
});

const StatusMoveInput = builder.inputType("FamilyStatusMoveInput", {
  fields: (t) => ({
    familyId: t.id(),
    version: t.int(),
    note: t.string({ required: false, description: "Why (added to the family's note)." }),
  }),
});

async function moveWithEligibility(
  tx: Tx,
  ctx: Context,
  input: typeof StatusMoveInput.$inferInput,
  familyId: string,
  now: Date,
  to: "WAITING_FOR_MATCH" | "NOT_ELIGIBLE",
) {
  const family = await scopedFamily(tx, ctx, familyId);
  const eligibility = await judgeEligibilityIn(tx, family, todayInNetherlands(now) as IsoDate);
  const step =
    to === "WAITING_FOR_MATCH"
      ? checkSupportTransition(family.status, { to, consents: consentHistory(family), now: now.toISOString(), eligibility })
      : checkSupportTransition(family.status, { to, eligibility });
  if (!step.ok) throw refuseStep(step.reasons);
  await bumpFamily(tx, familyId, input.version, { ...statusMove(to, now), ...(await appendedNote(tx, familyId, input.note)) });
  return { from: family.status, to, eligibility: eligibility.outcome };
}

/** A move to `to`; a family declined or found not eligible records the day, where its retention period starts. */
function statusMove(to: FamilyStatus, now: Date): { status: FamilyStatus; endedOn?: Date } {
  return ENDED_WITHOUT_CLOSURE.includes(to) ? { status: to, endedOn: dbDate(todayInNetherlands(now)) } : { status: to };
}

/** A reason given with a status move is added to the family's note, dated. */
async function appendedNote(tx: Tx, familyId: string, note: string | null | undefined): Promise<{ note?: string }> {
  const text = optionalText("note", note, { max: 1000, multiline: true });
  if (text === null) return {};
  const current = (await tx.family.findUniqueOrThrow({ where: { id: familyId }, select: { note: true } })).note;
  const combined = [current, `${todayInNetherlands()}: ${text}`].filter(Boolean).join("\n");
  if (combined.length > LIMITS.note) throw invalidInput("note", `Maximaal ${LIMITS.note} tekens.`, `At most ${LIMITS.note} characters.`);
  return { note: combined };
}

familyMutation<typeof StatusMoveInput.$inferInput>("completeIntake", {
  description: "Moves the family to WAITING_FOR_MATCH: needs processing consent and eligibility today (judgeEligibility).",
  input: StatusMoveInput,
  action: "family.completeIntake",
  run: (tx, ctx, input, familyId, now) => moveWithEligibility(tx, ctx, input, familyId, now, "WAITING_FOR_MATCH"),
});

familyMutation<typeof StatusMoveInput.$inferInput>("markNotEligible", {
  description: "Moves the family to NOT_ELIGIBLE; refused when the family is eligible today.",
  input: StatusMoveInput,
  action: "family.markNotEligible",
  run: (tx, ctx, input, familyId, now) => moveWithEligibility(tx, ctx, input, familyId, now, "NOT_ELIGIBLE"),
});

familyMutation<typeof StatusMoveInput.$inferInput>("declineFamily", {
  description: "Moves the family to DECLINED (the family does not want support, or it does not fit).",
  input: StatusMoveInput,
  action: "family.decline",
  run: async (tx, ctx, input, familyId, now) => {
    const family = await scopedFamily(tx, ctx, familyId);
    const step = checkSupportTransition(family.status, { to: "DECLINED" });
    if (!step.ok) throw refuseStep(step.reasons);
    await bumpFamily(tx, familyId, input.version, { ...statusMove("DECLINED", now), ...(await appendedNote(tx, familyId, input.note)) });
    return { from: family.status, to: "DECLINED" };
  },
});
