import "@homestart/ui/styles.css";
import { mountPortal } from "@homestart/ui";
import { App } from "./App.tsx";
import { dictionaries } from "./i18n.ts";

mountPortal({ dictionaries, roles: ["MUNICIPAL_OFFICER"], app: <App /> });
