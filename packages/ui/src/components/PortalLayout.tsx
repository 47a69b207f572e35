import { type ReactNode, useEffect, useState } from "react";
import type { Viewer } from "../api/operations.ts";
import { roleLabelKey } from "../auth/roles.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { BrandMark } from "./Icon.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { LogoutButton } from "./LogoutButton.tsx";
import { PageTitleContext } from "./PageTitle.tsx";

export interface PortalLayoutProps {
  /** The portal's name, e.g. "Coördinatorportaal". */
  portalTitle: string;
  /** This page's name, for the browser tab: "<page> – <portal> – Home-Start". */
  pageTitle: string;
  /** Who is logged in; without one the header has no name and no logout button. */
  viewer?: Viewer | null;
  /** The portal's main navigation (PortalNav), under the header's top row. */
  nav?: ReactNode;
  children: ReactNode;
}

/** Skip link, header (portal, who is logged in, language, logout), the main landmark and a footer. */
export function PortalLayout({ portalTitle, pageTitle, viewer, nav, children }: PortalLayoutProps) {
  const t = useT();
  // A page inside can name itself (usePageTitle); otherwise the tab shows `pageTitle`.
  const [ownTitle, setOwnTitle] = useState<string | null>(null);
  const title = ownTitle ?? pageTitle;
  useEffect(() => {
    document.title = `${title} – ${portalTitle} – ${t("brand.name")}`;
  }, [title, portalTitle, t]);

  return (
    <div className="hs-app utrecht-document">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus hs-skip-link" href="#main">
        {t("skipLink")}
      </a>
      <header className="hs-header">
        <div className="hs-header__inner">
          <div className="hs-brand">
            <BrandMark />
            <p className="hs-brand__text">
              <span className="hs-brand__name">{t("brand.name")}</span>
              <span className="hs-brand__portal">{portalTitle}</span>
            </p>
          </div>
          <div className="hs-header__tools">
            {viewer && (
              <p className="hs-user">
                <span className="hs-visually-hidden">{t("home.signedInAs")} </span>
                <span className="hs-user__name">{viewer.name}</span>
                <span className="hs-visually-hidden">, </span>
                <span className="hs-user__role">{t(roleLabelKey(viewer.role))}</span>
              </p>
            )}
            <LanguageSwitch />
            {viewer && <LogoutButton />}
          </div>
        </div>
        {nav && <div className="hs-header__nav">{nav}</div>}
      </header>
      <main id="main" className="hs-main" tabIndex={-1}>
        <div className="hs-main__inner">
          <PageTitleContext.Provider value={setOwnTitle}>{children}</PageTitleContext.Provider>
        </div>
      </main>
      <footer className="hs-footer">
        <div className="hs-footer__inner">
          <span className="hs-footer__name">{t("brand.organisation")}</span>
          <span>{t("footer.tagline")}</span>
        </div>
      </footer>
    </div>
  );
}
