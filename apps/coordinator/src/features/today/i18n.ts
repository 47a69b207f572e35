import { defineDictionaries } from "@homestart/ui";

/** Texts of Vandaag (the dashboard) beyond the signals' own messages. */
export const todayDictionaries = defineDictionaries({
  nl: {
    "signal.openVolunteer": "Bekijk de vrijwilliger",
  },
  en: {
    "signal.openVolunteer": "View the volunteer",
  },
});
