import { Button, EmptyState, Heading, QueryView, TableHead, TextField, usePageTitle, useSearchState } from "@homestart/ui";
import { type FormEvent, useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";
import { CursorPager, FIRST_PAGE, pageVariables } from "../../paging.tsx";

const OrganisationsQuery = graphql(`
  query NationalOrganisations($first: Int, $after: String, $last: Int, $before: String, $search: String) {
    organisations(first: $first, after: $after, last: $last, before: $before, search: $search) {
      edges {
        cursor
        node {
          id
          name
          city
          locations {
            id
            name
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

/** Uitvoerende organisaties, by name; search in the address (?zoek=). */
export function OrganisationsPage() {
  const t = useAppT();
  usePageTitle(t("organisations.title"));
  const [params, setParams] = useSearchState();
  const search = params.get("zoek")?.trim() ?? "";
  const { variables: paging, page } = pageVariables(params);
  const [result, reexecute] = useQuery({ query: OrganisationsQuery, variables: { ...paging, search: search || null } });
  const [searchInput, setSearchInput] = useState(search);
  useEffect(() => setSearchInput(search), [search]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ zoek: searchInput.trim(), ...FIRST_PAGE });
  };
  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("organisations.title")}</Heading>
        <p className="hs-page-head__lead">{t("organisations.lead")}</p>
      </div>
      <p>
        <Link href="/organisaties/nieuw" className="utrecht-link utrecht-link--html-a hs-strong-link">
          {t("organisations.new")}
        </Link>
      </p>
      <search aria-label={t("organisations.title")}>
        <form className="hs-toolbar" onSubmit={submit}>
          <div className="hs-toolbar__field">
            <TextField
              label={t("organisations.search")}
              description={t("organisations.searchHint")}
              type="search"
              autoComplete="off"
              value={searchInput}
              onChange={(e) => setSearchInput(e.target.value)}
            />
          </div>
          <div className="hs-toolbar__actions">
            <Button type="submit" appearance="primary">
              {t("organisations.submit")}
            </Button>
          </div>
        </form>
      </search>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const { edges, pageInfo } = data.organisations;
          if (edges.length === 0) {
            return (
              <EmptyState title={t("organisations.emptyTitle")} icon="chart" headingLevel={2}>
                <p>{t("organisations.emptyText")}</p>
              </EmptyState>
            );
          }
          return (
            <>
              <div className="hs-table-wrap">
                <table className="utrecht-table utrecht-table--html-table hs-table" data-list="organisations">
                  <caption className="utrecht-table__caption hs-table__caption">
                    {t("organisations.caption")}
                    <span className="hs-table__caption-note"> – {t("organisations.page", { page })}</span>
                  </caption>
                  <TableHead columns={[t("organisations.col.name"), t("organisations.col.city"), t("organisations.col.locations")]} />
                  <tbody className="utrecht-table__body">
                    {edges.map(({ node }) => (
                      <tr key={node.id} className="utrecht-table__row">
                        <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                          <Link href={`/organisaties/${idPath(node.id)}`} className="utrecht-link utrecht-link--html-a">
                            {node.name}
                          </Link>
                        </th>
                        <td className="utrecht-table__cell">{node.city}</td>
                        <td className="utrecht-table__cell">{node.locations.map((l) => l.name).join(", ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <CursorPager pageInfo={pageInfo} params={params} setParams={setParams} status={t("organisations.page", { page })} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}
