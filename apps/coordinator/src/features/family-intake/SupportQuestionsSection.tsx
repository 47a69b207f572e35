import {
  Button,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  TextAreaField,
  TextField,
  useFormat,
  useLocalized,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { problemOf, type SectionProps, versionOf } from "../families/family-types.ts";

const AddSupportQuestionMutation = graphql(`
  mutation AddSupportQuestion($input: AddSupportQuestionInput!) {
    addSupportQuestion(input: $input) {
      __typename
      ... on AddSupportQuestionSuccess {
        family {
          id
          version
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const UpdateSupportQuestionMutation = graphql(`
  mutation UpdateSupportQuestion($input: UpdateSupportQuestionInput!) {
    updateSupportQuestion(input: $input) {
      __typename
      ... on UpdateSupportQuestionSuccess {
        family {
          id
          version
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

/** What the parents want support with and the goal agreed (demand-led); a goal can be marked reached. */
export function SupportQuestionsSection({ family, refresh }: SectionProps) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const [question, setQuestion] = useState("");
  const [goal, setGoal] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const add = useRefusableMutation(AddSupportQuestionMutation, (d) => d.addSupportQuestion);
  const update = useRefusableMutation(UpdateSupportQuestionMutation, (d) => d.updateSupportQuestion);
  const error = (field: string) => fieldError(problem, field, localized);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await add.run({ input: { familyId: family.id, question, goal: goal.trim() || null } });
    if (!outcome) return;
    setProblem(problemOf(outcome));
    if (outcome.kind === "ok") {
      setQuestion("");
      setGoal("");
      refresh(versionOf(outcome));
    }
  };
  const setReached = async (supportQuestionId: string, goalReached: boolean) => {
    const outcome = await update.run({ input: { familyId: family.id, supportQuestionId, goalReached } });
    if (!outcome) return;
    setProblem(problemOf(outcome));
    if (outcome.kind === "ok") refresh(versionOf(outcome));
  };

  return (
    <section className="hs-section hs-box" aria-labelledby="family-questions" data-section="support-questions">
      <Heading level={2} id="family-questions">
        {t("questions.title")}
      </Heading>
      <p className="hs-section__intro">{t("questions.intro")}</p>
      {family.supportQuestions.length === 0 ? (
        <p>{t("questions.none")}</p>
      ) : (
        <ul className="hs-list-plain hs-questions">
          {family.supportQuestions.map((q) => (
            <li key={q.id} className="hs-question">
              <p className="hs-question__text">{q.question}</p>
              <p>
                {t("questions.goal")}: {q.goal || t("family.unknown")}
              </p>
              <p className="hs-muted">
                {t("questions.recordedOn", { date: format.date(q.createdAt, "short") })}
                {" · "}
                {q.goalReached === true
                  ? t("questions.reached")
                  : q.goalReached === false
                    ? t("questions.notReached")
                    : t("questions.open")}
              </p>
              {q.goal && (
                <Button appearance="subtle" busy={update.busy} onClick={() => setReached(q.id, q.goalReached !== true)}>
                  {q.goalReached === true ? t("questions.markNotReached") : t("questions.markReached")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="hs-form hs-inline-form" noValidate onSubmit={submit} aria-labelledby="question-add-title">
        <Heading level={3} id="question-add-title">
          {t("questions.add")}
        </Heading>
        <FormProblem problem={problem} />
        <TextAreaField
          label={t("questions.question")}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          error={error("question")}
          rows={2}
        />
        <TextField label={t("questions.goalOptional")} value={goal} onChange={(e) => setGoal(e.target.value)} error={error("goal")} />
        <div className="hs-form__actions">
          <Button type="submit" busy={add.busy}>
            {add.busy ? t("form.saving") : t("questions.addSubmit")}
          </Button>
        </div>
      </form>
    </section>
  );
}
