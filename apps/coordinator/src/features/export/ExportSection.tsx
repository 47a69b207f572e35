import { Alert, Button, Heading } from "@homestart/ui";
import { useState } from "react";
import { useClient } from "urql";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { todayIso } from "../families/family-types.ts";

const ExportFamilyDataQuery = graphql(`
  query ExportFamilyData($familyId: ID!) {
    exportFamilyData(familyId: $familyId)
  }
`);

/** Hands a text to the browser as a download (no library: a blob and a temporary link). */
function saveFile(filename: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Download gegevens (AVG-inzageverzoek)": everything the API stores about the family, as a JSON file. */
export function ExportSection({ familyId }: { familyId: string }) {
  const t = useAppT();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<"saved" | "failed" | null>(null);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setState(null);
    try {
      // Fetched fresh on each click: every export is audited by the API, and the file must be current.
      const result = await client.query(ExportFamilyDataQuery, { familyId }, { requestPolicy: "network-only" }).toPromise();
      const text = result.data?.exportFamilyData;
      if (result.error || !text) {
        setState("failed");
        return;
      }
      let pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // Not JSON after all: save it as the API gave it.
      }
      const shortId = familyId.replace(/[^A-Za-z0-9]/g, "").slice(-10);
      saveFile(`gezin-${shortId}-gegevens-${todayIso()}.json`, "application/json", pretty);
      setState("saved");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="hs-section hs-box" aria-labelledby="family-export" data-section="export">
      <Heading level={2} id="family-export">
        {t("export.title")}
      </Heading>
      <p className="hs-section__intro">{t("export.intro")}</p>
      {state === "failed" && (
        <Alert type="error" role="alert">
          <p>{t("export.failed")}</p>
        </Alert>
      )}
      {state === "saved" && (
        <Alert type="ok" role="status">
          <p>{t("export.saved")}</p>
        </Alert>
      )}
      <Button busy={busy} onClick={download}>
        {t("export.download")}
      </Button>
    </section>
  );
}
