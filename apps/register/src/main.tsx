import "@homestart/ui/styles.css";
// Ge'ez script for Tigrinya and Arabic script, bundled (no font is fetched from elsewhere at run time).
import "@fontsource/noto-sans-ethiopic/400.css";
import "@fontsource/noto-sans-ethiopic/700.css";
import "@fontsource/noto-sans-arabic/400.css";
import "@fontsource/noto-sans-arabic/700.css";
import "./register.css";
import { createApiClient } from "@homestart/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Provider } from "urql";
import { App } from "./App.tsx";
import { LocaleProvider } from "./locale.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("No #root to render the registration page into.");
createRoot(root).render(
  <StrictMode>
    <LocaleProvider>
      <Provider value={createApiClient()}>
        <App />
      </Provider>
    </LocaleProvider>
  </StrictMode>,
);
