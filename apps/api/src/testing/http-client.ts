// A tiny GraphQL-over-HTTP client for tests that keeps the session cookie like a browser.
export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  setCookie: string[];
}

export class TestClient {
  private cookie: string | undefined;
  constructor(private readonly url: string) {}

  async request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(";");
      if (!pair) continue;
      const value = pair.slice(pair.indexOf("=") + 1);
      this.cookie = value ? pair : undefined;
    }
    const json = (await res.json()) as { data?: T; errors?: GraphQLResponse<T>["errors"] };
    return { status: res.status, ...json, setCookie };
  }

  get sessionCookie(): string | undefined {
    return this.cookie;
  }
}

export const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on LoginSuccess { viewer { id name role } }
      ... on Refusal { code field message { nl en } }
    }
  }
`;
