import "@homestart/ui/styles.css";
import "./coordinator.css";
import { mountPortal } from "@homestart/ui";
import { App } from "./App.tsx";
import { dictionaries } from "./i18n.ts";

mountPortal({
  dictionaries,
  roles: ["COORDINATOR"],
  nav: [
    { href: "/", label: "nav.today" },
    { href: "/gezinnen", label: "nav.families" },
    { href: "/aanmelden", label: "nav.register" },
    { href: "/bezoeken", label: "nav.visits" },
    { href: "/vrijwilligers", label: "nav.volunteers" },
    { href: "/groepsbijeenkomsten", label: "nav.groupMeetings" },
  ],
  app: <App />,
});
