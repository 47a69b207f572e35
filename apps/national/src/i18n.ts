import { definePortalDictionaries, useT } from "@homestart/ui";

export const dictionaries = definePortalDictionaries({
  nl: {
    "portal.title": "Landelijk Steunpunt",
    "portal.loginIntro":
      "Voor medewerkers van het Landelijk Steunpunt van Home-Start Nederland: licenties, visitaties en landelijke cijfers.",
    "portal.wrongRole": "Dit portaal is voor medewerkers van het Landelijk Steunpunt.",
    "portal.homeTitle": "Overzicht",
    "overview.heading": "Landelijk overzicht",
    "overview.badge": "Volgt in een later issue",
    "overview.title": "Het landelijk overzicht is nog niet gebouwd",
    "overview.planned":
      "Hier komen de licenties en visitaties van alle locaties en de landelijke cijfers. Dat wordt in een later issue gebouwd.",
    "overview.honest": "Tot die tijd toont dit portaal bewust geen cijfers: liever niets dan voorbeeld- of nepgegevens.",
  },
  en: {
    "portal.title": "National office",
    "portal.loginIntro":
      "For staff of the national office (Landelijk Steunpunt) of Home-Start Netherlands: licences, reviews and national figures.",
    "portal.wrongRole": "This portal is for staff of the national office (Landelijk Steunpunt).",
    "portal.homeTitle": "Overview",
    "overview.heading": "National overview",
    "overview.badge": "Coming in a later issue",
    "overview.title": "The national overview has not been built yet",
    "overview.planned":
      "This is where the licences and reviews (visitaties) of all locations and the national figures will be. That is built in a later issue.",
    "overview.honest": "Until then this portal deliberately shows no figures: nothing rather than sample or made-up data.",
  },
});

export const useAppT = () => useT<keyof typeof dictionaries.nl>();
