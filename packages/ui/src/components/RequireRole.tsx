import type { ReactNode } from "react";
import type { Role } from "../api/operations.ts";
import { useViewer } from "../auth/AuthProvider.tsx";
import { roleLabelKey, useInsteadKey } from "../auth/roles.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { Alert } from "./Alert.tsx";
import { Heading } from "./Heading.tsx";
import { LogoutButton } from "./LogoutButton.tsx";

/** Says that the logged-in user's role does not belong in this portal, where they should go, and offers a logout. */
export function WrongPortalNotice({ message }: { message: string }) {
  const t = useT();
  const viewer = useViewer();
  return (
    <section className="hs-panel hs-narrow" aria-labelledby="wrong-portal-title">
      <Heading level={1} id="wrong-portal-title">
        {t("wrongPortal.title")}
      </Heading>
      <Alert type="warning" title={message}>
        <p>{t("wrongPortal.signedInAs", { name: viewer.name, role: t(roleLabelKey(viewer.role)) })}</p>
        <p>{t(useInsteadKey(viewer.role))}</p>
      </Alert>
      <p className="hs-panel__text">{t("wrongPortal.logoutHint")}</p>
      <LogoutButton appearance="primary" />
    </section>
  );
}

export interface RequireRoleProps {
  /** The roles this part of the portal is for. */
  roles: readonly Role[];
  /** Who it is for, in the current language: "Dit portaal is voor …". */
  message: string;
  children: ReactNode;
}

/** Shows its children only to a logged-in user with one of the roles; others get the wrong-portal notice. */
export function RequireRole({ roles, message, children }: RequireRoleProps) {
  const viewer = useViewer();
  return roles.includes(viewer.role) ? children : <WrongPortalNotice message={message} />;
}
