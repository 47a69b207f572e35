import { defineDictionaries } from "@homestart/ui";

/** Texts of the family data export (GDPR access request). */
export const exportDictionaries = defineDictionaries({
  nl: {
    "export.title": "Inzageverzoek",
    "export.intro":
      "Vraagt een ouder welke gegevens Home-Start over het gezin bewaart? Download alles als bestand (JSON). Elke download wordt vastgelegd.",
    "export.download": "Download gegevens (AVG-inzageverzoek)",
    "export.saved": "Het bestand met de gegevens van het gezin is gedownload.",
    "export.failed": "De gegevens konden niet worden opgehaald. Probeer het opnieuw.",
  },
  en: {
    "export.title": "Access request",
    "export.intro":
      "Does a parent ask which data Home-Start keeps about the family? Download everything as a file (JSON). Every download is recorded.",
    "export.download": "Download data (GDPR access request)",
    "export.saved": "The file with the family's data has been downloaded.",
    "export.failed": "The data could not be fetched. Please try again.",
  },
});
