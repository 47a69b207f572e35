import { Heading, TableHead, useFormat } from "@homestart/ui";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import type { FamilyRecord } from "./family-types.ts";
import { TableWrap } from "./TableWrap.tsx";

/** Who did what with the record, newest first; collapsed, since it is looked at rarely. */
export function AuditTrail({ family }: { family: FamilyRecord }) {
  const t = useAppT();
  const format = useFormat();
  return (
    <section className="hs-section hs-box" aria-labelledby="family-audit" data-section="audit">
      <Heading level={2} id="family-audit">
        {t("audit.title")}
      </Heading>
      <details className="hs-details">
        <summary className="hs-details__summary">{t("audit.show", { count: family.auditTrail.length })}</summary>
        {family.auditTrail.length === 0 ? (
          <p>{t("audit.none")}</p>
        ) : (
          <TableWrap label={t("audit.caption")}>
            <table className="utrecht-table utrecht-table--html-table hs-table">
              <caption className="utrecht-table__caption hs-table__caption">{t("audit.caption")}</caption>
              <TableHead columns={[t("audit.col.when"), t("audit.col.what"), t("audit.col.who")]} />
              <tbody className="utrecht-table__body">
                {family.auditTrail.map((entry, i) => (
                  // Entries have no id; the list is newest first and only grows at the top.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={`${entry.at}-${entry.action}-${i}`} className="utrecht-table__row">
                    <td className="utrecht-table__cell">{format.dateTime(entry.at)}</td>
                    <td className="utrecht-table__cell">{label(t, "audit.action", entry.action)}</td>
                    <td className="utrecht-table__cell">{entry.userName ?? t("audit.system")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </details>
    </section>
  );
}
