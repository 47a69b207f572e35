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
  TableHead,
  TextAreaField,
  useFormat,
  useLocalized,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import type { EvaluationKind } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import { problemOf, type SectionProps, todayIso } from "../families/family-types.ts";
import { TableWrap } from "../families/TableWrap.tsx";

const RecordEvaluationMutation = graphql(`
  mutation RecordEvaluation($input: RecordEvaluationInput!) {
    recordEvaluation(input: $input) {
      __typename
      ... on RecordEvaluationSuccess {
        evaluation {
          id
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

/** The four outcomes studied (seed 002), each scored 1–5. */
const SCORES = ["parentalWellbeing", "positiveParenting", "childBehaviour", "network"] as const;
type Score = (typeof SCORES)[number];

/** Interim and final evaluations with their four scores, and the form to record one. */
export function EvaluationsSection({ family, refresh }: SectionProps) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const [kind, setKind] = useState<EvaluationKind>("INTERIM");
  const [heldOn, setHeldOn] = useState(todayIso());
  const [scores, setScores] = useState<Record<Score, string>>({
    parentalWellbeing: "",
    positiveParenting: "",
    childBehaviour: "",
    network: "",
  });
  const [summary, setSummary] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const { run, busy } = useRefusableMutation(RecordEvaluationMutation, (d) => d.recordEvaluation);
  const error = (field: string) => fieldError(problem, field, localized);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const score = (s: Score) => (scores[s] ? Number(scores[s]) : null);
    const outcome = await run({
      input: {
        familyId: family.id,
        kind,
        heldOn,
        parentalWellbeing: score("parentalWellbeing"),
        positiveParenting: score("positiveParenting"),
        childBehaviour: score("childBehaviour"),
        network: score("network"),
        summary: summary.trim() || null,
      },
    });
    if (!outcome) return;
    setProblem(problemOf(outcome));
    setSaved(outcome.kind === "ok");
    if (outcome.kind === "ok") {
      setScores({ parentalWellbeing: "", positiveParenting: "", childBehaviour: "", network: "" });
      setSummary("");
      refresh();
    }
  };
  const scoreText = (value: number | null | undefined) => (value == null ? "–" : String(value));

  return (
    <section className="hs-section hs-box" aria-labelledby="family-evaluations" data-section="evaluations">
      <Heading level={2} id="family-evaluations">
        {t("evaluations.title")}
      </Heading>
      {family.evaluations.length === 0 ? (
        <p>{t("evaluations.none")}</p>
      ) : (
        <TableWrap label={t("evaluations.caption")}>
          <table className="utrecht-table utrecht-table--html-table hs-table" data-evaluations>
            <caption className="utrecht-table__caption hs-table__caption">{t("evaluations.caption")}</caption>
            <TableHead
              columns={[
                t("evaluations.heldOn"),
                t("evaluations.kind"),
                ...SCORES.map((s) => t(`evaluations.score.${s}`)),
                t("evaluations.summary"),
              ]}
            />
            <tbody className="utrecht-table__body">
              {family.evaluations.map((e) => (
                <tr key={e.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                    {format.date(e.heldOn, "short")}
                  </th>
                  <td className="utrecht-table__cell">{label(t, "evaluationKind", e.kind)}</td>
                  {SCORES.map((s) => (
                    <td key={s} className="utrecht-table__cell utrecht-table__cell--numeric">
                      {scoreText(e[s])}
                    </td>
                  ))}
                  <td className="utrecht-table__cell">
                    {e.summary || "–"}
                    {e.recordedByName && <div className="hs-muted">{e.recordedByName}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form className="hs-form hs-inline-form" noValidate onSubmit={submit} aria-labelledby="evaluation-form-title">
        <Heading level={3} id="evaluation-form-title">
          {t("evaluations.record")}
        </Heading>
        <FormProblem problem={problem} />
        {saved && (
          <Alert type="ok" role="status">
            <p>{t("evaluations.saved")}</p>
          </Alert>
        )}
        <ChoiceGroup
          legend={t("evaluations.kind")}
          mode="single"
          value={[kind]}
          onChange={([v]) => v && setKind(v)}
          options={(["INTERIM", "FINAL"] as const).map((k) => ({ value: k, label: label(t, "evaluationKind", k) }))}
          error={error("kind")}
        />
        <DateField label={t("evaluations.heldOn")} value={heldOn} onChange={setHeldOn} error={error("heldOn")} />
        <div className="hs-score-grid">
          {SCORES.map((s) => (
            <SelectField
              key={s}
              label={t(`evaluations.score.${s}`)}
              value={scores[s]}
              onChange={(e) => setScores({ ...scores, [s]: e.target.value })}
              options={[
                { value: "", label: t("evaluations.noScore") },
                ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`evaluations.scale.${n}` as "evaluations.scale.1") })),
              ]}
            />
          ))}
        </div>
        {SCORES.map(
          (s) =>
            error(s) && (
              <p key={s} className="hs-field__error">
                {error(s)}
              </p>
            ),
        )}
        <TextAreaField
          label={t("evaluations.summary")}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          error={error("summary")}
          rows={3}
        />
        <div className="hs-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {busy ? t("form.saving") : t("evaluations.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}
