import { Alert, Heading, useFormat, useLocalized } from "@homestart/ui";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import type { FamilyRecord } from "./family-types.ts";

const OUTCOME_ALERT: Record<string, "ok" | "warning" | "error" | "info"> = {
  ELIGIBLE: "ok",
  NOT_YET: "info",
  NOT_ELIGIBLE: "error",
  INCOMPLETE: "warning",
};

/** The API's verdict, its window, the municipality's policy in force and the reasons, in the user's language. */
export function EligibilityView({ family }: { family: FamilyRecord }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const e = family.eligibility;
  const childById = new Map(family.children.map((c) => [c.id, c]));
  const date = (value: string) => format.date(value, "long");
  const window =
    e.eligibleFrom && e.eligibleUntil
      ? t("eligibility.window", { from: date(e.eligibleFrom), until: date(e.eligibleUntil) })
      : e.eligibleFrom
        ? t("eligibility.windowFrom", { from: date(e.eligibleFrom) })
        : null;
  // The API names a child by its id in the reasons; show the child's first name instead.
  const withNames = (text: string) =>
    [...childById.values()].reduce((acc, child) => (child.firstName ? acc.split(child.id).join(child.firstName) : acc), text);

  return (
    <section className="hs-box hs-eligibility" aria-labelledby="eligibility-title" data-outcome={e.outcome}>
      <Heading level={2} id="eligibility-title">
        {t("eligibility.title")}
      </Heading>
      <Alert
        type={OUTCOME_ALERT[e.outcome] ?? "info"}
        title={label(t, "eligibility.outcome", e.outcome)}
        className="hs-eligibility__verdict"
      >
        {window && <p className="hs-eligibility__window">{window}</p>}
        {e.untilIsEstimate && <p>{t("eligibility.windowEstimate")}</p>}
        <p className="hs-eligibility__judged">{t("eligibility.judgedOn", { date: format.date(new Date(), "long") })}</p>
      </Alert>
      <div className="hs-eligibility__details">
        <div className="hs-eligibility__policy">
          <Heading level={3}>{t("eligibility.policy")}</Heading>
          {e.policy ? (
            <>
              <p className="hs-eligibility__policy-text">
                {family.municipality.name}:{" "}
                <strong>{t("eligibility.policyText", { max: e.policy.maxAgeInclusive, weeks: e.policy.pregnancyWeeksFrom })}</strong>
              </p>
              <p className="hs-muted">
                {e.policy.validUntil
                  ? t("eligibility.policyValidRange", { from: date(e.policy.validFrom), until: date(e.policy.validUntil) })
                  : t("eligibility.policyValid", { from: date(e.policy.validFrom) })}
              </p>
            </>
          ) : (
            <p>{t("eligibility.noPolicy")}</p>
          )}
        </div>
        {e.reasons.length > 0 && (
          <div className="hs-eligibility__reasons">
            <Heading level={3}>{t("eligibility.reasons")}</Heading>
            <ul className="hs-reasons">
              {e.reasons.map((reason) => (
                <li key={`${reason.code}-${reason.message.nl}`} data-reason={reason.code}>
                  {withNames(localized(reason.message))}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
