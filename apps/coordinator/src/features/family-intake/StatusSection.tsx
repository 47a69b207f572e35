import {
  Alert,
  Button,
  ConfirmButton,
  FormProblem,
  Heading,
  type Problem,
  useFormat,
  useLocale,
  useRefusableMutation,
} from "@homestart/ui";
import { useState } from "react";
import type { FamilyStatus } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label, statusBadgeClass } from "../../labels.ts";
import { type Outcome, problemOf, type SectionProps, versionOf } from "../families/family-types.ts";
import { languageName } from "../families/language.ts";

const RecordCallBackMutation = graphql(`
  mutation RecordCallBack($input: RecordCallBackInput!) {
    recordCallBack(input: $input) {
      __typename
      ... on RecordCallBackSuccess {
        family {
          id
          version
          calledBackAt
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const StartIntakeMutation = graphql(`
  mutation StartIntake($input: StartIntakeInput!) {
    startIntake(input: $input) {
      __typename
      ... on StartIntakeSuccess {
        family {
          id
          version
          status
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const CompleteIntakeMutation = graphql(`
  mutation CompleteIntake($input: FamilyStatusMoveInput!) {
    completeIntake(input: $input) {
      __typename
      ... on CompleteIntakeSuccess {
        family {
          id
          version
          status
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const DeclineFamilyMutation = graphql(`
  mutation DeclineFamily($input: FamilyStatusMoveInput!) {
    declineFamily(input: $input) {
      __typename
      ... on DeclineFamilySuccess {
        family {
          id
          version
          status
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const MarkNotEligibleMutation = graphql(`
  mutation MarkNotEligible($input: FamilyStatusMoveInput!) {
    markNotEligible(input: $input) {
      __typename
      ... on MarkNotEligibleSuccess {
        family {
          id
          version
          status
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

/**
 * Status and next step: the call-back (one click) and exactly the moves the API allows
 * (`allowedTransitions`); a refused move shows the API's reasons.
 */
export function StatusSection({ family, refresh }: SectionProps) {
  const t = useAppT();
  const format = useFormat();
  const { locale } = useLocale();
  const [problem, setProblem] = useState<Problem | null>(null);
  // What the last step did, shown while the family is still in the status that step led to.
  const [done, setDone] = useState<{ text: string; status: string } | null>(null);
  const callBack = useRefusableMutation(RecordCallBackMutation, (d) => d.recordCallBack);
  const startIntake = useRefusableMutation(StartIntakeMutation, (d) => d.startIntake);
  const completeIntake = useRefusableMutation(CompleteIntakeMutation, (d) => d.completeIntake);
  const decline = useRefusableMutation(DeclineFamilyMutation, (d) => d.declineFamily);
  const notEligible = useRefusableMutation(MarkNotEligibleMutation, (d) => d.markNotEligible);
  const busy = callBack.busy || startIntake.busy || completeIntake.busy || decline.busy || notEligible.busy;

  const settle = (outcome: Outcome | null, message: string, status: FamilyStatus = family.status) => {
    if (!outcome) return;
    setProblem(problemOf(outcome));
    if (outcome.kind === "ok") {
      setDone({ text: message, status });
      refresh(versionOf(outcome));
    } else setDone(null);
  };
  const move = { familyId: family.id, version: family.version };
  const allowed = new Set<FamilyStatus>(family.allowedTransitions);
  const language = family.preferredLanguage ? languageName(family.preferredLanguage, locale) : null;

  return (
    <section className="hs-box hs-section hs-status-section" aria-labelledby="family-status" data-section="status">
      <Heading level={2} id="family-status">
        {t("status.title")}
      </Heading>
      <dl className="hs-facts">
        <div>
          <dt>{t("family.status")}</dt>
          <dd>
            <span className={statusBadgeClass(family.status)} data-status={family.status}>
              {label(t, "status", family.status)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("status.channel")}</dt>
          <dd>{label(t, "channel", family.channel)}</dd>
        </div>
        {language && (
          <div>
            <dt>{t("status.preferredLanguage")}</dt>
            <dd data-preferred-language={family.preferredLanguage}>{language}</dd>
          </div>
        )}
        <div>
          <dt>{t("status.calledBack")}</dt>
          <dd>{family.calledBackAt ? format.dateTime(family.calledBackAt) : t("status.notCalledBack")}</dd>
        </div>
        {family.intakeOn && (
          <div>
            <dt>{t("status.intakeOn")}</dt>
            <dd>{format.date(family.intakeOn, "long")}</dd>
          </div>
        )}
      </dl>
      <FormProblem problem={problem} title={t("status.refused")} />
      {done && done.status === family.status && (
        <Alert type="ok" role="status">
          <p>{done.text}</p>
        </Alert>
      )}
      <div className="hs-actions">
        {!family.calledBackAt && family.status === "REGISTERED" && (
          <Button
            appearance="primary"
            busy={callBack.busy}
            onClick={async () => settle(await callBack.run({ input: move }), t("status.calledBackDone"))}
          >
            {t("status.recordCallBack")}
          </Button>
        )}
        {allowed.has("INTAKE") && (
          <Button
            appearance={family.calledBackAt ? "primary" : "secondary"}
            busy={startIntake.busy}
            disabled={busy && !startIntake.busy}
            onClick={async () =>
              settle(await startIntake.run({ input: move }), t("status.movedTo", { status: label(t, "status", "INTAKE") }), "INTAKE")
            }
          >
            {t("status.startIntake")}
          </Button>
        )}
        {allowed.has("WAITING_FOR_MATCH") && (
          <Button
            appearance="primary"
            busy={completeIntake.busy}
            onClick={async () =>
              settle(
                await completeIntake.run({ input: move }),
                t("status.movedTo", { status: label(t, "status", "WAITING_FOR_MATCH") }),
                "WAITING_FOR_MATCH",
              )
            }
          >
            {t("status.completeIntake")}
          </Button>
        )}
        {allowed.has("ACTIVE") && (
          <a className="utrecht-link utrecht-link--html-a hs-actions__link" href="#family-match-title">
            {t("status.toMatch")}
          </a>
        )}
        {allowed.has("CLOSED") && (
          <a className="utrecht-link utrecht-link--html-a hs-actions__link" href="#family-closure">
            {t("status.toClosure")}
          </a>
        )}
        {allowed.has("DECLINED") && (
          <ConfirmButton
            busy={decline.busy}
            question={t("status.declineQuestion")}
            confirmLabel={t("status.declineConfirm")}
            onConfirm={async () =>
              settle(await decline.run({ input: move }), t("status.movedTo", { status: label(t, "status", "DECLINED") }), "DECLINED")
            }
          >
            {t("status.decline")}
          </ConfirmButton>
        )}
        {allowed.has("NOT_ELIGIBLE") && (
          <ConfirmButton
            busy={notEligible.busy}
            question={t("status.notEligibleQuestion")}
            confirmLabel={t("status.notEligibleConfirm")}
            onConfirm={async () =>
              settle(
                await notEligible.run({ input: move }),
                t("status.movedTo", { status: label(t, "status", "NOT_ELIGIBLE") }),
                "NOT_ELIGIBLE",
              )
            }
          >
            {t("status.notEligible")}
          </ConfirmButton>
        )}
      </div>
      {family.allowedTransitions.length === 0 && <p className="hs-muted">{t("status.final")}</p>}
    </section>
  );
}
