import "@utrecht/design-tokens/dist/font-family.js";
import { type ReactNode, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { Role } from "./api/operations.ts";
import { AuthProvider } from "./auth/AuthProvider.tsx";
import type { NavItem } from "./components/PortalNav.tsx";
import { PortalShell } from "./components/PortalShell.tsx";
import type { Dictionaries, PortalKey } from "./i18n/dictionaries.ts";
import { I18nProvider } from "./i18n/I18nProvider.tsx";

export interface MountPortalOptions<K extends string> {
  /** The portal's texts (definePortalDictionaries). */
  dictionaries: Dictionaries<K | PortalKey>;
  /** The roles that work in this portal. */
  roles: readonly Role[];
  /** The portal's pages, for a logged-in user with one of the roles. */
  app: ReactNode;
  /** The portal's main navigation: links with the text keys of their labels. */
  nav?: readonly NavItem<K | PortalKey>[];
  rootId?: string;
}

/** Renders a portal into #root: texts, API client and session, the shell, and the portal's pages. */
export function mountPortal<K extends string>({ dictionaries, roles, app, nav, rootId = "root" }: MountPortalOptions<K>): void {
  const element = document.getElementById(rootId);
  if (!element) throw new Error(`No element #${rootId} to render the portal into.`);
  createRoot(element).render(
    <StrictMode>
      <I18nProvider dictionaries={dictionaries}>
        <AuthProvider>
          <PortalShell<K> roles={roles} nav={nav}>
            {app}
          </PortalShell>
        </AuthProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
