import type { Reason } from "@homestart/domain";
import { builder } from "../builder.ts";
import { Refusal } from "../errors.ts";

export const LocalizedText = builder.objectRef<{ nl: string; en: string }>("LocalizedText").implement({
  description: "A text in Dutch and English; the portals show the user's language.",
  fields: (t) => ({ nl: t.exposeString("nl"), en: t.exposeString("en") }),
});

export const ReasonRef = builder.objectRef<Reason>("Reason").implement({
  description: "One reason behind a rule's answer, from packages/domain.",
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.field({ type: LocalizedText, resolve: (r) => ({ nl: r.nl, en: r.en }) }),
  }),
});

export const ErrorInterface = builder.interfaceRef<Refusal>("Error").implement({
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.field({ type: LocalizedText, resolve: (e) => ({ nl: e.nl, en: e.en }) }),
  }),
});

builder.objectType(Refusal, {
  name: "Refusal",
  description: "A refused request: a rule said no, or the input was invalid. Nothing was changed.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof Refusal,
  fields: (t) => ({
    reasons: t.field({ type: [ReasonRef], resolve: (e) => e.reasons }),
    field: t.exposeString("field", { nullable: true }),
  }),
});
