import {
  Button,
  DateField,
  FormProblem,
  fieldError,
  type Problem,
  TextField,
  useFormat,
  useLocalized,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { parseHours } from "./dates.ts";
import "./work.css";

const LogVisitMutation = graphql(`
  mutation LogVisit($input: LogVisitInput!, $weekOf: Date) {
    logVisit(input: $input) {
      __typename
      ... on LogVisitSuccess {
        visit {
          id
          visitedOn
          hours
          match {
            id
            lastVisitOn
            visitCountInWeek(weekOf: $weekOf)
          }
        }
      }
      ... on Refusal {
        code
        field
        message {
          nl
          en
        }
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
`);

const OWN_FIELDS = ["visitedOn", "hours", "note"];

export interface VisitQuickFormProps {
  matchId: string;
  /** The day the date field starts with. */
  defaultDate: string;
  /** The form's accessible name, e.g. which family and volunteer. */
  label: string;
  /** The week the caller lists (so its count refreshes with the answer). */
  weekOf?: string;
  onLogged?: () => void;
}

/** Date, hours, a short note: a visit logged in a few seconds. A refusal shows at its field; nothing typed is lost. */
export function VisitQuickForm({ matchId, defaultDate, label, weekOf, onLogged }: VisitQuickFormProps) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const [visitedOn, setVisitedOn] = useState(defaultDate);
  const [hours, setHours] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, busy } = useRefusableMutation(LogVisitMutation, (d) => d.logVisit);
  const dateRef = useRef<HTMLInputElement>(null);
  const hoursRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!problem || !("refusal" in problem)) return;
    const field = problem.refusal.field;
    (field === "visitedOn" ? dateRef : field === "hours" ? hoursRef : field === "note" ? noteRef : null)?.current?.focus();
  }, [problem]);

  const error = (field: string) => fieldError(problem, field, localized);
  const general = problem && ("failure" in problem || !OWN_FIELDS.includes(problem.refusal.field ?? "")) ? problem : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    const outcome = await run({
      input: { matchId, visitedOn, hours: parseHours(hours), note: note.trim() || null },
      weekOf: weekOf ?? null,
    });
    if (!outcome) return;
    if (outcome.kind === "ok" && "visit" in outcome.data) {
      const visit = outcome.data.visit;
      setProblem(null);
      setHours("");
      setNote("");
      setSaved(t("visit.saved", { date: format.date(visit.visitedOn, "long"), hours: format.number(visit.hours) }));
      onLogged?.();
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : outcome.kind === "failed" ? { failure: outcome.reason } : null);
  };

  return (
    <form className="hs-visit-form" noValidate onSubmit={onSubmit} aria-label={label} aria-busy={busy || undefined}>
      {general && <FormProblem problem={general} />}
      <div className="hs-visit-form__fields">
        <div className="hs-visit-form__date">
          <DateField ref={dateRef} label={t("visit.date")} value={visitedOn} onChange={setVisitedOn} error={error("visitedOn")} />
        </div>
        <div className="hs-visit-form__hours">
          <TextField
            ref={hoursRef}
            label={t("visit.hours")}
            inputMode="decimal"
            autoComplete="off"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            error={error("hours")}
          />
        </div>
        <div className="hs-visit-form__note">
          <TextField
            ref={noteRef}
            label={t("visit.note")}
            autoComplete="off"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={error("note")}
          />
        </div>
        <div className="hs-visit-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {busy ? t("form.saving") : t("visit.submit")}
          </Button>
        </div>
      </div>
      <p className="hs-visit-form__saved" role="status">
        {saved}
      </p>
    </form>
  );
}
