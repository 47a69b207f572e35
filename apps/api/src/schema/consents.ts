// Consent: separate, withdrawable decisions of the parents (seed 004), recorded append-only through
// packages/domain appendConsentEvent; a withdrawal is a new event, never an edit. Also the referral
// (who referred the family), which the consents to notify and share with the referrer are about.
import type { PrismaNamespace } from "@homestart/db";
import { ConsentAction } from "@homestart/db";
import {
  appendConsentEvent,
  CONSENT_TYPES,
  type ConsentEvent,
  type ConsentType,
  consentsInForce,
  decidingConsentEvent,
  mayDo,
} from "@homestart/domain";
import { builder } from "../builder.ts";
import { Refusal } from "../errors.ts";
import { notFound, writeAudited } from "../mutations.ts";
import { optionalText, requireId } from "../validate.ts";
import { FAMILY_NOT_FOUND, FamilyRef, familyLocationScope } from "./families.ts";
import { lockFamilyForChange } from "./family-guard.ts";
import { ConsentTypeEnum, ReferrerTypeEnum } from "./family-registration.ts";
import { refusable } from "./mutation-result.ts";

export const ConsentActionEnum = builder.enumType(ConsentAction, { name: "ConsentAction" });

const COORDINATOR = { coordinator: true } as const;

