import {
  Button,
  DateField,
  EmptyState,
  Heading,
  intlLocale,
  QueryView,
  SelectField,
  TextField,
  useFormat,
  useLocale,
  useLocalized,
  usePageTitle,
  useSearchState,
} from "@homestart/ui";
import { type FormEvent, Fragment, useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { VisitatiePlannerQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";
import { label, visitatieBadgeClass } from "../../labels.ts";

export const VISITATIE_STATUSES = ["OVERDUE", "DUE_SOON", "PLANNED", "OK"] as const;
const MONTH_CHOICES = ["6", "12", "18", "24", "36"];

const VisitatiePlannerQueryDocument = graphql(`
  query VisitatiePlanner($from: Date, $months: Int, $capacity: Int) {
    visitatiePlanner(from: $from, months: $months, reviewerCapacityPerMonth: $capacity) {
      from
      capacityPerMonth
      months
      reviewers {
        id
        name
      }
      rows {
        dueMonth
        plannedMonth
        location {
          id
          name
          city
        }
        state {
          status
          dueOn
          plannedOn
          lastPerformedOn
        }
        proposal {
          month
          proposedOn
          overdue
          daysLate
        }
        notPlanned {
          code
          reason {
            code
            message {
              nl
              en
            }
          }
        }
      }
    }
  }
`);

type Planner = VisitatiePlannerQuery["visitatiePlanner"];
type Row = Planner["rows"][number];

/** "2026-03" as "mrt 2026" / "Mar 2026". */
function monthLabel(month: string, locale: "nl" | "en"): string {
  const [year, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1)),
  );
}

/** Visitatieplanner: months across, locations down; settings and status filter in the address. */
export function PlannerPage() {
  const t = useAppT();
  usePageTitle(t("planner.title"));
  const [params, setParams] = useSearchState();
  const from = params.get("vanaf") ?? "";
  const months = MONTH_CHOICES.includes(params.get("maanden") ?? "") ? Number(params.get("maanden")) : 12;
  const rawCapacity = params.get("capaciteit");
  const capacity = rawCapacity !== null && /^\d{1,3}$/.test(rawCapacity) ? Number(rawCapacity) : null;
  const rawStatus = params.get("status");
  const status = (VISITATIE_STATUSES as readonly string[]).includes(rawStatus ?? "") ? rawStatus : null;
  const [result, reexecute] = useQuery({
    query: VisitatiePlannerQueryDocument,
    variables: { from: from || null, months, capacity },
  });

  const [fromInput, setFromInput] = useState(from);
  const [monthsInput, setMonthsInput] = useState(String(months));
  const [capacityInput, setCapacityInput] = useState(capacity === null ? "" : String(capacity));
  const [statusInput, setStatusInput] = useState(status ?? "");
  useEffect(() => setFromInput(from), [from]);
  useEffect(() => setMonthsInput(String(months)), [months]);
  useEffect(() => setStatusInput(status ?? ""), [status]);
  // The API's default capacity fills the field once it answers.
  const answeredCapacity = result.data?.visitatiePlanner.capacityPerMonth;
  useEffect(() => {
    if (capacity !== null) setCapacityInput(String(capacity));
    else if (answeredCapacity !== undefined) setCapacityInput(String(answeredCapacity));
  }, [capacity, answeredCapacity]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({
      vanaf: fromInput,
      maanden: monthsInput === "12" ? undefined : monthsInput,
      capaciteit: capacityInput.trim(),
      status: statusInput,
    });
  };

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("planner.title")}</Heading>
        <p className="hs-page-head__lead">{t("planner.lead")}</p>
      </div>
      <p>
        <Link href="/visitaties/acties" className="utrecht-link utrecht-link--html-a hs-strong-link">
          {t("planner.actionsLink")}
          <span aria-hidden="true"> →</span>
        </Link>
      </p>
      <search aria-label={t("planner.settings")}>
        <form className="hs-toolbar" onSubmit={submit}>
          <div className="hs-toolbar__field">
            <DateField label={t("planner.from")} description={t("planner.fromHint")} value={fromInput} onChange={setFromInput} />
          </div>
          <div className="hs-toolbar__field">
            <SelectField
              label={t("planner.months")}
              value={monthsInput}
              onChange={(e) => setMonthsInput(e.target.value)}
              options={MONTH_CHOICES.map((m) => ({ value: m, label: m }))}
            />
          </div>
          <div className="hs-toolbar__field">
            <TextField
              label={t("planner.capacity")}
              description={t("planner.capacityHint")}
              inputMode="numeric"
              value={capacityInput}
              onChange={(e) => setCapacityInput(e.target.value)}
            />
          </div>
          <div className="hs-toolbar__field">
            <SelectField
              label={t("planner.status")}
              value={statusInput}
              onChange={(e) => setStatusInput(e.target.value)}
              options={[
                { value: "", label: t("planner.statusAll") },
                ...VISITATIE_STATUSES.map((s) => ({ value: s, label: label(t, "visitatieStatus", s) })),
              ]}
            />
          </div>
          <div className="hs-toolbar__actions">
            <Button type="submit" appearance="primary">
              {t("planner.submit")}
            </Button>
          </div>
        </form>
      </search>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => <PlannerTable planner={data.visitatiePlanner} status={status} />}
      </QueryView>
    </>
  );
}

