import {
  Alert,
  Button,
  ChoiceGroup,
  ConfirmButton,
  DateField,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  RecordPage,
  TextAreaField,
  TextField,
  useFormat,
  useLocalized,
  usePageTitle,
  useRefusableMutation,
  useSearchState,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import type { LocationVisitatiesQuery, QualityReviewOutcome } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label, visitatieBadgeClass } from "../../labels.ts";

const LocationVisitatiesQueryDocument = graphql(`
  query LocationVisitaties($id: ID!) {
    location(id: $id) {
      id
      name
      city
      organisation {
        id
        name
      }
      visitatie {
        status
        dueOn
        basis
        lastPerformedOn
        plannedOn
        reasons {
          code
          message {
            nl
            en
          }
        }
      }
      qualityReviews {
        id
        status
        version
        plannedOn
        performedOn
        outcome
        findings
        reviewers {
          id
          name
        }
        improvementActions {
          id
          description
          dueOn
          completedOn
          overdue
        }
      }
    }
    visitatieReviewers {
      id
      name
    }
  }
`);

const PlanVisitatieMutation = graphql(`
  mutation PlanVisitatie($input: PlanVisitatieInput!) {
    planVisitatie(input: $input) {
      __typename
      ... on PlanVisitatieSuccess {
        qualityReview {
          id
          status
        }
      }
      ...NationalRefusal
    }
  }
`);

const RescheduleVisitatieMutation = graphql(`
  mutation RescheduleVisitatie($input: RescheduleVisitatieInput!) {
    rescheduleVisitatie(input: $input) {
      __typename
      ... on RescheduleVisitatieSuccess {
        qualityReview {
          id
          status
          plannedOn
          version
        }
      }
      ...NationalRefusal
    }
  }
`);

const CancelVisitatieMutation = graphql(`
  mutation CancelVisitatie($input: CancelVisitatieInput!) {
    cancelVisitatie(input: $input) {
      __typename
      ... on CancelVisitatieSuccess {
        qualityReview {
          id
          status
          version
        }
      }
      ...NationalRefusal
    }
  }
`);

const RecordOutcomeMutation = graphql(`
  mutation RecordVisitatieOutcome($input: RecordVisitatieOutcomeInput!) {
    recordVisitatieOutcome(input: $input) {
      __typename
      ... on RecordVisitatieOutcomeSuccess {
        qualityReview {
          id
          status
          version
        }
      }
      ...NationalRefusal
    }
  }
`);

const AddImprovementActionMutation = graphql(`
  mutation AddImprovementAction($input: AddImprovementActionInput!) {
    addImprovementAction(input: $input) {
      __typename
      ... on AddImprovementActionSuccess {
        improvementAction {
          id
        }
      }
      ...NationalRefusal
    }
  }
`);

export const CompleteImprovementActionMutation = graphql(`
  mutation CompleteImprovementAction($input: CompleteImprovementActionInput!) {
    completeImprovementAction(input: $input) {
      __typename
      ... on CompleteImprovementActionSuccess {
        improvementAction {
          id
          completedOn
          overdue
        }
      }
      ...NationalRefusal
    }
  }
`);

type Data = LocationVisitatiesQuery;
type Location = NonNullable<Data["location"]>;
type Review = Location["qualityReviews"][number];
type Reviewer = Data["visitatieReviewers"][number];
const OUTCOMES: readonly QualityReviewOutcome[] = ["MEETS_STANDARDS", "MEETS_WITH_ACTIONS", "DOES_NOT_MEET"];

