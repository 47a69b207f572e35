import { useState } from "react";
import { useAuth } from "../auth/AuthProvider.tsx";
import { useT } from "../i18n/I18nProvider.tsx";
import { Alert } from "./Alert.tsx";
import { Button, type ButtonAppearance } from "./Button.tsx";
import { Icon } from "./Icon.tsx";

/** Logs out; says so when that did not work (the session is then still there). */
export function LogoutButton({ appearance = "secondary" }: { appearance?: ButtonAppearance }) {
  const t = useT();
  const { logout } = useAuth();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const onClick = async () => {
    setBusy(true);
    setFailed(false);
    const ok = await logout();
    setBusy(false);
    setFailed(!ok);
  };
  return (
    <div className="hs-logout">
      <Button appearance={appearance} busy={busy} onClick={onClick}>
        {!busy && <Icon name="logout" />}
        {busy ? t("logout.busy") : t("logout")}
      </Button>
      {failed && (
        <Alert type="error" role="alert" className="hs-logout__error">
          <p>{t("logout.failed")}</p>
        </Alert>
      )}
    </div>
  );
}
