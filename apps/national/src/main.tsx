import "@homestart/ui/styles.css";
import "./national.css";
import { mountPortal } from "@homestart/ui";
import { App } from "./App.tsx";
import { dictionaries } from "./i18n.ts";

mountPortal({
  dictionaries,
  roles: ["NATIONAL_STAFF", "ADMIN"],
  nav: [
    { href: "/", label: "nav.overview" },
    { href: "/licenties", label: "nav.licences" },
    { href: "/visitaties", label: "nav.visitaties" },
    { href: "/gemeenten", label: "nav.municipalities" },
    { href: "/locaties", label: "nav.locations" },
    { href: "/organisaties", label: "nav.organisations" },
    { href: "/jaarcijfers", label: "nav.annualFigures" },
  ],
  app: <App />,
});
