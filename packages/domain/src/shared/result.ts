/**
 * Every rule answers with machine-readable reason codes and human text in Dutch and English,
 * so the API and the portals can explain a refusal in the user's language.
 */
export interface Reason {
  /** Stable, SCREAMING_SNAKE_CASE code, e.g. CHILD_TOO_OLD. */
  code: string;
  nl: string;
  en: string;
}

export type RuleResult<T> = { ok: true; value: T; reasons: Reason[] } | { ok: false; reasons: Reason[] };

export const reason = (code: string, nl: string, en: string): Reason => ({ code, nl, en });

export function allow<T>(value: T, reasons: Reason[] = []): RuleResult<T> {
  return { ok: true, value, reasons };
}

export function refuse<T = never>(...reasons: Reason[]): RuleResult<T> {
  return { ok: false, reasons };
}
