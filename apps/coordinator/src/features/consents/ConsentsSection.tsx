import {
  Alert,
  Button,
  ConfirmButton,
  FormProblem,
  Heading,
  type Problem,
  TableHead,
  useFormat,
  useRefusableMutation,
} from "@homestart/ui";
import { useState } from "react";
import type { ConsentType } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import { problemOf, type SectionProps, versionOf } from "../families/family-types.ts";
import { TableWrap } from "../families/TableWrap.tsx";

const GrantConsentMutation = graphql(`
  mutation GrantConsent($input: ConsentChangeInput!) {
    grantConsent(input: $input) {
      __typename
      ... on GrantConsentSuccess {
        family {
          id
          version
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const WithdrawConsentMutation = graphql(`
  mutation WithdrawConsent($input: ConsentChangeInput!) {
    withdrawConsent(input: $input) {
      __typename
      ... on WithdrawConsentSuccess {
        family {
          id
          version
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

/** Each consent in force or not, granting it, withdrawing it (one click plus a confirmation), and the whole history. */
export function ConsentsSection({ family, refresh }: SectionProps) {
  const t = useAppT();
  const format = useFormat();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const grant = useRefusableMutation(GrantConsentMutation, (d) => d.grantConsent);
  const withdraw = useRefusableMutation(WithdrawConsentMutation, (d) => d.withdrawConsent);

  const change = async (action: "grant" | "withdraw", type: ConsentType) => {
    const input = { familyId: family.id, type };
    const outcome = action === "grant" ? await grant.run({ input }) : await withdraw.run({ input });
    if (!outcome) return;
    setProblem(problemOf(outcome));
    const ok = outcome.kind === "ok";
    setDone(ok ? t(action === "grant" ? "consents.granted" : "consents.withdrawn", { consent: label(t, "consent", type) }) : null);
    if (ok) refresh(versionOf(outcome));
  };
  const history = [...family.consents].reverse();

  return (
    <section className="hs-section hs-box" aria-labelledby="family-consents" data-section="consents">
      <Heading level={2} id="family-consents">
        {t("consents.title")}
      </Heading>
      <p className="hs-section__intro">{t("consents.intro")}</p>
      <FormProblem problem={problem} />
      {done && (
        <Alert type="ok" role="status">
          <p>{done}</p>
        </Alert>
      )}
      <ul className="hs-list-plain hs-consents">
        {family.consentsInForce.map((c) => {
          const name = label(t, "consent", c.type);
          return (
            <li key={c.type} className="hs-consent" data-consent={c.type} data-in-force={c.inForce}>
              <div className="hs-consent__text">
                <p className="hs-consent__name">{name}</p>
                <p>
                  <span className={c.inForce ? "hs-badge hs-badge--ok" : "hs-badge hs-badge--neutral"}>
                    {t(c.inForce ? "consents.inForce" : "consents.notInForce")}
                  </span>
                  {c.since && <span className="hs-muted"> {t("consents.since", { date: format.dateTime(c.since) })}</span>}
                </p>
              </div>
              {c.inForce ? (
                <ConfirmButton
                  busy={withdraw.busy}
                  question={t("consents.withdrawQuestion", { consent: name })}
                  confirmLabel={t("consents.withdrawConfirm")}
                  onConfirm={() => change("withdraw", c.type)}
                >
                  <span>{t("consents.withdraw")}</span>
                  <span className="hs-visually-hidden">: {name}</span>
                </ConfirmButton>
              ) : (
                <Button busy={grant.busy} onClick={() => change("grant", c.type)}>
                  <span>{t("consents.grant")}</span>
                  <span className="hs-visually-hidden">: {name}</span>
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <Heading level={3}>{t("consents.history")}</Heading>
      {history.length === 0 ? (
        <p>{t("consents.noHistory")}</p>
      ) : (
        <TableWrap label={t("consents.historyCaption")}>
          <table className="utrecht-table utrecht-table--html-table hs-table" data-consent-history>
            <caption className="utrecht-table__caption hs-table__caption">{t("consents.historyCaption")}</caption>
            <TableHead columns={[t("consents.col.when"), t("consents.col.consent"), t("consents.col.action"), t("consents.col.who")]} />
            <tbody className="utrecht-table__body">
              {history.map((e) => (
                <tr key={e.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{format.dateTime(e.at)}</td>
                  <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                    {label(t, "consent", e.type)}
                  </th>
                  <td className="utrecht-table__cell">{label(t, "consentAction", e.action)}</td>
                  <td className="utrecht-table__cell">
                    {e.recordedByName ?? t("consents.byParents")}
                    {e.note && <div className="hs-muted">{e.note}</div>}
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
