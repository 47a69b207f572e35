import "@homestart/ui/styles.css";
import { mountPortal } from "@homestart/ui";
import { HomePage } from "./HomePage.tsx";
import { dictionaries } from "./i18n.ts";

mountPortal({ dictionaries, roles: ["MUNICIPAL_OFFICER"], app: <HomePage /> });
