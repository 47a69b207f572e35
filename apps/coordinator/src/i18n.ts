import { definePortalDictionaries, useT } from "@homestart/ui";

export const dictionaries = definePortalDictionaries({
  nl: {
    "portal.title": "Coördinatorportaal",
    "portal.loginIntro": "Voor coördinatoren van Home-Start: de gezinnen, vrijwilligers en koppelingen van uw locatie.",
    "portal.wrongRole": "Dit portaal is voor coördinatoren van Home-Start-locaties.",
    "portal.homeTitle": "Overzicht",
    "locations.heading": "Uw locaties",
    "locations.intro": "De Home-Start-locaties waarvoor u coördinator bent.",
    "locations.emptyTitle": "Nog geen locatie",
    "locations.emptyText": "U bent nog niet aan een locatie gekoppeld. Vraag het Landelijk Steunpunt om u aan uw locatie te koppelen.",
  },
  en: {
    "portal.title": "Coordinator portal",
    "portal.loginIntro": "For Home-Start coordinators: the families, volunteers and matches of your location.",
    "portal.wrongRole": "This portal is for coordinators of Home-Start locations.",
    "portal.homeTitle": "Overview",
    "locations.heading": "Your locations",
    "locations.intro": "The Home-Start locations you coordinate.",
    "locations.emptyTitle": "No location yet",
    "locations.emptyText": "You are not linked to a location yet. Ask the national office (Landelijk Steunpunt) to link you to yours.",
  },
});

export const useAppT = () => useT<keyof typeof dictionaries.nl>();
