import type { FailureReason, Problem, Refusal } from "@homestart/ui";
import type { FamilyDetailQuery } from "../../gql/graphql.ts";

/** The family as the family page loads it; each section reads what it shows from here. */
export type FamilyRecord = NonNullable<FamilyDetailQuery["family"]>;

/** What every section of the family page gets: the family, and a way to load it again after a change. */
export interface SectionProps {
  family: FamilyRecord;
  /** Loads the family again; `version` is the one a save just answered, so the next save does not wait for the load. */
  refresh: (version?: number) => void;
}

/** A save's outcome as useRefusableMutation answers it. */
export type Outcome = { kind: "ok"; data: object } | { kind: "refused"; refusal: Refusal } | { kind: "failed"; reason: FailureReason };

/** The family's version a successful save answered, if it asked for it. */
export function versionOf(outcome: Outcome | null): number | undefined {
  if (outcome?.kind !== "ok" || !("family" in outcome.data)) return undefined;
  const family = outcome.data.family as { version?: unknown } | null;
  return typeof family?.version === "number" ? family.version : undefined;
}

/** The problem to show for a save that did not succeed, or null when it did (or was a second click). */
export function problemOf(outcome: Outcome | null): Problem | null {
  if (!outcome || outcome.kind === "ok") return null;
  return outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason };
}

/** A refusal because someone else saved first (the API answers CONFLICT on a stale version). */
export function isConflict(problem: Problem | null): boolean {
  return !!problem && "refusal" in problem && problem.refusal.code === "CONFLICT";
}

/** Today in the Netherlands as YYYY-MM-DD: the default date of a form. */
export function todayIso(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}
