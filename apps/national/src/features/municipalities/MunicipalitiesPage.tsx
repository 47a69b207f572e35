import { Button, EmptyState, Heading, QueryView, SelectField, TableHead, TextField, usePageTitle, useSearchState } from "@homestart/ui";
import { type FormEvent, useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { CursorPager, FIRST_PAGE, pageVariables } from "../../paging.tsx";
import { PolicyText } from "./PolicyText.tsx";

const MunicipalitiesQuery = graphql(`
  query NationalMunicipalities($first: Int, $after: String, $last: Int, $before: String, $search: String, $offered: Boolean) {
    municipalities(first: $first, after: $after, last: $last, before: $before, search: $search, offered: $offered) {
      edges {
        cursor
        node {
          id
          code
          name
          province
          homeStart {
            offered
            licence {
              id
            }
          }
          agePolicyInForce {
            maxAgeInclusive
            pregnancyWeeksFrom
          }
          # HomeStartOffer.licence answers only its id reliably (see report); the names come from here.
          licences {
            id
            organisation {
              id
              name
            }
            location {
              id
              name
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

/** Gemeenten: all Dutch municipalities, search and offered yes/no in the address (?zoek=&aangeboden=ja|nee). */
export function MunicipalitiesPage() {
  const t = useAppT();
  usePageTitle(t("municipalities.title"));
  const [params, setParams] = useSearchState();
  const search = params.get("zoek")?.trim() ?? "";
  const rawOffered = params.get("aangeboden");
  const offered = rawOffered === "ja" ? true : rawOffered === "nee" ? false : null;
  const { variables: paging, page } = pageVariables(params);
  const [result, reexecute] = useQuery({ query: MunicipalitiesQuery, variables: { ...paging, search: search || null, offered } });
  const [searchInput, setSearchInput] = useState(search);
  const [offeredInput, setOfferedInput] = useState(rawOffered ?? "");
  useEffect(() => setSearchInput(search), [search]);
  useEffect(() => setOfferedInput(offered === null ? "" : offered ? "ja" : "nee"), [offered]);
  const filtered = search !== "" || offered !== null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ zoek: searchInput.trim(), aangeboden: offeredInput, ...FIRST_PAGE });
  };

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("municipalities.title")}</Heading>
        <p className="hs-page-head__lead">{t("municipalities.lead")}</p>
      </div>
      <search aria-label={t("municipalities.title")}>
        <form className="hs-toolbar" onSubmit={submit}>
          <div className="hs-toolbar__field">
            <TextField
              label={t("municipalities.search")}
              description={t("municipalities.searchHint")}
              type="search"
              autoComplete="off"
              value={searchInput}
              onChange={(e) => setSearchInput(e.target.value)}
            />
          </div>
          <div className="hs-toolbar__field">
            <SelectField
              label={t("municipalities.offered")}
              value={offeredInput}
              onChange={(e) => setOfferedInput(e.target.value)}
              options={[
                { value: "", label: t("municipalities.offeredAll") },
                { value: "ja", label: t("municipalities.offeredYes") },
                { value: "nee", label: t("municipalities.offeredNo") },
              ]}
            />
          </div>
          <div className="hs-toolbar__actions">
            <Button type="submit" appearance="primary">
              {t("municipalities.submit")}
            </Button>
            {filtered && (
              <Button appearance="subtle" onClick={() => setParams({ zoek: undefined, aangeboden: undefined, ...FIRST_PAGE })}>
                {t("municipalities.clear")}
              </Button>
            )}
          </div>
        </form>
      </search>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const { edges, pageInfo } = data.municipalities;
          if (edges.length === 0) {
            return (
              <EmptyState title={t("municipalities.emptyTitle")} icon="chart" headingLevel={2}>
                <p>{t("municipalities.emptyText")}</p>
              </EmptyState>
            );
          }
          return (
            <>
              <div className="hs-table-wrap">
                <table className="utrecht-table utrecht-table--html-table hs-table" data-list="municipalities">
                  <caption className="utrecht-table__caption hs-table__caption">
                    {filtered ? t("municipalities.captionFiltered") : t("municipalities.caption")}
                    <span className="hs-table__caption-note"> – {t("municipalities.page", { page })}</span>
                  </caption>
                  <TableHead
                    columns={[
                      t("municipalities.col.name"),
                      t("municipalities.col.province"),
                      t("municipalities.col.offered"),
                      t("municipalities.col.by"),
                      t("municipalities.col.policy"),
                    ]}
                  />
                  <tbody className="utrecht-table__body">
                    {edges.map(({ node }) => {
                      const licence = node.licences.find((l) => l.id === node.homeStart.licence?.id);
                      return (
                        <tr
                          key={node.id}
                          className="utrecht-table__row"
                          data-municipality={node.code}
                          data-offered={node.homeStart.offered}
                        >
                          <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                            <Link href={`/gemeenten/${node.code}`} className="utrecht-link utrecht-link--html-a">
                              {node.name}
                            </Link>
                          </th>
                          <td className="utrecht-table__cell">{node.province}</td>
                          <td className="utrecht-table__cell">
                            {node.homeStart.offered ? (
                              <span className="hs-badge hs-badge--ok">{t("municipalities.yes")}</span>
                            ) : (
                              <span className="hs-badge hs-badge--neutral">{t("municipalities.no")}</span>
                            )}
                          </td>
                          <td className="utrecht-table__cell">
                            {licence ? `${licence.organisation.name} – ${licence.location.name}` : t("municipalities.none")}
                          </td>
                          <td className="utrecht-table__cell">
                            <PolicyText policy={node.agePolicyInForce} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <CursorPager pageInfo={pageInfo} params={params} setParams={setParams} status={t("municipalities.page", { page })} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}
