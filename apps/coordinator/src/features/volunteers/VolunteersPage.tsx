import {
  Button,
  ChoiceGroup,
  EmptyState,
  Heading,
  Pager,
  QueryView,
  SelectField,
  TableHead,
  TextField,
  useFormat,
  useLocalized,
  usePageTitle,
  useSearchState,
} from "@homestart/ui";
import { type FormEvent, useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { VolunteerOrder } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import { isVolunteerStatus, statusBadge, VOLUNTEER_STATUSES } from "./labels.ts";
import "../visits/work.css";

const PAGE_SIZE = 25;
const ORDERS: VolunteerOrder[] = ["NAME", "VOG_EXPIRY"];

const VolunteersQuery = graphql(`
  query Volunteers(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $status: [VolunteerStatus!]
    $search: String
    $readyOnly: Boolean
    $orderBy: VolunteerOrder
  ) {
    volunteers(
      first: $first
      after: $after
      last: $last
      before: $before
      status: $status
      search: $search
      readyOnly: $readyOnly
      orderBy: $orderBy
    ) {
      edges {
        cursor
        node {
          id
          firstName
          lastName
          status
          trainingCompletedOn
          maxFamilies
          readiness {
            ready
            openMatches
            vogExpiresOn
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
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

/**
 * Vrijwilligers: search, status, ready-only and sort, paged; everything in the address
 * (?zoek=&status=&klaar=1&sorteer=&na=|voor=&pagina=) so reload and back work.
 */
export function VolunteersPage() {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  usePageTitle(t("volunteers.title"));
  const [params, setParams] = useSearchState();
  const search = params.get("zoek")?.trim() ?? "";
  const rawStatus = params.get("status");
  const status = isVolunteerStatus(rawStatus) ? rawStatus : null;
  const readyOnly = params.get("klaar") === "1";
  const rawOrder = params.get("sorteer");
  const orderBy: VolunteerOrder = rawOrder === "VOG_EXPIRY" ? "VOG_EXPIRY" : "NAME";
  const after = params.get("na");
  const before = params.get("voor");
  const page = Math.max(1, Number(params.get("pagina")) || 1);
  const filters = { status: status ? [status] : null, search: search || null, readyOnly, orderBy };
  const variables = before ? { last: PAGE_SIZE, before, ...filters } : { first: PAGE_SIZE, after, ...filters };
  const [result, reexecute] = useQuery({ query: VolunteersQuery, variables });

  const [searchInput, setSearchInput] = useState(search);
  const [statusInput, setStatusInput] = useState<string>(status ?? "");
  const [readyInput, setReadyInput] = useState(readyOnly);
  const [orderInput, setOrderInput] = useState<string>(orderBy);
  useEffect(() => setSearchInput(search), [search]);
  useEffect(() => setStatusInput(status ?? ""), [status]);
  useEffect(() => setReadyInput(readyOnly), [readyOnly]);
  useEffect(() => setOrderInput(orderBy), [orderBy]);

  const filtered = search !== "" || status !== null || readyOnly;
  const reset = { na: undefined, voor: undefined, pagina: undefined };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({
      zoek: searchInput.trim(),
      status: statusInput,
      klaar: readyInput ? "1" : undefined,
      sorteer: orderInput === "NAME" ? undefined : orderInput,
      ...reset,
    });
  };
  const clear = () => setParams({ zoek: undefined, status: undefined, klaar: undefined, ...reset });

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("volunteers.title")}</Heading>
        <p className="hs-page-head__lead">{t("volunteers.lead")}</p>
        <p>
          <Link href="/vrijwilligers/nieuw" className="utrecht-link utrecht-link--html-a hs-strong-link">
            {t("volunteers.new")}
          </Link>
        </p>
      </div>
      <search aria-label={t("volunteers.title")}>
        <form className="hs-toolbar" onSubmit={submit}>
          <div className="hs-toolbar__field">
            <TextField
              label={t("volunteers.search")}
              type="search"
              autoComplete="off"
              value={searchInput}
              onChange={(e) => setSearchInput(e.target.value)}
            />
          </div>
          <div className="hs-toolbar__field hs-toolbar__field--status">
            <SelectField
              label={t("volunteers.status")}
              value={statusInput}
              onChange={(e) => setStatusInput(e.target.value)}
              options={[
                { value: "", label: t("volunteers.statusAll") },
                ...VOLUNTEER_STATUSES.map((s) => ({ value: s, label: label(t, "vStatus", s) })),
              ]}
            />
          </div>
          <div className="hs-toolbar__field hs-toolbar__field--status">
            <SelectField
              label={t("volunteers.sort")}
              value={orderInput}
              onChange={(e) => setOrderInput(e.target.value)}
              options={ORDERS.map((o) => ({ value: o, label: t(`volunteers.sort.${o}`) }))}
            />
          </div>
          <div className="hs-toolbar__field">
            <ChoiceGroup
              legend={t("volunteers.readyLegend")}
              mode="multiple"
              value={readyInput ? ["ready"] : []}
              onChange={(v) => setReadyInput(v.includes("ready"))}
              options={[{ value: "ready", label: t("volunteers.readyOnly") }]}
            />
          </div>
          <div className="hs-toolbar__actions">
            <Button type="submit" appearance="primary">
              {t("volunteers.submit")}
            </Button>
            {filtered && (
              <Button appearance="subtle" onClick={clear}>
                {t("volunteers.clear")}
              </Button>
            )}
          </div>
        </form>
      </search>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const { edges, pageInfo } = data.volunteers;
          if (edges.length === 0) {
            return (
              <EmptyState title={t("volunteers.emptyTitle")} icon="user" headingLevel={2}>
                <p>{filtered ? t("volunteers.emptyFiltered") : t("volunteers.emptyAll")}</p>
              </EmptyState>
            );
          }
          const hasPrevious = pageInfo.hasPreviousPage || (!!after && !before);
          const hasNext = pageInfo.hasNextPage || !!before;
          return (
            <>
              <div className="hs-table-wrap">
                <table className="utrecht-table utrecht-table--html-table hs-table" data-volunteers>
                  <caption className="utrecht-table__caption hs-table__caption">
                    {filtered ? t("volunteers.captionFiltered") : t("volunteers.caption")}
                    {(hasPrevious || hasNext) && <span className="hs-table__caption-note"> – {t("volunteers.page", { page })}</span>}
                  </caption>
                  <TableHead
                    columns={[
                      t("volunteers.col.name"),
                      t("volunteers.col.status"),
                      t("volunteers.col.ready"),
                      t("volunteers.col.vogExpires"),
                      t("volunteers.col.training"),
                      t("volunteers.col.matches"),
                    ]}
                  />
                  <tbody className="utrecht-table__body">
                    {edges.map(({ node }) => (
                      <tr key={node.id} className="utrecht-table__row">
                        <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                          <Link href={`/vrijwilligers/${encodeURIComponent(node.id)}`} className="utrecht-link utrecht-link--html-a">
                            {node.lastName}, {node.firstName}
                          </Link>
                        </th>
                        <td className="utrecht-table__cell">
                          <span className={statusBadge(node.status)}>{label(t, "vStatus", node.status)}</span>
                        </td>
                        <td className="utrecht-table__cell">
                          {node.readiness.ready ? t("volunteers.yes") : t("volunteers.no")}
                          {node.readiness.reasons.length > 0 && (
                            <span className="hs-cell-note">{node.readiness.reasons.map((r) => localized(r.message)).join(" ")}</span>
                          )}
                        </td>
                        <td className="utrecht-table__cell">
                          {node.readiness.vogExpiresOn ? format.date(node.readiness.vogExpiresOn, "short") : t("volunteer.notRecorded")}
                        </td>
                        <td className="utrecht-table__cell">
                          {node.trainingCompletedOn ? format.date(node.trainingCompletedOn, "short") : t("volunteer.notRecorded")}
                        </td>
                        <td className="utrecht-table__cell">
                          {node.readiness.openMatches} / {node.maxFamilies}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                hasPrevious={hasPrevious}
                hasNext={hasNext}
                status={t("volunteers.page", { page })}
                onPrevious={() =>
                  setParams({ voor: pageInfo.startCursor ?? undefined, na: undefined, pagina: page > 2 ? String(page - 1) : undefined })
                }
                onNext={() => setParams({ na: pageInfo.endCursor ?? undefined, voor: undefined, pagina: String(page + 1) })}
              />
            </>
          );
        }}
      </QueryView>
    </>
  );
}
