import type { Client, CombinedError } from "@urql/core";
import { createContext, type ReactNode, type RefObject, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { Provider as UrqlProvider, useQuery } from "urql";
import { createApiClient, isForbidden } from "../api/client.ts";
import { type Refusal, SessionLoginMutation, SessionLogoutMutation, SessionViewerQuery, type Viewer } from "../api/operations.ts";

/** Why a request did not get an answer: the server is unreachable or down, or something else broke. */
export type FailureReason = "unavailable" | "unexpected";

export type AuthState =
  | { status: "loading" }
  | { status: "failed"; reason: FailureReason; retrying: boolean; retry(): void }
  | { status: "loggedOut" }
  | { status: "loggedIn"; viewer: Viewer };

export type LoginOutcome = { kind: "ok" } | { kind: "refused"; refusal: Refusal } | { kind: "failed"; reason: FailureReason };

export interface Auth {
  state: AuthState;
  /** Logs in; on success `state` becomes loggedIn (the viewer is fetched again from the API). */
  login(email: string, password: string): Promise<LoginOutcome>;
  /** Logs out and forgets everything cached for this user; false when the API could not be reached. */
  logout(): Promise<boolean>;
}

const AuthContext = createContext<Auth | null>(null);

export function failureReason(error: CombinedError | undefined): FailureReason {
  if (!error) return "unexpected";
  if (error.networkError) return "unavailable";
  if (error.graphQLErrors.some((e) => e.extensions?.code === "SERVICE_UNAVAILABLE")) return "unavailable";
  if (error.response?.status === 502 || error.response?.status === 503 || error.response?.status === 504) return "unavailable";
  return "unexpected";
}

/**
 * Gives the portal its API client (urql) and the session: who is logged in (the `me` query),
 * login and logout. A login or logout starts a fresh client, so nothing one user saw stays
 * cached for the next.
 */
export function AuthProvider({ children, url }: { children: ReactNode; url?: string }) {
  const onForbidden = useRef<() => void>(() => {});
  const makeClient = useCallback(() => createApiClient({ url, onForbidden: () => onForbidden.current() }), [url]);
  const [client, setClient] = useState(makeClient);
  return (
    <UrqlProvider value={client}>
      <Session client={client} makeClient={makeClient} setClient={setClient} onForbidden={onForbidden}>
        {children}
      </Session>
    </UrqlProvider>
  );
}

interface SessionProps {
  client: Client;
  makeClient(): Client;
  setClient(client: Client): void;
  onForbidden: RefObject<() => void>;
  children: ReactNode;
}

function Session({ client, makeClient, setClient, onForbidden, children }: SessionProps) {
  const [result, reexecute] = useQuery({ query: SessionViewerQuery });
  const refresh = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);

  // A "not authorised" answer anywhere may mean the session ended: ask again who is logged in.
  useEffect(() => {
    onForbidden.current = refresh;
  }, [onForbidden, refresh]);

  /** Starts a fresh client whose cache already knows who is logged in (fetched from the network). */
  const restart = useCallback(async (): Promise<CombinedError | undefined> => {
    const fresh = makeClient();
    const me = await fresh.query(SessionViewerQuery, {}, { requestPolicy: "network-only" }).toPromise();
    setClient(fresh);
    return me.error;
  }, [makeClient, setClient]);

  const login = useCallback(
    async (email: string, password: string): Promise<LoginOutcome> => {
      const response = await client.mutation(SessionLoginMutation, { email, password }).toPromise();
      const result = response.data?.login;
      if (!result) return { kind: "failed", reason: failureReason(response.error) };
      if (result.__typename === "Refusal") return { kind: "refused", refusal: result };
      const error = await restart();
      return error ? { kind: "failed", reason: failureReason(error) } : { kind: "ok" };
    },
    [client, restart],
  );

  const logout = useCallback(async (): Promise<boolean> => {
    const response = await client.mutation(SessionLogoutMutation, {}).toPromise();
    // FORBIDDEN: the session had already ended, which is what we wanted.
    if (response.error && !isForbidden(response.error)) return false;
    await restart();
    return true;
  }, [client, restart]);

  const state = useMemo<AuthState>(() => {
    if (result.data) return result.data.me ? { status: "loggedIn", viewer: result.data.me } : { status: "loggedOut" };
    if (result.error) return { status: "failed", reason: failureReason(result.error), retrying: result.fetching, retry: refresh };
    return { status: "loading" };
  }, [result.data, result.error, result.fetching, refresh]);

  const auth = useMemo<Auth>(() => ({ state, login, logout }), [state, login, logout]);
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth needs an <AuthProvider> higher up.");
  return auth;
}

/** The logged-in user, for screens that only render when someone is logged in (inside PortalShell). */
export function useViewer(): Viewer {
  const { state } = useAuth();
  if (state.status !== "loggedIn") throw new Error("useViewer is only for screens shown to a logged-in user.");
  return state.viewer;
}
