import { Alert } from "@homestart/ui";
import { Link } from "wouter";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import type { FamilyRecord } from "./family-types.ts";

/** The API's possible duplicates of this family (same phone, e-mail, or name and birth date), each linked. */
export function DuplicateWarning({ family }: { family: FamilyRecord }) {
  const t = useAppT();
  if (family.possibleDuplicates.length === 0) return null;
  return (
    <Alert type="warning" title={t("duplicates.title")} className="hs-duplicates">
      <p>{t("duplicates.intro")}</p>
      <ul className="utrecht-unordered-list">
        {family.possibleDuplicates.map((d) => (
          <li key={d.familyId} className="utrecht-unordered-list__item" data-duplicate={d.familyId}>
            <Link href={`/gezinnen/${encodeURIComponent(d.familyId)}`} className="utrecht-link utrecht-link--html-a">
              {t("duplicates.open")}
            </Link>{" "}
            ({d.matches.map((m) => label(t, "duplicates.match", m)).join(", ")})
          </li>
        ))}
      </ul>
    </Alert>
  );
}
