import {
  Alert,
  Button,
  ChoiceGroup,
  DateField,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  SelectField,
  TextAreaField,
  useFormat,
  useLocalized,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import type { ClosureReason, GoalsReached } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import { problemOf, type SectionProps, todayIso } from "../families/family-types.ts";

const CloseFamilyMutation = graphql(`
  mutation CloseFamily($input: CloseFamilyInput!) {
    closeFamily(input: $input) {
      __typename
      ... on CloseFamilySuccess {
        closed {
          family {
            id
            version
            status
          }
          notices {
            kind
            queued
            reasons {
              code
              message {
                nl
                en
              }
            }
          }
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const REASONS: ClosureReason[] = [
  "GOALS_REACHED",
  "FAMILY_ENDED",
  "MOVED_AWAY",
  "REFERRED_TO_PROFESSIONAL_CARE",
  "NO_MATCH_POSSIBLE",
  "OTHER",
];
const GOALS: GoalsReached[] = ["ALL", "PARTLY", "NONE"];

type NoticeOutcome = { kind: string; queued: boolean; reasons: Array<{ code: string; message: { nl: string; en: string } }> };

/** The closure: the form while the API allows closing, afterwards what was recorded and what went to the referrer. */
export function ClosureSection({ family, refresh }: SectionProps) {
  const t = useAppT();
  const format = useFormat();
  const [outcome, setOutcome] = useState<NoticeOutcome[] | null>(null);
  const closure = family.closure;
  const canClose = family.allowedTransitions.includes("CLOSED");
  if (!closure && !canClose) return null;
  return (
    <section className="hs-section hs-box" aria-labelledby="family-closure" data-section="closure">
      <Heading level={2} id="family-closure" tabIndex={-1}>
        {t("closure.title")}
      </Heading>
      {outcome && <NoticeOutcomes notices={outcome} />}
      {closure ? (
        <dl className="hs-facts" data-closure>
          <div>
            <dt>{t("closure.closedOn")}</dt>
            <dd>{format.date(closure.closedOn, "long")}</dd>
          </div>
          <div>
            <dt>{t("closure.reason")}</dt>
            <dd>{label(t, "closureReason", closure.reason)}</dd>
          </div>
          <div>
            <dt>{t("closure.goalsReached")}</dt>
            <dd>{label(t, "goalsReached", closure.goalsReached)}</dd>
          </div>
          {closure.note && (
            <div>
              <dt>{t("closure.note")}</dt>
              <dd className="hs-pre-line">{closure.note}</dd>
            </div>
          )}
        </dl>
      ) : (
        <ClosureForm
          {...{ family, refresh }}
          onClosed={(notices, version) => {
            setOutcome(notices);
            refresh(version);
          }}
        />
      )}
    </section>
  );
}

/** What the closure did about the referrer's END notice, in the API's words. */
function NoticeOutcomes({ notices }: { notices: NoticeOutcome[] }) {
  const t = useAppT();
  const localized = useLocalized();
  return (
    <Alert type="ok" role="status" title={t("closure.done")}>
      {notices.length === 0 && <p data-notice-outcome="none">{t("closure.noNotice")}</p>}
      {notices.map((n) => (
        <div key={n.kind} data-notice-outcome={n.queued ? "queued" : "not-queued"}>
          <p>{n.queued ? t("closure.noticeQueued") : t("closure.noticeNotQueued")}</p>
          {n.reasons.length > 0 && (
            <ul className="utrecht-unordered-list">
              {n.reasons.map((r) => (
                <li key={`${r.code}-${r.message.nl}`} className="utrecht-unordered-list__item">
                  {localized(r.message)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </Alert>
  );
}

function ClosureForm({ family, onClosed }: SectionProps & { onClosed: (notices: NoticeOutcome[], version: number) => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [closedOn, setClosedOn] = useState(todayIso());
  const [reason, setReason] = useState<ClosureReason>(family.status === "WAITING_FOR_MATCH" ? "NO_MATCH_POSSIBLE" : "GOALS_REACHED");
  const [goalsReached, setGoalsReached] = useState<GoalsReached>("PARTLY");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(CloseFamilyMutation, (d) => d.closeFamily);
  const error = (field: string) => fieldError(problem, field, localized);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run({
      input: { familyId: family.id, version: family.version, closedOn, reason, goalsReached, note: note.trim() || null },
    });
    if (!outcome) return;
    setProblem(problemOf(outcome));
    if (outcome.kind === "ok" && "closed" in outcome.data) onClosed(outcome.data.closed.notices, outcome.data.closed.family.version);
  };
  return (
    <form className="hs-form hs-inline-form" noValidate onSubmit={submit} aria-label={t("closure.formLabel")} aria-busy={busy || undefined}>
      <p className="hs-section__intro">{t("closure.intro")}</p>
      <FormProblem problem={problem} />
      <DateField label={t("closure.closedOn")} value={closedOn} onChange={setClosedOn} error={error("closedOn")} />
      <SelectField
        label={t("closure.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value as ClosureReason)}
        options={REASONS.map((r) => ({ value: r, label: label(t, "closureReason", r) }))}
      />
      {error("reason") && <p className="hs-field__error">{error("reason")}</p>}
      <ChoiceGroup
        legend={t("closure.goalsReached")}
        mode="single"
        value={[goalsReached]}
        onChange={([v]) => v && setGoalsReached(v)}
        options={GOALS.map((g) => ({ value: g, label: label(t, "goalsReached", g) }))}
        error={error("goalsReached")}
      />
      <TextAreaField
        label={t("closure.noteOptional")}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={error("note")}
        rows={3}
      />
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t("form.saving") : t("closure.submit")}
        </Button>
      </div>
    </form>
  );
}
