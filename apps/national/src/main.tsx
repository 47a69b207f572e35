import "@homestart/ui/styles.css";
import { mountPortal } from "@homestart/ui";
import { App } from "./App.tsx";
import { dictionaries } from "./i18n.ts";

mountPortal({
  dictionaries,
  roles: ["NATIONAL_STAFF", "ADMIN"],
  nav: [
    { href: "/", label: "nav.overview" },
    { href: "/jaarcijfers", label: "nav.annualFigures" },
  ],
  app: <App />,
});
