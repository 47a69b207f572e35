import { Button, EmptyState, Heading, QueryView, SelectField, TableHead, useLocale, usePageTitle, useSearchState } from "@homestart/ui";
import { type FormEvent, useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { LicenceStatus } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";
import { euros, label, licenceBadgeClass } from "../../labels.ts";
import { CursorPager, FIRST_PAGE, pageVariables } from "../../paging.tsx";
import { Period } from "./Period.tsx";

export const LICENCE_STATUSES: readonly LicenceStatus[] = ["APPLIED", "GRANTED", "ACTIVE", "SUSPENDED", "EXPIRED", "TERMINATED"];
/** The overview counts licences ending within 90 days; the list's filter is the same window. */
export const EXPIRING_DAYS = 90;

const LicencesQuery = graphql(`
  query NationalLicences(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $status: [LicenceStatus!]
    $expiringWithinDays: Int
    $orderBy: LicenceOrder
  ) {
    licences(
      first: $first
      after: $after
      last: $last
      before: $before
      status: $status
      expiringWithinDays: $expiringWithinDays
      orderBy: $orderBy
    ) {
      edges {
        cursor
        node {
          id
          number
          status
          validFrom
          validUntil
          annualFeeCents
          feePaymentStatus
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
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

function isStatus(value: string | null): value is LicenceStatus {
  return value !== null && (LICENCE_STATUSES as readonly string[]).includes(value);
}

/** Licenties: filter by status and "ends within 90 days" (?status=&verloopt=90), 25 per page. */
export function LicencesPage() {
  const t = useAppT();
  const { locale } = useLocale();
  usePageTitle(t("licences.title"));
  const [params, setParams] = useSearchState();
  const rawStatus = params.get("status");
  const status = isStatus(rawStatus) ? rawStatus : null;
  const expiring = params.get("verloopt") === String(EXPIRING_DAYS);
  const { variables: paging, page } = pageVariables(params);
  const [result, reexecute] = useQuery({
    query: LicencesQuery,
    variables: {
      ...paging,
      status: status ? [status] : null,
      expiringWithinDays: expiring ? EXPIRING_DAYS : null,
      orderBy: expiring ? "VALID_UNTIL" : "NUMBER",
    },
  });
  const [statusInput, setStatusInput] = useState(status ?? "");
  const [expiringInput, setExpiringInput] = useState(expiring ? String(EXPIRING_DAYS) : "");
  useEffect(() => setStatusInput(status ?? ""), [status]);
  useEffect(() => setExpiringInput(expiring ? String(EXPIRING_DAYS) : ""), [expiring]);
  const filtered = status !== null || expiring;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ status: statusInput, verloopt: expiringInput, ...FIRST_PAGE });
  };

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("licences.title")}</Heading>
        <p className="hs-page-head__lead">{t("licences.lead")}</p>
      </div>
      <search aria-label={t("licences.title")}>
        <form className="hs-toolbar" onSubmit={submit}>
          <div className="hs-toolbar__field">
            <SelectField
              label={t("licences.status")}
              value={statusInput}
              onChange={(e) => setStatusInput(e.target.value)}
              options={[
                { value: "", label: t("licences.statusAll") },
                ...LICENCE_STATUSES.map((s) => ({ value: s, label: label(t, "licenceStatus", s) })),
              ]}
            />
          </div>
          <div className="hs-toolbar__field">
            <SelectField
              label={t("licences.expiring")}
              value={expiringInput}
              onChange={(e) => setExpiringInput(e.target.value)}
              options={[
                { value: "", label: t("licences.expiringAll") },
                { value: String(EXPIRING_DAYS), label: t("licences.expiring90") },
              ]}
            />
          </div>
          <div className="hs-toolbar__actions">
            <Button type="submit" appearance="primary">
              {t("licences.submit")}
            </Button>
            {filtered && (
              <Button appearance="subtle" onClick={() => setParams({ status: undefined, verloopt: undefined, ...FIRST_PAGE })}>
                {t("licences.clear")}
              </Button>
            )}
          </div>
        </form>
      </search>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const { edges, pageInfo } = data.licences;
          if (edges.length === 0) {
            return (
              <EmptyState title={t("licences.emptyTitle")} icon="chart" headingLevel={2}>
                <p>{filtered ? t("licences.emptyFiltered") : t("licences.emptyAll")}</p>
              </EmptyState>
            );
          }
          return (
            <>
              <div className="hs-table-wrap">
                <table className="utrecht-table utrecht-table--html-table hs-table" data-list="licences">
                  <caption className="utrecht-table__caption hs-table__caption">
                    {filtered ? t("licences.captionFiltered") : t("licences.caption")}
                    <span className="hs-table__caption-note"> – {t("licences.page", { page })}</span>
                  </caption>
                  <TableHead
                    columns={[
                      t("licences.col.number"),
                      t("licences.col.organisation"),
                      t("licences.col.location"),
                      t("licences.col.status"),
                      t("licences.col.period"),
                      t("licences.col.fee"),
                    ]}
                  />
                  <tbody className="utrecht-table__body">
                    {edges.map(({ node }) => (
                      <tr key={node.id} className="utrecht-table__row" data-licence={node.number}>
                        <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                          <Link href={`/licenties/${idPath(node.id)}`} className="utrecht-link utrecht-link--html-a">
                            {node.number}
                          </Link>
                        </th>
                        <td className="utrecht-table__cell">{node.organisation.name}</td>
                        <td className="utrecht-table__cell">{node.location.name}</td>
                        <td className="utrecht-table__cell">
                          <span className={licenceBadgeClass(node.status)} data-status={node.status}>
                            {label(t, "licenceStatus", node.status)}
                          </span>
                        </td>
                        <td className="utrecht-table__cell">
                          <Period from={node.validFrom} until={node.validUntil} />
                        </td>
                        <td className="utrecht-table__cell">
                          {euros(node.annualFeeCents, locale)} · {label(t, "fee", node.feePaymentStatus)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <CursorPager pageInfo={pageInfo} params={params} setParams={setParams} status={t("licences.page", { page })} />
            </>
          );
        }}
      </QueryView>
      <section className="hs-section" aria-labelledby="apply-heading">
        <Heading level={2} id="apply-heading">
          {t("licences.apply")}
        </Heading>
        <p>{t("licences.applyHint")}</p>
        <p>
          <Link href="/gemeenten" className="utrecht-link utrecht-link--html-a hs-strong-link">
            {t("licences.applyFromMunicipality")}
            <span aria-hidden="true"> →</span>
          </Link>
        </p>
      </section>
    </>
  );
}
