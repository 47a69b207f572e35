import type { ReactNode } from "react";
import { useViewer } from "../auth/AuthProvider.tsx";
import { roleLabelKey } from "../auth/roles.ts";
import { useFormat } from "../i18n/format.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { Heading } from "./Heading.tsx";
import { Icon } from "./Icon.tsx";

export interface HomeIntroProps {
  /** The page's h1; "Welkom" by default. */
  title?: string;
  /** One line for who is logged in instead of the account card (for a working page such as a dashboard). */
  compact?: boolean;
  children?: ReactNode;
}

/** The top of a portal's home page: today's date, a welcome, and who is logged in with which role. */
export function HomeIntro({ title, compact = false, children }: HomeIntroProps) {
  const t = useT();
  const format = useFormat();
  const viewer = useViewer();
  return (
    <div className={compact ? "hs-intro hs-intro--compact" : "hs-intro"}>
      <p className="hs-intro__date">{format.date(new Date(), "full")}</p>
      <Heading level={1}>{title ?? t("home.welcome")}</Heading>
      {compact ? (
        <p className="hs-intro__account">
          {t("home.signedInAs")} <strong className="hs-account__name">{viewer.name}</strong>
          <span className="hs-badge hs-badge--role">{t(roleLabelKey(viewer.role))}</span>
        </p>
      ) : (
        <div className="hs-account">
          <span className="hs-account__avatar">
            <Icon name="user" />
          </span>
          <div className="hs-account__body">
            <p className="hs-account__signed-in">
              {t("home.signedInAs")} <strong className="hs-account__name">{viewer.name}</strong>
            </p>
            <dl className="hs-account__facts">
              <div>
                <dt>{t("home.role")}</dt>
                <dd>
                  <span className="hs-badge hs-badge--role">{t(roleLabelKey(viewer.role))}</span>
                </dd>
              </div>
              <div>
                <dt>{t("home.email")}</dt>
                <dd>{viewer.email}</dd>
              </div>
            </dl>
          </div>
        </div>
      )}
      {children}
    </div>
  );
}
