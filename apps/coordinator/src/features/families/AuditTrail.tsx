import { Button, Heading, QueryView, TableHead, useFormat } from "@homestart/ui";
import { useRef, useState } from "react";
import { useQuery } from "urql";
import type { FamilyAuditTrailQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import { TableWrap } from "./TableWrap.tsx";

/** Entries shown at first, and added by each "show more"; the API answers at most 500. */
const PAGE = 50;
const MAX_SHOWN = 500;

const FamilyAuditTrailQueryDocument = graphql(`
  query FamilyAuditTrail($id: ID!, $first: Int!) {
    family(id: $id) {
      id
      auditTrail(first: $first) {
        action
        at
        userName
      }
    }
  }
`);

type Entry = NonNullable<FamilyAuditTrailQuery["family"]>["auditTrail"][number];

/**
 * Who did what with the record, newest first; collapsed, since it is looked at rarely, and loaded
 * only when opened (a family read every week has thousands of entries; the family page itself no
 * longer waits for them).
 */
export function AuditTrail({ familyId }: { familyId: string }) {
  const t = useAppT();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(PAGE);
  // One more than shown tells whether there are more.
  const [answer, reexecute] = useQuery({
    query: FamilyAuditTrailQueryDocument,
    variables: { id: familyId, first: shown + 1 },
    pause: !open,
    requestPolicy: "cache-and-network",
  });
  // While more are loading, the entries already shown stay on screen.
  const last = useRef<Entry[] | null>(null);
  if (answer.data?.family) last.current = answer.data.family.auditTrail;
  const entries = answer.data?.family?.auditTrail ?? (answer.fetching ? last.current : null);
  return (
    <section className="hs-section hs-box" aria-labelledby="family-audit" data-section="audit">
      <Heading level={2} id="family-audit">
        {t("audit.title")}
      </Heading>
      <details className="hs-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="hs-details__summary">{t("audit.show")}</summary>
        {open &&
          (entries ? (
            <AuditTable
              entries={entries.slice(0, shown)}
              more={entries.length > shown && shown < MAX_SHOWN}
              loading={answer.fetching}
              onMore={() => setShown((s) => Math.min(MAX_SHOWN, s + PAGE))}
            />
          ) : (
            <QueryView result={answer} retry={() => reexecute({ requestPolicy: "network-only" })}>
              {() => null}
            </QueryView>
          ))}
      </details>
    </section>
  );
}

function AuditTable({ entries, more, loading, onMore }: { entries: Entry[]; more: boolean; loading: boolean; onMore: () => void }) {
  const t = useAppT();
  const format = useFormat();
  if (entries.length === 0) return <p>{t("audit.none")}</p>;
  return (
    <>
      <TableWrap label={t("audit.caption")}>
        <table className="utrecht-table utrecht-table--html-table hs-table">
          <caption className="utrecht-table__caption hs-table__caption">{t("audit.caption")}</caption>
          <TableHead columns={[t("audit.col.when"), t("audit.col.what"), t("audit.col.who")]} />
          <tbody className="utrecht-table__body">
            {entries.map((entry, i) => (
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
      {more && (
        <p>
          <Button onClick={onMore} disabled={loading}>
            {t("audit.more", { count: PAGE })}
          </Button>
        </p>
      )}
    </>
  );
}
