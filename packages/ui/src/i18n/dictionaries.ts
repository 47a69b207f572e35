// Typed dictionaries: every text exists in Dutch and in English, checked by the compiler.
// Shared texts live here; each portal adds its own with `defineDictionaries`.

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";

export interface Dictionaries<K extends string> {
  nl: Readonly<Record<K, string>>;
  en: Readonly<Record<K, string>>;
}

/**
 * Declares a pair of dictionaries. The Dutch one defines the keys; the English one must have
 * exactly the same keys (a missing or an extra key is a type error).
 */
export function defineDictionaries<const K extends string>(dictionaries: {
  nl: Record<K, string>;
  en: Record<NoInfer<K>, string>;
}): Dictionaries<K> {
  return dictionaries;
}

/** Texts every portal must define: its name, the login intro, who it is for, its home page's name. */
export type PortalKey = "portal.title" | "portal.loginIntro" | "portal.wrongRole" | "portal.homeTitle";

/** A portal's dictionaries: its own keys plus the PortalKey texts the shared shell shows. */
export function definePortalDictionaries<const K extends string>(dictionaries: {
  nl: Record<K | PortalKey, string>;
  en: Record<NoInfer<K> | PortalKey, string>;
}): Dictionaries<K | PortalKey> {
  return dictionaries;
}

export const sharedDictionaries = defineDictionaries({
  nl: {
    "brand.name": "Home-Start",
    "brand.organisation": "Home-Start Nederland",
    skipLink: "Direct naar de inhoud",
    "language.label": "Taal / Language",
    "language.nl": "Nederlands",
    "language.en": "English",
    "header.account": "Uw account",
    logout: "Uitloggen",
    "logout.busy": "Bezig met uitloggen…",
    "logout.failed": "Uitloggen is niet gelukt. Controleer uw verbinding en probeer het opnieuw.",
    loading: "Bezig met laden…",
    "error.title": "Er ging iets mis",
    "error.network": "De server is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.",
    "error.unexpected": "Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw.",
    "error.retry": "Opnieuw proberen",
    "login.pageTitle": "Inloggen",
    "login.email": "E-mailadres",
    "login.password": "Wachtwoord",
    "login.submit": "Inloggen",
    "login.busy": "Bezig met inloggen…",
    "login.emailRequired": "Vul uw e-mailadres in.",
    "login.emailInvalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    "login.passwordRequired": "Vul uw wachtwoord in.",
    "login.refusedTitle": "Inloggen is niet gelukt",
    "login.help": "Geen account of wachtwoord kwijt? Neem contact op met de beheerder van uw organisatie.",
    "role.COORDINATOR": "Coördinator",
    "role.NATIONAL_STAFF": "Medewerker Landelijk Steunpunt",
    "role.MUNICIPAL_OFFICER": "Medewerker gemeente",
    "role.ADMIN": "Beheerder",
    "wrongPortal.title": "Dit is niet uw portaal",
    "wrongPortal.signedInAs": "U bent ingelogd als {name}, met de rol {role}.",
    "wrongPortal.useInstead.COORDINATOR": "Coördinatoren werken in het Coördinatorportaal.",
    "wrongPortal.useInstead.NATIONAL_STAFF": "Medewerkers van het Landelijk Steunpunt werken in het portaal Landelijk Steunpunt.",
    "wrongPortal.useInstead.MUNICIPAL_OFFICER": "Medewerkers van gemeenten werken in het Gemeenteportaal.",
    "wrongPortal.useInstead.ADMIN": "Beheerders werken in het portaal Landelijk Steunpunt.",
    "wrongPortal.logoutHint": "Log uit om met een ander account in te loggen.",
    "home.welcome": "Welkom",
    "home.signedInAs": "Ingelogd als",
    "home.email": "E-mailadres",
    "home.role": "Rol",
    "footer.tagline": "Vrijwilligers die gezinnen met jonge kinderen thuis ondersteunen",
  },
  en: {
    "brand.name": "Home-Start",
    "brand.organisation": "Home-Start Netherlands",
    skipLink: "Skip to main content",
    "language.label": "Taal / Language",
    "language.nl": "Nederlands",
    "language.en": "English",
    "header.account": "Your account",
    logout: "Log out",
    "logout.busy": "Logging out…",
    "logout.failed": "Logging out did not work. Check your connection and try again.",
    loading: "Loading…",
    "error.title": "Something went wrong",
    "error.network": "The server cannot be reached. Check your internet connection and try again.",
    "error.unexpected": "Something went wrong on our side. Please try again in a few minutes.",
    "error.retry": "Try again",
    "login.pageTitle": "Log in",
    "login.email": "E-mail address",
    "login.password": "Password",
    "login.submit": "Log in",
    "login.busy": "Logging in…",
    "login.emailRequired": "Enter your e-mail address.",
    "login.emailInvalid": "Enter a valid e-mail address, like name@example.com.",
    "login.passwordRequired": "Enter your password.",
    "login.refusedTitle": "Could not log you in",
    "login.help": "No account, or forgot your password? Contact the administrator of your organisation.",
    "role.COORDINATOR": "Coordinator",
    "role.NATIONAL_STAFF": "National office staff",
    "role.MUNICIPAL_OFFICER": "Municipal officer",
    "role.ADMIN": "Administrator",
    "wrongPortal.title": "This is not your portal",
    "wrongPortal.signedInAs": "You are logged in as {name}, with the role {role}.",
    "wrongPortal.useInstead.COORDINATOR": "Coordinators work in the coordinator portal (Coördinatorportaal).",
    "wrongPortal.useInstead.NATIONAL_STAFF": "National office staff work in the national office portal (Landelijk Steunpunt).",
    "wrongPortal.useInstead.MUNICIPAL_OFFICER": "Municipal officers work in the municipality portal (Gemeenteportaal).",
    "wrongPortal.useInstead.ADMIN": "Administrators work in the national office portal (Landelijk Steunpunt).",
    "wrongPortal.logoutHint": "Log out to log in with another account.",
    "home.welcome": "Welcome",
    "home.signedInAs": "Logged in as",
    "home.email": "E-mail address",
    "home.role": "Role",
    "footer.tagline": "Volunteers who support families with young children at home",
  },
});

export type SharedKey = keyof typeof sharedDictionaries.nl;
