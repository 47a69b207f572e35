import "@homestart/ui/styles.css";
import { mountPortal } from "@homestart/ui";
import { HomePage } from "./HomePage.tsx";
import { dictionaries } from "./i18n.ts";

// Administrators manage users and reference data; of the three portals, theirs is the national one.
mountPortal({ dictionaries, roles: ["NATIONAL_STAFF", "ADMIN"], app: <HomePage /> });
