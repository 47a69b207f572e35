import type { ReactNode } from "react";
import type { UseQueryState } from "urql";
import { failureReason } from "../auth/AuthProvider.tsx";
import { useT } from "../i18n/I18nProvider.tsx";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";
import { Loading } from "./Loading.tsx";

export interface QueryViewProps<Data> {
  result: UseQueryState<Data>;
  /** Runs the query again, e.g. `() => reexecute({ requestPolicy: "network-only" })`. */
  retry: () => void;
  children: (data: Data) => ReactNode;
}

/** Loading, error-with-retry, or the data: the three states of a query, the same in every screen. */
export function QueryView<Data>({ result, retry, children }: QueryViewProps<Data>) {
  const t = useT();
  if (result.data !== undefined) return children(result.data);
  if (result.error) {
    return (
      <Alert type="error" role="alert" title={t("error.title")}>
        <p>{t(failureReason(result.error) === "unavailable" ? "error.network" : "error.unexpected")}</p>
        <Button onClick={retry}>{t("error.retry")}</Button>
      </Alert>
    );
  }
  return <Loading />;
}
