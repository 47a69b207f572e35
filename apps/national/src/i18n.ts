import { definePortalDictionaries, useT } from "@homestart/ui";
import { figuresDictionaries } from "./features/figures/i18n.ts";
import { licencesDictionary } from "./features/licences/i18n.ts";
import { municipalitiesDictionary } from "./features/municipalities/i18n.ts";
import { organisationsDictionary } from "./features/organisations/i18n.ts";
import { overviewDictionary } from "./features/overview/i18n.ts";
import { visitatiesDictionary } from "./features/visitaties/i18n.ts";

export const dictionaries = definePortalDictionaries({
  nl: {
    ...figuresDictionaries.nl,
    ...overviewDictionary.nl,
    ...licencesDictionary.nl,
    ...visitatiesDictionary.nl,
    ...municipalitiesDictionary.nl,
    ...organisationsDictionary.nl,
    "portal.title": "Landelijk Steunpunt",
    "portal.loginIntro":
      "Voor medewerkers van het Landelijk Steunpunt van Home-Start Nederland: licenties, visitaties en landelijke cijfers.",
    "portal.wrongRole": "Dit portaal is voor medewerkers van het Landelijk Steunpunt.",
    "portal.homeTitle": "Landelijk overzicht",
    "nav.overview": "Overzicht",
    "nav.annualFigures": "Jaarcijfers",
    "overview.title": "Landelijk overzicht",
    "overview.lead": "Hoe Home-Start er vandaag landelijk voor staat: aanbod, licenties en visitaties.",
    "overview.heading": "Kerncijfers",
    "overview.on": "Stand van {date}",
    "overview.municipalitiesOffering": "Gemeenten waar Home-Start wordt aangeboden",
    "overview.municipalitiesOffering.hint": "Onder een geldige licentie",
    "overview.locations": "Open locaties",
    "overview.activeLicences": "Geldige licenties",
    "overview.licencesExpiringSoon": "Licenties die binnenkort aflopen",
    "overview.licencesExpiringSoon.hint": "Tijd om de verlenging te regelen",
    "overview.visitatiesOverdue": "Visitaties te laat",
    "overview.visitatiesOverdue.hint": "De termijn is verstreken",
    "overview.visitatiesDueSoon": "Visitaties binnenkort nodig",
    "overview.visitatiesDueSoon.hint": "Nog niet gepland",
    "overview.figuresLink": "Bekijk de jaarcijfers",
    "later.heading": "Nog te bouwen",
    "later.badge": "Volgt later",
    "later.title": "Licenties, visitaties en gemeenten per locatie",
    "later.planned":
      "De lijsten achter deze kerncijfers – welke licenties aflopen, welke visitaties gepland moeten worden, en welke gemeenten elke locatie bedient – worden in later werk gebouwd.",
    "later.honest": "Tot die tijd toont dit portaal alleen de cijfers die echt uit de registratie komen: geen voorbeeld- of nepgegevens.",
    "annual.title": "Jaarcijfers",
    "annual.lead":
      "De landelijke cijfers van Home-Start over een heel kalenderjaar: gezinnen die op enige dag in dat jaar ondersteund werden.",
    "annual.caption": "Landelijke cijfers {year}",
  },
  en: {
    ...figuresDictionaries.en,
    ...overviewDictionary.en,
    ...licencesDictionary.en,
    ...visitatiesDictionary.en,
    ...municipalitiesDictionary.en,
    ...organisationsDictionary.en,
    "portal.title": "National office",
    "portal.loginIntro":
      "For staff of the national office (Landelijk Steunpunt) of Home-Start Netherlands: licences, reviews and national figures.",
    "portal.wrongRole": "This portal is for staff of the national office (Landelijk Steunpunt).",
    "portal.homeTitle": "National overview",
    "nav.overview": "Overview",
    "nav.annualFigures": "Annual figures",
    "overview.title": "National overview",
    "overview.lead": "Where Home-Start stands nationally today: provision, licences and reviews (visitaties).",
    "overview.heading": "Key figures",
    "overview.on": "As of {date}",
    "overview.municipalitiesOffering": "Municipalities where Home-Start is offered",
    "overview.municipalitiesOffering.hint": "Under a valid licence",
    "overview.locations": "Open locations",
    "overview.activeLicences": "Valid licences",
    "overview.licencesExpiringSoon": "Licences ending soon",
    "overview.licencesExpiringSoon.hint": "Time to arrange the renewal",
    "overview.visitatiesOverdue": "Reviews (visitaties) overdue",
    "overview.visitatiesOverdue.hint": "The deadline has passed",
    "overview.visitatiesDueSoon": "Reviews (visitaties) due soon",
    "overview.visitatiesDueSoon.hint": "Not planned yet",
    "overview.figuresLink": "View the annual figures",
    "later.heading": "Still to be built",
    "later.badge": "Coming later",
    "later.title": "Licences, reviews and municipalities per location",
    "later.planned":
      "The lists behind these key figures – which licences are ending, which reviews need planning, and which municipalities each location serves – are built in later work.",
    "later.honest": "Until then this portal only shows figures that really come from the records: no sample or made-up data.",
    "annual.title": "Annual figures",
    "annual.lead": "Home-Start's national figures for a whole calendar year: families supported on any day of that year.",
    "annual.caption": "National figures {year}",
  },
});

export const useAppT = () => useT<keyof typeof dictionaries.nl>();
