import {
  Alert,
  Button,
  ConfirmButton,
  DateField,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  QueryView,
  TableHead,
  TextField,
  useFormat,
  useLocalized,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, Fragment, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { FamilyMatchQuery, MatchFamilyMutation } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { isIsoDay, parseHours, todayIso } from "../visits/dates.ts";
import { VisitQuickForm } from "../visits/VisitQuickForm.tsx";
import "../visits/work.css";

const VISITS_SHOWN = 10;

const FamilyMatchQueryDocument = graphql(`
  query FamilyMatch($id: ID!, $visits: Int!) {
    family(id: $id) {
      id
      version
      status
      matches {
        id
        startOn
        endOn
        endReason
        volunteer {
          id
          firstName
          lastName
        }
      }
      hours {
        totalHours
        thisYearHours
        expectedThisYearHours
        supportDaysThisYear
      }
      visits(first: $visits) {
        edges {
          node {
            id
            visitedOn
            hours
            note
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

const SuggestionsQuery = graphql(`
  query FamilyMatchSuggestions($id: ID!, $on: Date) {
    family(id: $id) {
      id
      matchSuggestions(on: $on) {
        on
        ranked {
          rank
          score
          reasons {
            code
            points
            message {
              nl
              en
            }
          }
          volunteer {
            id
            firstName
            lastName
          }
        }
        excludedCount
      }
    }
  }
`);

// Loaded when the coordinator opens the list: most of a location's volunteers are not available
// for a new family at any time (full, in training, paused), and the ranking itself needs none of them.
const ExcludedQuery = graphql(`
  query FamilyExcludedVolunteers($id: ID!, $on: Date) {
    family(id: $id) {
      id
      matchSuggestions(on: $on) {
        excluded {
          reasons {
            code
            message {
              nl
              en
            }
          }
          volunteer {
            id
            firstName
            lastName
          }
        }
      }
    }
  }
`);

const MatchFamilyDocument = graphql(`
  mutation MatchFamily($input: MatchFamilyInput!) {
    matchFamily(input: $input) {
      __typename
      ... on MatchFamilySuccess {
        outcome {
          kind
          match {
            id
            startOn
            volunteer {
              id
              firstName
              lastName
            }
            family {
              id
              status
              version
            }
          }
          referrerNotices {
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

const EndMatchDocument = graphql(`
  mutation EndMatch($input: EndMatchInput!) {
    endMatch(input: $input) {
      __typename
      ... on EndMatchSuccess {
        match {
          id
          endOn
          endReason
          family {
            id
            status
            version
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

const CorrectVisitDocument = graphql(`
  mutation CorrectVisit($input: CorrectVisitInput!) {
    correctVisit(input: $input) {
      __typename
      ... on CorrectVisitSuccess {
        visit {
          id
          visitedOn
          hours
          note
          match {
            id
            lastVisitOn
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

const DeleteVisitDocument = graphql(`
  mutation DeleteVisit($input: DeleteVisitInput!) {
    deleteVisit(input: $input) {
      __typename
      ... on DeleteVisitSuccess {
        deletedVisitId
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

type Family = NonNullable<FamilyMatchQuery["family"]>;
type Match = Family["matches"][number];
type Matched = Extract<MatchFamilyMutation["matchFamily"], { __typename: "MatchFamilySuccess" }>["outcome"];

const personName = (v: { firstName: string; lastName: string } | null | undefined, fallback: string) =>
  v ? `${v.firstName} ${v.lastName}` : fallback;

/** Running today or later: not ended before today. */
const isCurrent = (match: Match, today: string) => !match.endOn || match.endOn >= today;

/**
 * The family page's match section: the current match with visits and hours against the 105-hour
 * average (the API's numbers), logging a visit and ending the match; for a family without a match,
 * the API's ranked suggestions and matching.
 */
export function FamilyMatchSection({ familyId }: { familyId: string }) {
  const t = useAppT();
  const [answer, reexecute] = useQuery({ query: FamilyMatchQueryDocument, variables: { id: familyId, visits: VISITS_SHOWN } });
  const [matched, setMatched] = useState<Matched | null>(null);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  return (
    <section className="hs-section hs-box hs-match-section" aria-labelledby="family-match-title" data-section="match">
      <Heading level={2} id="family-match-title">
        {t("match.title")}
      </Heading>
      {matched && <MatchedNotice outcome={matched} />}
      <QueryView result={answer} retry={refresh}>
        {(data) => (data.family ? <MatchView family={data.family} refresh={refresh} onMatched={setMatched} /> : null)}
      </QueryView>
    </section>
  );
}

function MatchView({ family, refresh, onMatched }: { family: Family; refresh: () => void; onMatched: (m: Matched) => void }) {
  const t = useAppT();
  const format = useFormat();
  const today = todayIso();
  const current = family.matches.find((m) => isCurrent(m, today));
  const earlier = family.matches.filter((m) => m !== current);
  const waiting = !current && (family.status === "WAITING_FOR_MATCH" || family.status === "ACTIVE");
  return (
    <>
      {current ? (
        <div className="hs-item-card" data-current-match={current.id}>
          <Heading level={3}>{t("match.current")}</Heading>
          <dl className="hs-inline-facts">
            <div>
              <dt>{t("match.volunteer")}</dt>
              <dd>
                <Link href={`/vrijwilligers/${encodeURIComponent(current.volunteer.id)}`} className="utrecht-link utrecht-link--html-a">
                  {personName(current.volunteer, "")}
                </Link>
              </dd>
            </div>
            <div>
              <dt>{t("match.since")}</dt>
              <dd>{format.date(current.startOn, "long")}</dd>
            </div>
            {current.endOn && (
              <div>
                <dt>{t("match.until")}</dt>
                <dd>{format.date(current.endOn, "long")}</dd>
              </div>
            )}
          </dl>
          <Heading level={4}>{t("match.logVisit")}</Heading>
          {/* The answer names the match and the visit: urql then refreshes this section by itself. */}
          <VisitQuickForm matchId={current.id} defaultDate={today} label={t("match.logVisitLabel")} />
          {!current.endOn && <EndMatchForm match={current} version={family.version} />}
        </div>
      ) : (
        <p>
          {t("match.none")}
          {(family.status === "REGISTERED" || family.status === "INTAKE") && <> {t("match.notYet")}</>}
        </p>
      )}
      <HoursView hours={family.hours} />
      <VisitsTable family={family} refresh={refresh} />
      {earlier.length > 0 && (
        <div>
          <Heading level={3}>{t("match.history")}</Heading>
          <ul className="utrecht-unordered-list">
            {earlier.map((m) => (
              <li key={m.id} className="utrecht-unordered-list__item">
                {t("match.historyItem", {
                  volunteer: personName(m.volunteer, ""),
                  from: format.date(m.startOn, "short"),
                  until: m.endOn ? format.date(m.endOn, "short") : "–",
                })}
                {m.endReason && <> – {t("match.endReasonShown", { reason: m.endReason })}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {waiting && <Suggestions family={family} onMatched={onMatched} />}
    </>
  );
}

function HoursView({ hours }: { hours: Family["hours"] }) {
  const t = useAppT();
  const format = useFormat();
  const value = (h: number) => t("hours.value", { hours: format.number(h, { maximumFractionDigits: 1 }) });
  const share = hours.expectedThisYearHours > 0 ? Math.min(1, hours.thisYearHours / hours.expectedThisYearHours) : 0;
  return (
    <div data-hours>
      <Heading level={3}>{t("hours.title")}</Heading>
      <dl className="hs-inline-facts">
        <div>
          <dt>{t("hours.thisYear")}</dt>
          <dd data-hours-this-year>{value(hours.thisYearHours)}</dd>
        </div>
        <div>
          <dt>{t("hours.expected")}</dt>
          <dd>{value(hours.expectedThisYearHours)}</dd>
        </div>
        <div>
          <dt>{t("hours.total")}</dt>
          <dd>{value(hours.totalHours)}</dd>
        </div>
      </dl>
      {hours.expectedThisYearHours > 0 && (
        <div className="hs-hours-bar" aria-hidden="true">
          <div className="hs-hours-bar__fill" style={{ inlineSize: `${share * 100}%` }} />
        </div>
      )}
      <p className="hs-muted">
        {hours.supportDaysThisYear === 1 ? t("hours.explainOne") : t("hours.explain", { days: hours.supportDaysThisYear })}
      </p>
    </div>
  );
}

function VisitsTable({ family, refresh }: { family: Family; refresh: () => void }) {
  const t = useAppT();
  const format = useFormat();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const { run, busy } = useRefusableMutation(DeleteVisitDocument, (d) => d.deleteVisit);
  const edges = family.visits.edges;
  const remove = async (id: string) => {
    const outcome = await run({ input: { id } });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setProblem(null);
      refresh();
    } else setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  return (
    <div>
      <Heading level={3}>{t("visitsList.title")}</Heading>
      <FormProblem problem={problem} />
      {edges.length === 0 ? (
        <p>{t("visitsList.none")}</p>
      ) : (
        <div className="hs-table-wrap">
          <table className="utrecht-table utrecht-table--html-table hs-table" data-visits>
            <caption className="utrecht-table__caption hs-table__caption">{t("visitsList.caption")}</caption>
            <TableHead
              columns={[t("visitsList.col.date"), t("visitsList.col.hours"), t("visitsList.col.note"), t("visitsList.col.action")]}
            />
            <tbody className="utrecht-table__body">
              {edges.map(({ node }) => {
                const date = format.date(node.visitedOn, "long");
                return (
                  <Fragment key={node.id}>
                    <tr className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                        {date}
                      </th>
                      <td className="utrecht-table__cell">{format.number(node.hours, { maximumFractionDigits: 2 })}</td>
                      <td className="utrecht-table__cell">{node.note ?? "–"}</td>
                      <td className="utrecht-table__cell hs-row-actions">
                        <Button
                          appearance="subtle"
                          aria-expanded={editing === node.id}
                          onClick={() => setEditing(editing === node.id ? null : node.id)}
                        >
                          {t("visitsList.edit")}
                          <span className="hs-visually-hidden"> {t("visitsList.rowLabel", { date })}</span>
                        </Button>
                        <ConfirmButton
                          appearance="subtle"
                          busy={busy}
                          question={t("visitsList.deleteConfirm", { date })}
                          confirmLabel={t("visitsList.deleteYes")}
                          onConfirm={() => remove(node.id)}
                        >
                          {t("visitsList.delete")}
                          <span className="hs-visually-hidden"> {t("visitsList.rowLabel", { date })}</span>
                        </ConfirmButton>
                      </td>
                    </tr>
                    {editing === node.id && (
                      <tr className="utrecht-table__row">
                        <td className="utrecht-table__cell" colSpan={4}>
                          <CorrectVisitForm
                            visit={node}
                            label={t("visitsList.editTitle", { date })}
                            // The answer holds the visit and its match, so urql refreshes the list by itself.
                            onDone={() => setEditing(null)}
                            onCancel={() => setEditing(null)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {family.visits.pageInfo.hasNextPage && <p className="hs-muted">{t("visitsList.more", { count: edges.length })}</p>}
    </div>
  );
}

type VisitRow = Family["visits"]["edges"][number]["node"];

/** Corrects a logged visit under the same rules as logging it; a refusal shows at its field. */
function CorrectVisitForm({
  visit,
  label,
  onDone,
  onCancel,
}: {
  visit: VisitRow;
  label: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const [visitedOn, setVisitedOn] = useState(visit.visitedOn);
  const [hours, setHours] = useState(format.number(visit.hours, { maximumFractionDigits: 2, useGrouping: false }));
  const [note, setNote] = useState(visit.note ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(CorrectVisitDocument, (d) => d.correctVisit);
  const error = (field: string) => fieldError(problem, field, localized);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const outcome = await run({ input: { id: visit.id, visitedOn, hours: parseHours(hours), note: note.trim() || null } });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      onDone();
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  const general =
    problem && ("failure" in problem || !["visitedOn", "hours", "note"].includes(problem.refusal.field ?? "")) ? problem : null;
  return (
    <form className="hs-visit-form" noValidate onSubmit={onSubmit} aria-label={label} aria-busy={busy || undefined}>
      {general && <FormProblem problem={general} />}
      <div className="hs-visit-form__fields">
        <div className="hs-visit-form__date">
          <DateField label={t("visit.date")} value={visitedOn} onChange={setVisitedOn} error={error("visitedOn")} />
        </div>
        <div className="hs-visit-form__hours">
          <TextField
            label={t("visit.hours")}
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            error={error("hours")}
          />
        </div>
        <div className="hs-visit-form__note">
          <TextField label={t("visit.note")} value={note} onChange={(e) => setNote(e.target.value)} error={error("note")} />
        </div>
        <div className="hs-visit-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {busy ? t("form.saving") : t("form.save")}
          </Button>{" "}
          <Button appearance="subtle" onClick={onCancel}>
            {t("form.cancel")}
          </Button>
        </div>
      </div>
    </form>
  );
}

function EndMatchForm({ match, version }: { match: Match; version: number }) {
  const t = useAppT();
  const localized = useLocalized();
  const [endOn, setEndOn] = useState(todayIso());
  const [endReason, setEndReason] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(EndMatchDocument, (d) => d.endMatch);
  const error = (field: string) => fieldError(problem, field, localized);
  const submit = async () => {
    const outcome = await run({ input: { matchId: match.id, endOn, endReason, version } });
    if (!outcome) return;
    if (outcome.kind === "ok") setProblem(null);
    else setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  return (
    <details className="hs-details">
      <summary>{t("match.end")}</summary>
      <div className="hs-form">
        <p>{t("match.endIntro")}</p>
        <FormProblem problem={problem} />
        <DateField label={t("match.endOn")} value={endOn} onChange={setEndOn} error={error("endOn")} />
        <TextField
          label={t("match.endReason")}
          value={endReason}
          onChange={(e) => setEndReason(e.target.value)}
          error={error("endReason")}
        />
        <div className="hs-form__actions">
          <ConfirmButton busy={busy} question={t("match.endConfirm")} confirmLabel={t("match.endConfirmYes")} onConfirm={submit}>
            {t("match.end")}
          </ConfirmButton>
        </div>
      </div>
    </details>
  );
}

function Suggestions({ family, onMatched }: { family: Family; onMatched: (m: Matched) => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [startOn, setStartOn] = useState(todayIso());
  const on = isIsoDay(startOn) ? startOn : null;
  const [answer, reexecute] = useQuery({ query: SuggestionsQuery, variables: { id: family.id, on } });
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(MatchFamilyDocument, (d) => d.matchFamily);

  const match = async (volunteerId: string) => {
    const outcome = await run({ input: { familyId: family.id, volunteerId, startOn, version: family.version } });
    if (!outcome) return;
    if (outcome.kind === "ok" && "outcome" in outcome.data) {
      setProblem(null);
      onMatched(outcome.data.outcome);
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : outcome.kind === "failed" ? { failure: outcome.reason } : null);
  };

  return (
    <div className="hs-item-card" data-suggestions>
      <Heading level={3}>{t("suggest.title")}</Heading>
      <p>{t("suggest.lead")}</p>
      <FormProblem problem={problem} title={t("matchRefused.title")} />
      <div className="hs-visit-form__date">
        <DateField
          label={t("suggest.startOn")}
          description={t("suggest.startOnHint")}
          value={startOn}
          onChange={setStartOn}
          error={fieldError(problem, "startOn", localized)}
        />
      </div>
      <QueryView result={answer} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const suggestions = data.family?.matchSuggestions;
          if (!suggestions) return null;
          return (
            <>
              {suggestions.ranked.length === 0 ? (
                <p>{t("suggest.none")}</p>
              ) : (
                <ol className="hs-list-plain hs-suggestions">
                  {suggestions.ranked.map((r) => {
                    const name = personName(r.volunteer, t("suggest.unknownVolunteer"));
                    return (
                      <li key={r.volunteer?.id ?? r.rank} className="hs-item-card" data-suggestion={r.rank}>
                        <div className="hs-suggestion__head">
                          <Heading level={4} className="hs-suggestion__name">
                            <span className="hs-badge hs-badge--neutral">{t("suggest.rank", { rank: r.rank })}</span>{" "}
                            {r.volunteer ? (
                              <Link
                                href={`/vrijwilligers/${encodeURIComponent(r.volunteer.id)}`}
                                className="utrecht-link utrecht-link--html-a"
                              >
                                {name}
                              </Link>
                            ) : (
                              name
                            )}
                          </Heading>
                          <span className="hs-muted">{t("suggest.score", { score: r.score })}</span>
                        </div>
                        <ul className="hs-reasons">
                          {r.reasons.map((reason) => (
                            <li key={`${reason.code}-${reason.message.nl}`} data-reason={reason.code}>
                              {localized(reason.message)}{" "}
                              <span className="hs-reason-points">{t("suggest.points", { points: reason.points })}</span>
                            </li>
                          ))}
                        </ul>
                        {r.volunteer && (
                          <Button
                            appearance="primary"
                            busy={busy}
                            aria-label={t("suggest.matchLabel", { name })}
                            onClick={() => r.volunteer && match(r.volunteer.id)}
                          >
                            {t("suggest.match")}
                          </Button>
                        )}
                      </li>
                    );
                  })}
                </ol>
              )}
              {suggestions.excludedCount > 0 && <ExcludedVolunteers familyId={family.id} on={on} count={suggestions.excludedCount} />}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}

/** The volunteers not available for this family and why, collapsed and loaded on opening. */
function ExcludedVolunteers({ familyId, on, count }: { familyId: string; on: string | null; count: number }) {
  const t = useAppT();
  const localized = useLocalized();
  const [open, setOpen] = useState(false);
  const [answer, reexecute] = useQuery({ query: ExcludedQuery, variables: { id: familyId, on }, pause: !open });
  return (
    <details className="hs-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("suggest.excluded", { count })}</summary>
      {open && (
        <QueryView result={answer} retry={() => reexecute({ requestPolicy: "network-only" })}>
          {(data) => (
            <ul className="utrecht-unordered-list">
              {(data.family?.matchSuggestions.excluded ?? []).map((e, i) => (
                <li key={e.volunteer?.id ?? i} className="utrecht-unordered-list__item">
                  <strong>{personName(e.volunteer, t("suggest.unknownVolunteer"))}</strong>:{" "}
                  {e.reasons.map((reason) => localized(reason.message)).join(" ")}
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      )}
    </details>
  );
}

/** What matching did: START or REMATCH, and what happens to the referrer notice (queued or not, and why). */
function MatchedNotice({ outcome }: { outcome: Matched }) {
  const t = useAppT();
  const localized = useLocalized();
  const name = personName(outcome.match.volunteer, "");
  return (
    <Alert type="ok" role="status" title={t("matched.title", { name })} className="hs-matched">
      <p>{outcome.kind === "START" ? t("matched.start") : t("matched.rematch")}</p>
      <p>
        <strong>{t("matched.notices")}:</strong> {outcome.referrerNotices.length === 0 && t("matched.noNotices")}
      </p>
      {outcome.referrerNotices.length > 0 && (
        <ul className="utrecht-unordered-list" data-notices>
          {outcome.referrerNotices.map((n) => {
            const kind = n.kind === "END" ? "END" : "START";
            return (
              <li key={n.kind} className="utrecht-unordered-list__item" data-queued={n.queued}>
                {n.queued ? t(`matched.noticeQueued.${kind}`) : t(`matched.noticeNot.${kind}`)}
                {n.reasons.length > 0 && <> {n.reasons.map((r) => localized(r.message)).join(" ")}</>}
              </li>
            );
          })}
        </ul>
      )}
    </Alert>
  );
}