function PlannerTable({ planner, status }: { planner: Planner; status: string | null }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const { locale } = useLocale();
  const rows = status ? planner.rows.filter((r) => r.state.status === status) : planner.rows;
  const first = planner.months[0] ?? "";
  const last = planner.months[planner.months.length - 1] ?? "";
  const range = { from: monthLabel(first, locale), until: monthLabel(last, locale) };
  const caption = status
    ? t("planner.captionFiltered", { ...range, status: label(t, "visitatieStatus", status) })
    : t("planner.caption", range);

  const marks = (row: Row, month: string | "before") => {
    const inColumn = (m: string | null | undefined) => !!m && (month === "before" ? m < first : m === month);
    const list: Array<{ key: string; short: string; long: string; kind: string }> = [];
    if (inColumn(row.dueMonth)) list.push({ key: "due", short: t("planner.mark.due"), long: t("planner.mark.dueLong"), kind: "due" });
    if (inColumn(row.plannedMonth))
      list.push({ key: "planned", short: t("planner.mark.planned"), long: t("planner.mark.plannedLong"), kind: "planned" });
    if (inColumn(row.proposal?.month))
      list.push({ key: "proposal", short: t("planner.mark.proposal"), long: t("planner.mark.proposalLong"), kind: "proposal" });
    return list.map((m, i) => (
      <Fragment key={m.key}>
        {i > 0 && <span className="hs-visually-hidden">, </span>}
        <span className={`hs-mark hs-mark--${m.kind}`} data-mark={m.kind}>
          <span aria-hidden="true">{m.short}</span>
          <span className="hs-visually-hidden">{m.long}</span>
        </span>
      </Fragment>
    ));
  };

  return (
    <>
      <p className="hs-section__intro">
        {planner.reviewers.length > 0
          ? t("planner.reviewers", { names: planner.reviewers.map((r) => r.name).join(", ") })
          : t("planner.noReviewers")}
      </p>
      <p className="hs-section__intro">{t("planner.legend")}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("planner.empty")} icon="chart" headingLevel={2}>
          <p>{caption}</p>
        </EmptyState>
      ) : (
        <div className="hs-table-wrap hs-planner-wrap">
          <table className="utrecht-table utrecht-table--html-table hs-table hs-planner" data-planner>
            <caption className="utrecht-table__caption hs-table__caption">{caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t("planner.col.location")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("planner.col.status")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("planner.col.due")}
                </th>
                <th scope="col" className="utrecht-table__header-cell hs-planner__month">
                  {t("planner.before")}
                </th>
                {planner.months.map((m) => (
                  <th key={m} scope="col" className="utrecht-table__header-cell hs-planner__month" data-month={m}>
                    {monthLabel(m, locale)}
                  </th>
                ))}
                <th scope="col" className="utrecht-table__header-cell">
                  {t("planner.col.proposal")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("planner.col.action")}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row) => {
                const href = `/visitaties/${idPath(row.location.id)}`;
                const planHref = row.proposal ? `${href}?datum=${row.proposal.proposedOn}` : href;
                const canPlan = row.state.status !== "PLANNED" && row.state.status !== "CLOSED";
                return (
                  <tr key={row.location.id} className="utrecht-table__row" data-location={row.location.name} data-status={row.state.status}>
                    <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                      <Link href={href} className="utrecht-link utrecht-link--html-a">
                        {row.location.name}
                      </Link>
                    </th>
                    <td className="utrecht-table__cell">
                      <span className={visitatieBadgeClass(row.state.status)}>{label(t, "visitatieStatus", row.state.status)}</span>
                    </td>
                    <td className="utrecht-table__cell">{format.date(row.state.dueOn, "short")}</td>
                    <td className="utrecht-table__cell hs-planner__cell">{marks(row, "before")}</td>
                    {planner.months.map((m) => (
                      <td key={m} className="utrecht-table__cell hs-planner__cell">
                        {marks(row, m)}
                      </td>
                    ))}
                    <td className="utrecht-table__cell" data-proposal>
                      {row.state.plannedOn && <p>{t("planner.plannedOn", { date: format.date(row.state.plannedOn, "short") })}</p>}
                      {row.proposal && (
                        <p>
                          {t("planner.proposedOn", { date: format.date(row.proposal.proposedOn, "short") })}
                          {row.proposal.overdue && row.proposal.daysLate > 0 && (
                            <> ({t("planner.daysLate", { days: row.proposal.daysLate })})</>
                          )}
                        </p>
                      )}
                      {row.notPlanned && <p data-not-planned={row.notPlanned.code}>{localized(row.notPlanned.reason.message)}</p>}
                    </td>
                    <td className="utrecht-table__cell">
                      {canPlan ? (
                        <Link href={planHref} className="utrecht-link utrecht-link--html-a" data-plan>
                          {/* A review planned in the past (still overdue) is moved, not planned again. */}
                          {row.state.plannedOn ? t("visitatie.reschedule") : t("planner.plan")}
                          <span className="hs-visually-hidden"> – {row.location.name}</span>
                        </Link>
                      ) : (
                        <Link href={href} className="utrecht-link utrecht-link--html-a">
                          {t("planner.open")}
                          <span className="hs-visually-hidden"> – {row.location.name}</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