builder.prismaObject("Referrer", {
  authScopes: COORDINATOR,
  fields: (t) => ({
    type: t.expose("type", { type: ReferrerTypeEnum }),
    name: t.exposeString("name"),
    organisation: t.exposeString("organisation", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
  }),
});

builder.prismaObject("Referral", {
  authScopes: COORDINATOR,
  fields: (t) => ({
    referredOn: t.expose("referredOn", { type: "Date" }),
    referrer: t.relation("referrer"),
  }),
});

builder.prismaObject("ConsentEvent", {
  authScopes: COORDINATOR,
  description: "One decision of the parents: a consent granted or withdrawn. The history is never edited.",
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.expose("type", { type: ConsentTypeEnum }),
    action: t.expose("action", { type: ConsentActionEnum }),
    at: t.expose("at", { type: "DateTime" }),
    textVersion: t.exposeString("textVersion", { nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    recordedByName: t.string({
      nullable: true,
      description: "The user who recorded it; null when the parents gave it on the public registration page.",
      select: { recordedBy: { select: { name: true } } },
      resolve: (e) => e.recordedBy?.name ?? null,
    }),
  }),
});

interface ConsentInForceShape {
  type: ConsentType;
  inForce: boolean;
  since: Date | null;
}

const ConsentInForceRef = builder.objectRef<ConsentInForceShape>("ConsentInForce").implement({
  description: "Whether a consent is in force now (packages/domain consentsInForce).",
  fields: (t) => ({
    type: t.field({ type: ConsentTypeEnum, resolve: (c) => c.type }),
    inForce: t.exposeBoolean("inForce"),
    since: t.expose("since", { type: "DateTime", nullable: true, description: "When the deciding event was recorded." }),
  }),
});

const toDomainEvent = (e: {
  id: string;
  type: ConsentType;
  action: "GRANTED" | "WITHDRAWN";
  at: Date;
  textVersion: string | null;
}): ConsentEvent => ({
  id: e.id,
  type: e.type,
  action: e.action,
  at: e.at.toISOString(),
  textVersion: e.textVersion,
});

const CONSENT_ORDER = [{ at: "asc" }, { id: "asc" }] satisfies PrismaNamespace.ConsentEventOrderByWithRelationInput[];

builder.prismaObjectFields(FamilyRef, (t) => ({
  referral: t.relation("referral", { nullable: true, description: "Who referred the family; null for a self-registration." }),
  consents: t.relation("consents", {
    description: "The whole consent history, oldest first (append-only).",
    query: { orderBy: CONSENT_ORDER },
  }),
  consentsInForce: t.field({
    type: [ConsentInForceRef],
    description: "Each consent type, in force now or not.",
    // The relation's order, so the family page loads the history once for both fields.
    select: { consents: { select: { id: true, type: true, action: true, at: true, textVersion: true }, orderBy: CONSENT_ORDER } },
    resolve: (family) => {
      const now = new Date().toISOString();
      const history = family.consents.map(toDomainEvent);
      const inForce = consentsInForce(history, now);
      return CONSENT_TYPES.map((type) => {
        const deciding = decidingConsentEvent(history, type, now);
        return { type, inForce: inForce[type], since: deciding ? new Date(deciding.at) : null };
      });
    },
  }),
}));

const ConsentChangeInput = builder.inputType("ConsentChangeInput", {
  fields: (t) => ({
    familyId: t.id(),
    type: t.field({ type: ConsentTypeEnum }),
    note: t.string({ required: false }),
    textVersion: t.string({ required: false, description: "Version of the consent text the parents were shown." }),
  }),
});

function consentMutation(name: "grantConsent" | "withdrawConsent", action: "GRANTED" | "WITHDRAWN") {
  builder.mutationField(name, (t) =>
    t.field({
      type: FamilyRef,
      authScopes: COORDINATOR,
      description:
        action === "GRANTED"
          ? "Records that the parents gave a consent (a new event in the history)."
          : "Records that the parents withdrew a consent; refused when it is not in force. Takes effect at once.",
      args: { input: t.arg({ type: ConsentChangeInput }) },
      errors: refusable(name === "grantConsent" ? "GrantConsent" : "WithdrawConsent", "family"),
      resolve: async (_root, { input }, ctx) => {
        const familyId = requireId("familyId", input.familyId, "Family");
        const note = optionalText("note", input.note, { max: 1000, multiline: true });
        const textVersion = optionalText("textVersion", input.textVersion, { max: 50 });
        return writeAudited(ctx, async (tx) => {
          const now = new Date();
          // Not into an anonymised family: its consent history is closed (the lock also orders concurrent changes).
          await lockFamilyForChange(tx, ctx, familyId);
          // Touch the family first: concurrent consent changes of one family then wait for each other.
          const touched = await tx.family.updateMany({
            where: { id: familyId, locationId: { in: familyLocationScope(ctx) } },
            data: { updatedAt: now },
          });
          if (touched.count !== 1) throw notFound(FAMILY_NOT_FOUND, "familyId");
          const history = await tx.consentEvent.findMany({
            where: { familyId },
            select: { id: true, type: true, action: true, at: true, textVersion: true },
          });
          const appended = appendConsentEvent(history.map(toDomainEvent), { type: input.type, action, at: now.toISOString(), textVersion });
          if (!appended.ok) throw Refusal.fromReasons(appended.reasons, "type");
          const event = await tx.consentEvent.create({
            data: { familyId, type: input.type, action, at: now, recordedById: ctx.viewer?.id, textVersion, note },
          });
          // Without the consent to notify, notices not yet sent will not go: cancel them now, so the
          // coordinator does not see a failed notice waiting (delivery checks again at sending anyway).
          let noticesCancelled = 0;
          const notify = mayDo(appended.value, "NOTIFY_REFERRER", now.toISOString());
          if (!notify.ok) {
            const cancelled = await tx.referrerNotification.updateMany({
              where: { familyId, status: { in: ["PENDING", "FAILED"] } },
              data: { status: "CANCELLED", nextAttemptAt: null, lastError: notify.reasons.map((r) => r.code).join(", ") },
            });
            noticesCancelled = cancelled.count;
          }
          return {
            result: await tx.family.findUniqueOrThrow({ where: { id: familyId } }),
            audit: {
              action: action === "GRANTED" ? "consent.grant" : "consent.withdraw",
              entityType: "Family",
              entityId: familyId,
              detail: { consentEventId: event.id, type: input.type, noticesCancelled },
            },
          };
        });
      },
    }),
  );
}

consentMutation("grantConsent", "GRANTED");
consentMutation("withdrawConsent", "WITHDRAWN");
