import { Alert, Button, Heading, saveTextFile, useLocale } from "@homestart/ui";
import { useState } from "react";
import { useClient } from "urql";
import type { FiguresCsvBy } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";

const AnnualFiguresCsvQuery = graphql(`
  query AnnualFiguresCsv($year: Int!, $by: FiguresCsvBy!, $fromYear: Int, $language: ExportLanguage!) {
    annualFiguresCsv(year: $year, by: $by, fromYear: $fromYear, language: $language) {
      __typename
      ... on AnnualFiguresCsvSuccess {
        file {
          filename
          mediaType
          content
        }
      }
      ... on Refusal {
        message {
          nl
          en
        }
      }
    }
  }
`);

/** CSV downloads (the API writes the file) and the print/PDF button, for the annual report. */
export function FiguresExports({ year, fromYear }: { year: number; fromYear: number }) {
  const t = useAppT();
  const client = useClient();
  const { locale } = useLocale();
  const [busy, setBusy] = useState<FiguresCsvBy | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async (by: FiguresCsvBy) => {
    setBusy(by);
    setProblem(null);
    try {
      const result = await client
        .query(
          AnnualFiguresCsvQuery,
          { year, by, fromYear: by === "NATIONAL" ? fromYear : null, language: locale === "en" ? "EN" : "NL" },
          { requestPolicy: "network-only" },
        )
        .toPromise();
      const answer = result.data?.annualFiguresCsv;
      if (answer?.__typename === "AnnualFiguresCsvSuccess") {
        saveTextFile(answer.file.filename, answer.file.mediaType, answer.file.content, { bom: true });
      } else if (answer?.__typename === "Refusal") {
        setProblem(answer.message[locale]);
      } else {
        setProblem(t("annualFigures.export.failed"));
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="hs-section hs-no-print hs-figures-export" aria-labelledby="figures-export-title">
      <Heading level={2} id="figures-export-title">
        {t("annualFigures.export.heading")}
      </Heading>
      <div className="hs-figures-export__actions">
        <Button appearance="primary" busy={busy === "NATIONAL"} onClick={() => download("NATIONAL")} data-export="csv-national">
          {t("annualFigures.export.csvNational")}
        </Button>
        <Button busy={busy === "LOCATION"} onClick={() => download("LOCATION")} data-export="csv-location">
          {t("annualFigures.export.csvLocations")}
        </Button>
        <Button busy={busy === "MUNICIPALITY"} onClick={() => download("MUNICIPALITY")} data-export="csv-municipality">
          {t("annualFigures.export.csvMunicipalities")}
        </Button>
      </div>
      <p className="hs-figures-export__hint">{t("annualFigures.export.csvHint")}</p>
      {problem && <Alert type="error" role="alert" title={problem} />}
      <div className="hs-figures-export__actions">
        <Button onClick={() => window.print()} aria-describedby="figures-print-hint" data-export="print">
          {t("annualFigures.export.print")}
        </Button>
      </div>
      <p id="figures-print-hint" className="hs-figures-export__hint">
        {t("annualFigures.export.printHint")}
      </p>
    </section>
  );
}
