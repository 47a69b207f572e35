import { Alert, Button, FormProblem, Heading, type Problem, TableHead, useFormat, useRefusableMutation } from "@homestart/ui";
import { useState } from "react";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import { problemOf, type SectionProps } from "../families/family-types.ts";
import { TableWrap } from "../families/TableWrap.tsx";

const RetryReferrerNoticeMutation = graphql(`
  mutation RetryReferrerNotice($input: RetryReferrerNoticeInput!) {
    retryReferrerNotice(input: $input) {
      __typename
      ... on RetryReferrerNoticeSuccess {
        notice {
          id
          status
          attempts
          lastError
          sentAt
          nextAttemptAt
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const STATUS_BADGE: Record<string, string> = {
  SENT: "hs-badge--ok",
  PENDING: "hs-badge--neutral",
  FAILED: "hs-badge--alert",
  CANCELLED: "hs-badge--warning",
};

/** The notices to the referrer at start and closure: delivery state, the failure text, and "try again". */
export function ReferrerNoticesSection({ family, refresh }: SectionProps) {
  const t = useAppT();
  const format = useFormat();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [retried, setRetried] = useState(false);
  const { run, busy } = useRefusableMutation(RetryReferrerNoticeMutation, (d) => d.retryReferrerNotice);
  const retry = async (noticeId: string) => {
    const outcome = await run({ input: { noticeId } });
    if (!outcome) return;
    setProblem(problemOf(outcome));
    setRetried(outcome.kind === "ok");
    if (outcome.kind === "ok") refresh();
  };
  return (
    <section className="hs-section hs-box" aria-labelledby="family-notices" data-section="referrer-notices">
      <Heading level={2} id="family-notices">
        {t("notices.title")}
      </Heading>
      <FormProblem problem={problem} />
      {retried && (
        <Alert type="ok" role="status">
          <p>{t("notices.retried")}</p>
        </Alert>
      )}
      {family.referrerNotices.length === 0 ? (
        <p>{family.referral ? t("notices.none") : t("notices.selfRegistered")}</p>
      ) : (
        <TableWrap label={t("notices.caption")}>
          <table className="utrecht-table utrecht-table--html-table hs-table" data-referrer-notices>
            <caption className="utrecht-table__caption hs-table__caption">{t("notices.caption")}</caption>
            <TableHead
              columns={[
                t("notices.col.kind"),
                t("notices.col.status"),
                t("notices.col.attempts"),
                t("notices.col.details"),
                t("notices.col.action"),
              ]}
            />
            <tbody className="utrecht-table__body">
              {family.referrerNotices.map((n) => (
                <tr key={n.id} className="utrecht-table__row" data-notice={n.kind} data-notice-status={n.status}>
                  <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                    {label(t, "noticeKind", n.kind)}
                    <div className="hs-muted">{n.subject}</div>
                  </th>
                  <td className="utrecht-table__cell">
                    <span className={`hs-badge ${STATUS_BADGE[n.status] ?? "hs-badge--neutral"}`}>
                      {label(t, "noticeStatus", n.status)}
                    </span>
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{n.attempts}</td>
                  <td className="utrecht-table__cell">
                    {n.sentAt && <div>{t("notices.sentAt", { date: format.dateTime(n.sentAt) })}</div>}
                    {n.lastError && <div className="hs-notice__error">{n.lastError}</div>}
                    {n.status === "PENDING" && n.nextAttemptAt && (
                      <div>{t("notices.nextAttempt", { date: format.dateTime(n.nextAttemptAt) })}</div>
                    )}
                    {!n.sentAt && !n.lastError && <div>{t("notices.createdAt", { date: format.dateTime(n.createdAt) })}</div>}
                  </td>
                  <td className="utrecht-table__cell">
                    {(n.status === "FAILED" || n.status === "CANCELLED") && (
                      <Button busy={busy} onClick={() => retry(n.id)}>
                        <span>{t("notices.retry")}</span>
                        <span className="hs-visually-hidden">: {label(t, "noticeKind", n.kind)}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
