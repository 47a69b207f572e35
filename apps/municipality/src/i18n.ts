import { definePortalDictionaries, useT } from "@homestart/ui";

export const dictionaries = definePortalDictionaries({
  nl: {
    "portal.title": "Gemeenteportaal",
    "portal.loginIntro": "Voor medewerkers van gemeenten: wat Home-Start in uw gemeente doet, in cijfers.",
    "portal.wrongRole": "Dit portaal is voor medewerkers van gemeenten.",
    "portal.homeTitle": "Overzicht",
    "municipalities.heading": "Uw gemeenten",
    "municipalities.intro": "De gemeenten waarvoor u de cijfers van Home-Start kunt bekijken.",
    "municipalities.province": "Provincie {province}",
    "municipalities.code": "CBS-code {code}",
    "municipalities.emptyTitle": "Nog geen gemeente",
    "municipalities.emptyText":
      "U bent nog niet aan een gemeente gekoppeld. Vraag het Landelijk Steunpunt om u aan uw gemeente te koppelen.",
  },
  en: {
    "portal.title": "Municipality portal",
    "portal.loginIntro": "For municipal officers: what Home-Start does in your municipality, in figures.",
    "portal.wrongRole": "This portal is for municipal officers.",
    "portal.homeTitle": "Overview",
    "municipalities.heading": "Your municipalities",
    "municipalities.intro": "The municipalities whose Home-Start figures you can view.",
    "municipalities.province": "Province of {province}",
    "municipalities.code": "CBS code {code}",
    "municipalities.emptyTitle": "No municipality yet",
    "municipalities.emptyText":
      "You are not linked to a municipality yet. Ask the national office (Landelijk Steunpunt) to link you to yours.",
  },
});

export const useAppT = () => useT<keyof typeof dictionaries.nl>();
