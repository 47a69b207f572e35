import { type Client, type CombinedError, cacheExchange, createClient, fetchExchange, mapExchange } from "@urql/core";

export interface ApiClientOptions {
  /** Defaults to `/graphql`: the portal's own server proxies it to the API, so the session cookie is same-origin. */
  url?: string;
  /** Called when the API answers "not authorised": the session may have ended, so who is logged in should be asked again. */
  onForbidden?: () => void;
}

export function isForbidden(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions?.code === "FORBIDDEN") || error.response?.status === 401;
}

/**
 * The urql client every portal uses. Always POST: the API has CSRF prevention on and refuses
 * a GET without a preflight header. The HTTP-only session cookie goes along (same origin).
 */
export function createApiClient(options: ApiClientOptions = {}): Client {
  return createClient({
    url: options.url ?? "/graphql",
    preferGetMethod: false,
    fetchOptions: { credentials: "same-origin" },
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isForbidden(error)) options.onForbidden?.();
        },
      }),
      fetchExchange,
    ],
  });
}
