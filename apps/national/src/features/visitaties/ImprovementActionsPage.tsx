import { Alert, EmptyState, Heading, QueryView, TableHead, useFormat, usePageTitle, useSearchState } from "@homestart/ui";
import { useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";
import { CursorPager, pageVariables } from "../../paging.tsx";
import { MarkDoneButton } from "./LocationVisitatiesPage.tsx";

const OverdueActionsQuery = graphql(`
  query OverdueImprovementActions($first: Int, $after: String, $last: Int, $before: String) {
    overdueImprovementActions(first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          id
          description
          dueOn
          qualityReview {
            id
            performedOn
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

/** Verbeteracties over de termijn, oldest first, each with "Gereed melden". */
export function ImprovementActionsPage() {
  const t = useAppT();
  const format = useFormat();
  usePageTitle(t("actions.title"));
  const [params, setParams] = useSearchState();
  const { variables, page } = pageVariables(params);
  const [result, reexecute] = useQuery({ query: OverdueActionsQuery, variables });
  const [done, setDone] = useState<string | null>(null);
  const refetch = () => reexecute({ requestPolicy: "network-only" });
  return (
    <>
      <p className="hs-back">
        <Link href="/visitaties" className="utrecht-link utrecht-link--html-a hs-back-link">
          <span aria-hidden="true">← </span>
          {t("visitatie.back")}
        </Link>
      </p>
      <div className="hs-page-head">
        <Heading level={1}>{t("actions.title")}</Heading>
        <p className="hs-page-head__lead">{t("actions.lead")}</p>
      </div>
      {done && (
        <Alert type="ok" role="status">
          <p>{done}</p>
        </Alert>
      )}
      <QueryView result={result} retry={refetch}>
        {(data) => {
          const { edges, pageInfo } = data.overdueImprovementActions;
          if (edges.length === 0) {
            return (
              <EmptyState title={t("actions.emptyTitle")} icon="chart" headingLevel={2}>
                <p>{t("actions.emptyText")}</p>
              </EmptyState>
            );
          }
          return (
            <>
              <div className="hs-table-wrap">
                <table className="utrecht-table utrecht-table--html-table hs-table" data-list="actions">
                  <caption className="utrecht-table__caption hs-table__caption">
                    {t("actions.caption")}
                    <span className="hs-table__caption-note"> – {t("actions.page", { page })}</span>
                  </caption>
                  <TableHead
                    columns={[t("actions.col.location"), t("actions.col.description"), t("actions.col.due"), t("actions.col.action")]}
                  />
                  <tbody className="utrecht-table__body">
                    {edges.map(({ node }) => (
                      <tr key={node.id} className="utrecht-table__row" data-action={node.description}>
                        <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                          <Link
                            href={`/visitaties/${idPath(node.qualityReview.location.id)}`}
                            className="utrecht-link utrecht-link--html-a"
                          >
                            {node.qualityReview.location.name}
                          </Link>
                        </th>
                        <td className="utrecht-table__cell">{node.description}</td>
                        <td className="utrecht-table__cell">{format.date(node.dueOn, "short")}</td>
                        <td className="utrecht-table__cell">
                          <MarkDoneButton
                            actionId={node.id}
                            description={node.description}
                            onDone={(message) => {
                              setDone(message);
                              refetch();
                            }}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <CursorPager pageInfo={pageInfo} params={params} setParams={setParams} status={t("actions.page", { page })} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}
