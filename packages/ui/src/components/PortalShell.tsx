import { type ReactNode, useEffect, useRef } from "react";
import type { Role } from "../api/operations.ts";
import { useAuth } from "../auth/AuthProvider.tsx";
import type { PortalKey } from "../i18n/dictionaries.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { RouteFocus } from "../routing/RouteFocus.tsx";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";
import { Heading } from "./Heading.tsx";
import { Loading } from "./Loading.tsx";
import { LoginForm } from "./LoginForm.tsx";
import { PortalLayout } from "./PortalLayout.tsx";
import { type NavItem, PortalNav } from "./PortalNav.tsx";
import { RequireRole } from "./RequireRole.tsx";

export interface PortalShellProps<K extends string = never> {
  /** The roles that work in this portal; anyone else gets the "portal.wrongRole" notice. */
  roles: readonly Role[];
  /** The portal's main navigation, shown to a logged-in user with one of the roles. */
  nav?: readonly NavItem<K | PortalKey>[];
  /** The portal's pages, shown to a logged-in user with one of the roles. */
  children: ReactNode;
}

/** After a login or logout, focus goes to the new page's h1 so it is read out; not on the first load. */
function useFocusHeadingOnChange(view: string): void {
  const settled = useRef<string | null>(null);
  useEffect(() => {
    if (view === "loading") return;
    if (settled.current !== null && settled.current !== view) {
      document.querySelector<HTMLElement>("#main h1")?.focus();
    }
    settled.current = view;
  }, [view]);
}

/**
 * Everything around a portal's pages: loading, "server unreachable", the login page, the
 * wrong-role notice and the layout. Names and texts come from the portal's PortalKey texts.
 */
export function PortalShell<K extends string = never>({ roles, nav, children }: PortalShellProps<K>) {
  const t = useT<PortalKey | K>();
  const { state } = useAuth();
  const view = state.status === "loggedIn" ? (roles.includes(state.viewer.role) ? "home" : "wrongRole") : state.status;
  useFocusHeadingOnChange(view);
  const portalTitle = t("portal.title");

  switch (state.status) {
    case "loading":
      return (
        <PortalLayout portalTitle={portalTitle} pageTitle={t("loading")}>
          <Loading className="hs-loading--page" />
        </PortalLayout>
      );
    case "failed":
      return (
        <PortalLayout portalTitle={portalTitle} pageTitle={t("error.title")}>
          <section className="hs-panel hs-narrow">
            <Heading level={1}>{t("error.title")}</Heading>
            <Alert type="error">
              <p>{t(state.reason === "unavailable" ? "error.network" : "error.unexpected")}</p>
            </Alert>
            <Button appearance="primary" busy={state.retrying} onClick={state.retry}>
              {t("error.retry")}
            </Button>
          </section>
        </PortalLayout>
      );
    case "loggedOut":
      return (
        <PortalLayout portalTitle={portalTitle} pageTitle={t("login.pageTitle")}>
          <section className="hs-panel hs-narrow hs-login" aria-labelledby="login-title">
            <Heading level={1} id="login-title">
              {t("login.pageTitle")}
            </Heading>
            <p className="hs-panel__lead">{t("portal.loginIntro")}</p>
            <LoginForm />
            <p className="hs-panel__help">{t("login.help")}</p>
          </section>
        </PortalLayout>
      );
    case "loggedIn":
      return (
        <PortalLayout
          portalTitle={portalTitle}
          pageTitle={view === "home" ? t("portal.homeTitle") : t("wrongPortal.title")}
          viewer={state.viewer}
          nav={
            view === "home" && nav && nav.length > 0 ? (
              <PortalNav label={t("nav.label")} items={nav.map((item) => ({ href: item.href, label: t(item.label) }))} />
            ) : undefined
          }
        >
          <RequireRole roles={roles} message={t("portal.wrongRole")}>
            <RouteFocus />
            {children}
          </RequireRole>
        </PortalLayout>
      );
  }
}
