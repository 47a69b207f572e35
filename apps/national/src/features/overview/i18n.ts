// Texts of the overview that are new with the lists behind its numbers.
export const overviewDictionary = {
  nl: {
    "overview.showList": "Bekijk de lijst",
    "overview.figuresHeading": "Jaarcijfers",
    "overview.lists": "Werklijsten",
  },
  en: {
    "overview.showList": "View the list",
    "overview.figuresHeading": "Annual figures",
    "overview.lists": "Work lists",
  },
} as const;
