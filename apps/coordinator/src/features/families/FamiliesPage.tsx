import {
  Button,
  EmptyState,
  Heading,
  Pager,
  QueryView,
  SelectField,
  TableHead,
  TextField,
  useFormat,
  usePageTitle,
  useSearchState,
} from "@homestart/ui";
import { type FormEvent, useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { FamilyStatus } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { FAMILY_STATUSES, label, parentNames, statusBadgeClass } from "../../labels.ts";

export const PAGE_SIZE = 50;

const FamiliesQuery = graphql(`
  query Families($first: Int, $after: String, $last: Int, $before: String, $status: FamilyStatus, $search: String) {
    families(first: $first, after: $after, last: $last, before: $before, status: $status, search: $search) {
      edges {
        cursor
        node {
          id
          registeredOn
          status
          municipality {
            id
            name
          }
          parents {
            firstName
            lastName
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

function isStatus(value: string | null): value is FamilyStatus {
  return value !== null && (FAMILY_STATUSES as readonly string[]).includes(value);
}

/**
 * Gezinnen: search by a parent's name, filter by status, 50 per page. Search, filter and page
 * live in the address (?zoek=&status=&na=|voor=&pagina=), so reload and back work.
 */
export function FamiliesPage() {
  const t = useAppT();
  const format = useFormat();
  usePageTitle(t("families.title"));
  const [params, setParams] = useSearchState();
  const search = params.get("zoek")?.trim() ?? "";
  const rawStatus = params.get("status");
  const status = isStatus(rawStatus) ? rawStatus : null;
  const after = params.get("na");
  const before = params.get("voor");
  const page = Math.max(1, Number(params.get("pagina")) || 1);

  const variables = before
    ? { last: PAGE_SIZE, before, status, search: search || null }
    : { first: PAGE_SIZE, after, status, search: search || null };
  const [result, reexecute] = useQuery({ query: FamiliesQuery, variables });

  const [searchInput, setSearchInput] = useState(search);
  const [statusInput, setStatusInput] = useState(status ?? "");
  useEffect(() => setSearchInput(search), [search]);
  useEffect(() => setStatusInput(status ?? ""), [status]);

  const filtered = search !== "" || status !== null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ zoek: searchInput.trim(), status: statusInput, na: undefined, voor: undefined, pagina: undefined });
  };
  const clear = () => setParams({ zoek: undefined, status: undefined, na: undefined, voor: undefined, pagina: undefined });

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("families.title")}</Heading>
        <p className="hs-page-head__lead">{t("families.lead")}</p>
      </div>
      <search aria-label={t("families.title")}>
        <form className="hs-toolbar" onSubmit={submit}>
          <div className="hs-toolbar__field">
            <TextField
              label={t("families.search")}
              description={t("families.searchHint")}
              type="search"
              autoComplete="off"
              value={searchInput}
              onChange={(event) => setSearchInput(event.target.value)}
            />
          </div>
          <div className="hs-toolbar__field hs-toolbar__field--status">
            <SelectField
              label={t("families.status")}
              value={statusInput}
              onChange={(event) => setStatusInput(event.target.value)}
              options={[
                { value: "", label: t("families.statusAll") },
                ...FAMILY_STATUSES.map((s) => ({ value: s, label: label(t, "status", s) })),
              ]}
            />
          </div>
          <div className="hs-toolbar__actions">
            <Button type="submit" appearance="primary">
              {t("families.submit")}
            </Button>
            {filtered && (
              <Button appearance="subtle" onClick={clear}>
                {t("families.clear")}
              </Button>
            )}
          </div>
        </form>
      </search>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const { edges, pageInfo } = data.families;
          if (edges.length === 0) {
            return (
              <EmptyState title={t("families.emptyTitle")} icon="user" headingLevel={2}>
                <p>{filtered ? t("families.emptyFiltered") : t("families.emptyAll")}</p>
              </EmptyState>
            );
          }
          // Relay may leave hasPrevious/hasNext false in the direction we did not ask; coming from there, there is one.
          const hasPrevious = pageInfo.hasPreviousPage || (!!after && !before);
          const hasNext = pageInfo.hasNextPage || !!before;
          return (
            <>
              <div className="hs-table-wrap">
                <table className="utrecht-table utrecht-table--html-table hs-table hs-families">
                  <caption className="utrecht-table__caption hs-table__caption">
                    {filtered ? t("families.captionFiltered") : t("families.caption")}
                    {(hasPrevious || hasNext) && <span className="hs-table__caption-note"> – {t("families.page", { page })}</span>}
                  </caption>
                  <TableHead
                    columns={[
                      t("families.col.parent"),
                      t("families.col.registeredOn"),
                      t("families.col.status"),
                      t("families.col.municipality"),
                    ]}
                  />
                  <tbody className="utrecht-table__body">
                    {edges.map(({ node }) => (
                      <tr key={node.id} className="utrecht-table__row">
                        <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                          <Link
                            href={`/gezinnen/${encodeURIComponent(node.id)}`}
                            className="utrecht-link utrecht-link--html-a hs-families__link"
                          >
                            {parentNames(node.parents) || t("family.unknown")}
                          </Link>
                        </th>
                        <td className="utrecht-table__cell">{format.date(node.registeredOn, "short")}</td>
                        <td className="utrecht-table__cell">
                          <span className={statusBadgeClass(node.status)}>{label(t, "status", node.status)}</span>
                        </td>
                        <td className="utrecht-table__cell">{node.municipality.name}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                hasPrevious={hasPrevious}
                hasNext={hasNext}
                status={t("families.page", { page })}
                onPrevious={() =>
                  setParams({
                    voor: pageInfo.startCursor ?? undefined,
                    na: undefined,
                    pagina: page > 2 ? String(page - 1) : undefined,
                  })
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
