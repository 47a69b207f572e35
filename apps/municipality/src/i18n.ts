import { definePortalDictionaries, useT } from "@homestart/ui";
import { figuresDictionaries } from "./features/figures/i18n.ts";

export const dictionaries = definePortalDictionaries({
  nl: {
    ...figuresDictionaries.nl,
    "portal.title": "Gemeenteportaal",
    "portal.loginIntro": "Voor medewerkers van gemeenten: wat Home-Start in uw gemeente doet, in cijfers.",
    "portal.wrongRole": "Dit portaal is voor medewerkers van gemeenten.",
    "portal.homeTitle": "Cijfers van uw gemeente",
    "home.title": "Cijfers van uw gemeente",
    "home.lead":
      "Wat Home-Start in uw gemeente doet, over een heel kalenderjaar. Kleine aantallen tonen we niet, zodat geen gezin herkenbaar is.",
    "municipalities.select": "Gemeente",
    "municipalities.province": "Provincie {province}",
    "municipalities.code": "CBS-code {code}",
    "municipalities.emptyTitle": "Nog geen gemeente",
    "municipalities.emptyText":
      "U bent nog niet aan een gemeente gekoppeld. Vraag het Landelijk Steunpunt om u aan uw gemeente te koppelen.",
    "municipal.caption": "Home-Start in {municipality}, {year}",
    "municipal.notYours": "De cijfers van deze gemeente kunt u niet inzien.",
  },
  en: {
    ...figuresDictionaries.en,
    "portal.title": "Municipality portal",
    "portal.loginIntro": "For municipal officers: what Home-Start does in your municipality, in figures.",
    "portal.wrongRole": "This portal is for municipal officers.",
    "portal.homeTitle": "Your municipality's figures",
    "home.title": "Your municipality's figures",
    "home.lead":
      "What Home-Start does in your municipality, over a whole calendar year. We do not show small numbers, so that no family can be recognised.",
    "municipalities.select": "Municipality",
    "municipalities.province": "Province of {province}",
    "municipalities.code": "CBS code {code}",
    "municipalities.emptyTitle": "No municipality yet",
    "municipalities.emptyText":
      "You are not linked to a municipality yet. Ask the national office (Landelijk Steunpunt) to link you to yours.",
    "municipal.caption": "Home-Start in {municipality}, {year}",
    "municipal.notYours": "You cannot view this municipality's figures.",
  },
});

export const useAppT = () => useT<keyof typeof dictionaries.nl>();
