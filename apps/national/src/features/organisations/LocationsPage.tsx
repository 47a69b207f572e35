import {
  Button,
  ChoiceGroup,
  EmptyState,
  Heading,
  QueryView,
  TableHead,
  TextField,
  useFormat,
  usePageTitle,
  useSearchState,
} from "@homestart/ui";
import { type FormEvent, useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";
import { label, licenceBadgeClass, visitatieBadgeClass } from "../../labels.ts";
import { CursorPager, FIRST_PAGE, pageVariables } from "../../paging.tsx";

const LocationsQuery = graphql(`
  query NationalLocations($first: Int, $after: String, $last: Int, $before: String, $search: String, $includeClosed: Boolean) {
    locations(first: $first, after: $after, last: $last, before: $before, search: $search, includeClosed: $includeClosed) {
      edges {
        cursor
        node {
          id
          name
          city
          organisation {
            id
            name
          }
          licenceStatus {
            number
            status
          }
          visitatie {
            status
            dueOn
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

/** Locaties (open ones; ?gesloten=ja for all), search in the address. */
export function LocationsPage() {
  const t = useAppT();
  const format = useFormat();
  usePageTitle(t("locations.title"));
  const [params, setParams] = useSearchState();
  const search = params.get("zoek")?.trim() ?? "";
  const includeClosed = params.get("gesloten") === "ja";
  const { variables: paging, page } = pageVariables(params);
  const [result, reexecute] = useQuery({ query: LocationsQuery, variables: { ...paging, search: search || null, includeClosed } });
  const [searchInput, setSearchInput] = useState(search);
  const [closedInput, setClosedInput] = useState(includeClosed);
  useEffect(() => setSearchInput(search), [search]);
  useEffect(() => setClosedInput(includeClosed), [includeClosed]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ zoek: searchInput.trim(), gesloten: closedInput ? "ja" : undefined, ...FIRST_PAGE });
  };
  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("locations.title")}</Heading>
        <p className="hs-page-head__lead">{t("locations.lead")}</p>
      </div>
      <search aria-label={t("locations.title")}>
        <form className="hs-toolbar" onSubmit={submit}>
          <div className="hs-toolbar__field">
            <TextField
              label={t("locations.search")}
              description={t("locations.searchHint")}
              type="search"
              autoComplete="off"
              value={searchInput}
              onChange={(e) => setSearchInput(e.target.value)}
            />
          </div>
          <div className="hs-toolbar__field">
            <ChoiceGroup
              legend={t("locations.includeClosed")}
              mode="multiple"
              value={closedInput ? ["ja"] : []}
              onChange={(v) => setClosedInput(v.includes("ja"))}
              options={[{ value: "ja", label: t("locations.includeClosed") }]}
            />
          </div>
          <div className="hs-toolbar__actions">
            <Button type="submit" appearance="primary">
              {t("locations.submit")}
            </Button>
          </div>
        </form>
      </search>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const { edges, pageInfo } = data.locations;
          if (edges.length === 0) {
            return (
              <EmptyState title={t("locations.emptyTitle")} icon="chart" headingLevel={2}>
                <p>{t("locations.emptyText")}</p>
              </EmptyState>
            );
          }
          return (
            <>
              <div className="hs-table-wrap">
                <table className="utrecht-table utrecht-table--html-table hs-table" data-list="locations">
                  <caption className="utrecht-table__caption hs-table__caption">
                    {t("locations.caption")}
                    <span className="hs-table__caption-note"> – {t("locations.page", { page })}</span>
                  </caption>
                  <TableHead
                    columns={[
                      t("locations.col.name"),
                      t("locations.col.organisation"),
                      t("locations.col.city"),
                      t("locations.col.licence"),
                      t("locations.col.visitatie"),
                    ]}
                  />
                  <tbody className="utrecht-table__body">
                    {edges.map(({ node }) => (
                      <tr key={node.id} className="utrecht-table__row" data-location={node.name}>
                        <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                          <Link href={`/locaties/${idPath(node.id)}`} className="utrecht-link utrecht-link--html-a">
                            {node.name}
                          </Link>
                        </th>
                        <td className="utrecht-table__cell">{node.organisation.name}</td>
                        <td className="utrecht-table__cell">{node.city}</td>
                        <td className="utrecht-table__cell">
                          {node.licenceStatus ? (
                            <span className={licenceBadgeClass(node.licenceStatus.status)}>
                              {label(t, "licenceStatus", node.licenceStatus.status)}
                            </span>
                          ) : (
                            t("locations.noLicence")
                          )}
                        </td>
                        <td className="utrecht-table__cell">
                          <span className={visitatieBadgeClass(node.visitatie.status)}>
                            {label(t, "visitatieStatus", node.visitatie.status)}
                          </span>{" "}
                          {t("locations.dueOn", { date: format.date(node.visitatie.dueOn, "short") })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <CursorPager pageInfo={pageInfo} params={params} setParams={setParams} status={t("locations.page", { page })} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}
