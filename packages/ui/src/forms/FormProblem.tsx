import { type Ref, useEffect, useRef } from "react";
import type { Refusal } from "../api/operations.ts";
import type { FailureReason } from "../auth/AuthProvider.tsx";
import { Alert } from "../components/Alert.tsx";
import { useLocalized, useT } from "../i18n/I18nProvider.tsx";

export type Problem = { refusal: Refusal } | { failure: FailureReason };

/**
 * Why a save did not happen, above the form, in the user's language: the API's refusal with each
 * of its reasons, or that the server could not be reached. Takes focus when it appears.
 */
export function FormProblem({ problem, title }: { problem: Problem | null; title?: string }) {
  const t = useT();
  const localized = useLocalized();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  const reasons = "refusal" in problem ? problem.refusal.reasons.filter((r) => r.code !== problem.refusal.code) : [];
  return (
    <Alert type="error" role="alert" title={title ?? t("form.notSaved")} tabIndex={-1} ref={ref as Ref<HTMLDivElement>}>
      <p>
        {"refusal" in problem
          ? localized(problem.refusal.message)
          : t(problem.failure === "unavailable" ? "error.network" : "error.unexpected")}
      </p>
      {reasons.length > 0 && (
        <ul className="utrecht-unordered-list">
          {reasons.map((r) => (
            <li key={`${r.code}-${r.message.nl}`} className="utrecht-unordered-list__item">
              {localized(r.message)}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** The refusal's message when it concerns `field` (the API names the input field it is about). */
export function fieldError(problem: Problem | null, field: string, localized: (text: { nl: string; en: string }) => string): string | null {
  if (!problem || !("refusal" in problem) || problem.refusal.field !== field) return null;
  return localized(problem.refusal.message);
}