/** One location's visitaties: where it stands, plan / reschedule / cancel, outcome, improvement actions. */
export function LocationVisitatiesPage({ id }: { id: string }) {
  const t = useAppT();
  const [answer, reexecute] = useQuery({ query: LocationVisitatiesQueryDocument, variables: { id } });
  const refetch = () => reexecute({ requestPolicy: "network-only" });
  return (
    <RecordPage
      back={{ href: "/visitaties", label: t("visitatie.back") }}
      result={answer}
      retry={refetch}
      record={(data) => data.location}
      notFound={{ title: t("visitatie.notFoundTitle"), text: t("visitatie.notFoundText") }}
    >
      {(location, data) => <VisitatiesView location={location} reviewers={data.visitatieReviewers} refetch={refetch} />}
    </RecordPage>
  );
}

function VisitatiesView({ location, reviewers, refetch }: { location: Location; reviewers: Reviewer[]; refetch: () => void }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const title = t("visitatie.title", { location: location.name });
  usePageTitle(title);
  const [done, setDone] = useState<string | null>(null);
  const state = location.visitatie;
  const planned = location.qualityReviews.find((r) => r.status === "PLANNED");
  const earlier = location.qualityReviews.filter((r) => r.status !== "PLANNED");
  const newestPerformed = earlier.find((r) => r.status === "PERFORMED");
  const after = (message: string) => {
    setDone(message);
    refetch();
  };

  return (
    <article aria-labelledby="visitatie-title">
      <div className="hs-page-head">
        <Heading level={1} id="visitatie-title">
          {title}
        </Heading>
        <p>
          <span className={visitatieBadgeClass(state.status)} data-visitatie-status={state.status}>
            {label(t, "visitatieStatus", state.status)}
          </span>
        </p>
      </div>
      {done && (
        <Alert type="ok" role="status">
          <p>{done}</p>
        </Alert>
      )}
      <section className="hs-section hs-box" aria-labelledby="visitatie-state">
        <Heading level={2} id="visitatie-state">
          {t("visitatie.state")}
        </Heading>
        <dl className="hs-facts">
          <div>
            <dt>{t("visitatie.status")}</dt>
            <dd>{label(t, "visitatieStatus", state.status)}</dd>
          </div>
          <div>
            <dt>{t("visitatie.dueOn")}</dt>
            <dd>{format.date(state.dueOn, "long")}</dd>
          </div>
          <div>
            <dt>{t("visitatie.basis")}</dt>
            <dd>{label(t, "basis", state.basis)}</dd>
          </div>
          <div>
            <dt>{t("visitatie.last")}</dt>
            <dd>{state.lastPerformedOn ? format.date(state.lastPerformedOn, "long") : t("visitatie.none")}</dd>
          </div>
          <div>
            <dt>{t("visitatie.next")}</dt>
            <dd data-planned-on={state.plannedOn ?? ""}>{state.plannedOn ? format.date(state.plannedOn, "long") : t("visitatie.none")}</dd>
          </div>
        </dl>
        {state.reasons.length > 0 && (
          <ul className="utrecht-unordered-list hs-reasons">
            {state.reasons.map((r) => (
              <li key={r.code} className="utrecht-unordered-list__item">
                {localized(r.message)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {planned ? (
        <PlannedReview key={`${planned.id}-${planned.version}`} review={planned} reviewers={reviewers} onDone={after} />
      ) : (
        state.status !== "CLOSED" && <PlanForm locationId={location.id} reviewers={reviewers} onDone={after} />
      )}

      <section className="hs-section" aria-labelledby="visitatie-history">
        <Heading level={2} id="visitatie-history">
          {t("visitatie.history")}
        </Heading>
        {earlier.length === 0 ? (
          <p>{t("visitatie.historyEmpty")}</p>
        ) : (
          earlier.map((review) => (
            <ReviewCard key={review.id} review={review} canAddAction={review.id === newestPerformed?.id} onDone={after} />
          ))
        )}
      </section>
    </article>
  );
}

function reviewerOptions(reviewers: Reviewer[]) {
  return reviewers.map((r) => ({ value: r.id, label: r.name }));
}

function PlanForm({ locationId, reviewers, onDone }: { locationId: string; reviewers: Reviewer[]; onDone: (message: string) => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [params] = useSearchState();
  const [plannedOn, setPlannedOn] = useState(params.get("datum") ?? "");
  const [reviewerIds, setReviewerIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(PlanVisitatieMutation, (d) => d.planVisitatie);
  const error = (field: string) => fieldError(problem, field, localized);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run({ input: { locationId, plannedOn, reviewerIds } });
    if (!outcome) return;
    if (outcome.kind === "ok") return onDone(t("visitatie.planned"));
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  return (
    <section className="hs-section" aria-labelledby="visitatie-plan">
      <Heading level={2} id="visitatie-plan">
        {t("visitatie.plan")}
      </Heading>
      <form className="hs-form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <FormProblem problem={problem} />
        <DateField label={t("visitatie.planDate")} value={plannedOn} onChange={setPlannedOn} error={error("plannedOn")} />
        <ChoiceGroup
          legend={t("visitatie.reviewers")}
          mode="multiple"
          value={reviewerIds}
          onChange={setReviewerIds}
          options={reviewerOptions(reviewers)}
          error={error("reviewerIds")}
        />
        <div className="hs-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {t("visitatie.planSubmit")}
          </Button>
        </div>
      </form>
    </section>
  );
}

function PlannedReview({ review, reviewers, onDone }: { review: Review; reviewers: Reviewer[]; onDone: (message: string) => void }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const [params] = useSearchState();
  // From the planner's proposal (?datum=) when moving a review, else the planned date.
  const [plannedOn, setPlannedOn] = useState(params.get("datum") ?? review.plannedOn ?? "");
  const [reviewerIds, setReviewerIds] = useState<string[]>(review.reviewers.map((r) => r.id));
  const [rescheduleProblem, setRescheduleProblem] = useState<Problem | null>(null);
  const [cancelProblem, setCancelProblem] = useState<Problem | null>(null);
  const [performedOn, setPerformedOn] = useState("");
  const [outcome, setOutcome] = useState<QualityReviewOutcome | "">("");
  const [findings, setFindings] = useState("");
  const [outcomeProblem, setOutcomeProblem] = useState<Problem | null>(null);
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  const reschedule = useRefusableMutation(RescheduleVisitatieMutation, (d) => d.rescheduleVisitatie);
  const cancel = useRefusableMutation(CancelVisitatieMutation, (d) => d.cancelVisitatie);
  const record = useRefusableMutation(RecordOutcomeMutation, (d) => d.recordVisitatieOutcome);

  const submitReschedule = async (event: FormEvent) => {
    event.preventDefault();
    const result = await reschedule.run({ input: { reviewId: review.id, version: review.version, plannedOn, reviewerIds } });
    if (!result) return;
    if (result.kind === "ok") return onDone(t("visitatie.rescheduled"));
    setRescheduleProblem(result.kind === "refused" ? { refusal: result.refusal } : { failure: result.reason });
  };
  const doCancel = async () => {
    const result = await cancel.run({ input: { reviewId: review.id, version: review.version } });
    if (!result) return;
    if (result.kind === "ok") return onDone(t("visitatie.cancelled"));
    setCancelProblem(result.kind === "refused" ? { refusal: result.refusal } : { failure: result.reason });
  };
  const submitOutcome = async (event: FormEvent) => {
    event.preventDefault();
    // The outcome is a required choice of the form (GraphQL cannot carry "none").
    if (!outcome) {
      setOutcomeMissing(true);
      return;
    }
    setOutcomeMissing(false);
    const result = await record.run({
      input: {
        reviewId: review.id,
        version: review.version,
        performedOn,
        outcome,
        findings: findings.trim() || null,
      },
    });
    if (!result) return;
    if (result.kind === "ok") return onDone(t("visitatie.outcomeSaved"));
    setOutcomeProblem(result.kind === "refused" ? { refusal: result.refusal } : { failure: result.reason });
  };

  return (
    <section className="hs-section" aria-labelledby="visitatie-planned" data-review={review.id}>
      <Heading level={2} id="visitatie-planned">
        {t("visitatie.plannedReview", { date: review.plannedOn ? format.date(review.plannedOn, "long") : t("visitatie.noDate") })}
      </Heading>
      <p>
        {t("visitatie.reviewersList")}: {review.reviewers.map((r) => r.name).join(", ") || t("visitatie.none")}
      </p>

      <form
        className="hs-form hs-box"
        noValidate
        onSubmit={submitOutcome}
        aria-busy={record.busy || undefined}
        aria-labelledby="visitatie-outcome"
      >
        <Heading level={3} id="visitatie-outcome">
          {t("visitatie.outcome")}
        </Heading>
        <FormProblem problem={outcomeProblem} />
        <DateField
          label={t("visitatie.performedOn")}
          value={performedOn}
          onChange={setPerformedOn}
          error={fieldError(outcomeProblem, "performedOn", localized)}
        />
        <ChoiceGroup
          legend={t("visitatie.outcomeLabel")}
          mode="single"
          value={outcome ? [outcome] : []}
          onChange={([v]) => v && setOutcome(v)}
          options={OUTCOMES.map((o) => ({ value: o, label: label(t, "outcome", o) }))}
          error={outcomeMissing ? t("visitatie.chooseOutcome") : fieldError(outcomeProblem, "outcome", localized)}
        />
        <TextAreaField
          label={t("visitatie.findings")}
          value={findings}
          onChange={(e) => setFindings(e.target.value)}
          error={fieldError(outcomeProblem, "findings", localized)}
        />
        <div className="hs-form__actions">
          <Button type="submit" appearance="primary" busy={record.busy}>
            {t("visitatie.outcomeSubmit")}
          </Button>
        </div>
      </form>

      <form
        className="hs-form hs-box"
        noValidate
        onSubmit={submitReschedule}
        aria-busy={reschedule.busy || undefined}
        aria-labelledby="visitatie-reschedule"
      >
        <Heading level={3} id="visitatie-reschedule">
          {t("visitatie.reschedule")}
        </Heading>
        <FormProblem problem={rescheduleProblem} />
        <DateField
          label={t("visitatie.planDate")}
          value={plannedOn}
          onChange={setPlannedOn}
          error={fieldError(rescheduleProblem, "plannedOn", localized)}
        />
        <ChoiceGroup
          legend={t("visitatie.reviewers")}
          mode="multiple"
          value={reviewerIds}
          onChange={setReviewerIds}
          options={reviewerOptions(reviewers)}
          error={fieldError(rescheduleProblem, "reviewerIds", localized)}
        />
        <div className="hs-form__actions">
          <Button type="submit" appearance="secondary" busy={reschedule.busy}>
            {t("visitatie.rescheduleSubmit")}
          </Button>
        </div>
      </form>

      <div className="hs-form">
        <FormProblem problem={cancelProblem} />
        <ConfirmButton
          question={t("visitatie.cancelQuestion")}
          confirmLabel={t("visitatie.cancelConfirm")}
          onConfirm={doCancel}
          busy={cancel.busy}
        >
          {t("visitatie.cancel")}
        </ConfirmButton>
      </div>
    </section>
  );
}

function ReviewCard({ review, canAddAction, onDone }: { review: Review; canAddAction: boolean; onDone: (message: string) => void }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const day = review.performedOn ?? review.plannedOn;
  const headingId = `review-${review.id.replace(/[^a-zA-Z0-9]/g, "")}`;
  const [description, setDescription] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const add = useRefusableMutation(AddImprovementActionMutation, (d) => d.addImprovementAction);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add.run({ input: { reviewId: review.id, description, dueOn } });
    if (!result) return;
    if (result.kind === "ok") {
      setDescription("");
      setDueOn("");
      setProblem(null);
      return onDone(t("visitatie.actionAdded"));
    }
    setProblem(result.kind === "refused" ? { refusal: result.refusal } : { failure: result.reason });
  };
  return (
    <section className="hs-box hs-review" aria-labelledby={headingId} data-review={review.id} data-review-status={review.status}>
      <Heading level={3} id={headingId}>
        {t("visitatie.reviewHeading", {
          status: label(t, "reviewStatus", review.status),
          date: day ? format.date(day, "long") : t("visitatie.noDate"),
        })}
      </Heading>
      <dl className="hs-facts">
        {review.outcome && (
          <div>
            <dt>{t("visitatie.outcomeLabel")}</dt>
            <dd>{label(t, "outcome", review.outcome)}</dd>
          </div>
        )}
        {review.findings && (
          <div>
            <dt>{t("visitatie.findings")}</dt>
            <dd className="hs-prewrap">{review.findings}</dd>
          </div>
        )}
        <div>
          <dt>{t("visitatie.reviewersList")}</dt>
          <dd>{review.reviewers.map((r) => r.name).join(", ") || t("visitatie.none")}</dd>
        </div>
      </dl>
      {(review.improvementActions.length > 0 || canAddAction) && (
        <>
          <Heading level={4}>{t("visitatie.actions")}</Heading>
          {review.improvementActions.length === 0 ? (
            <p>{t("visitatie.actionsEmpty")}</p>
          ) : (
            <ul className="hs-list-plain hs-actions">
              {review.improvementActions.map((a) => (
                <li key={a.id} className="hs-action" data-action={a.description}>
                  <span>{a.description}</span>{" "}
                  <span className="hs-action__meta">
                    (
                    {a.completedOn
                      ? t("visitatie.actionDone", { date: format.date(a.completedOn, "short") })
                      : t("visitatie.actionDue", { date: format.date(a.dueOn, "short") })}
                    )
                  </span>{" "}
                  {a.overdue && <span className="hs-badge hs-badge--alert">{t("visitatie.actionOverdue")}</span>}{" "}
                  {!a.completedOn && <MarkDoneButton actionId={a.id} description={a.description} onDone={onDone} />}
                </li>
              ))}
            </ul>
          )}
          {canAddAction && (
            <form className="hs-form" noValidate onSubmit={submit} aria-busy={add.busy || undefined}>
              <FormProblem problem={problem} />
              <TextField
                label={t("visitatie.actionDescription")}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                error={fieldError(problem, "description", localized)}
              />
              <DateField
                label={t("visitatie.actionDueOn")}
                value={dueOn}
                onChange={setDueOn}
                error={fieldError(problem, "dueOn", localized)}
              />
              <div className="hs-form__actions">
                <Button type="submit" appearance="secondary" busy={add.busy}>
                  {t("visitatie.addActionSubmit")}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}

/** "Gereed melden": completes an improvement action today; a refusal is shown beside it. */
export function MarkDoneButton({
  actionId,
  description,
  onDone,
}: {
  actionId: string;
  description: string;
  onDone: (message: string) => void;
}) {
  const t = useAppT();
  const localized = useLocalized();
  const { run, busy } = useRefusableMutation(CompleteImprovementActionMutation, (d) => d.completeImprovementAction);
  const [problem, setProblem] = useState<string | null>(null);
  const click = async () => {
    const result = await run({ input: { actionId } });
    if (!result) return;
    if (result.kind === "ok") return onDone(t("actions.done", { description }));
    setProblem(result.kind === "refused" ? localized(result.refusal.message) : t("form.notSaved"));
  };
  return (
    <>
      <Button appearance="secondary" busy={busy} onClick={click}>
        {t("visitatie.markDone")}
        <span className="hs-visually-hidden">: {description}</span>
      </Button>
      {problem && (
        <span role="alert" className="hs-field__error">
          {problem}
        </span>
      )}
    </>
  );
}
