import type { Reason } from "@homestart/domain";

/**
 * A refusal the user can act on: a broken rule or bad input. Carries a reason code and
 * Dutch/English text (from packages/domain where a rule refused), never a stack trace.
 */
export class Refusal extends Error {
  override name = "Refusal";
  constructor(
    readonly code: string,
    readonly nl: string,
    readonly en: string,
    readonly reasons: Reason[] = [],
    /** The input field this refusal is about, so a form can show it next to that field. */
    readonly field: string | null = null,
  ) {
    super(en);
  }

  static fromReasons(reasons: Reason[], field: string | null = null): Refusal {
    const first = reasons[0] ?? { code: "REFUSED", nl: "Niet toegestaan.", en: "Not allowed." };
    return new Refusal(first.code, first.nl, first.en, reasons, field);
  }
}

export const invalidInput = (field: string, nl: string, en: string) => new Refusal("INVALID_INPUT", nl, en, [], field);
