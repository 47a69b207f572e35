import { DEMO_EMAIL } from "../../../../../prisma/seed/build.ts";
import { DEMO_PASSWORD } from "../../../../../prisma/seed.ts";
import { ACTORS, type Expectations, loggedIn, only } from "../matrix.ts";

export const expectations: Expectations = {
  "Query.me": { document: "{ me { id role } }", expect: { ...only([...ACTORS]), anonymous: "notFound" } },
  "Mutation.login": {
    document: `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }`,
    variables: () => ({ email: DEMO_EMAIL.national, password: DEMO_PASSWORD }),
    expect: only([...ACTORS]),
  },
  "Mutation.logout": { document: "mutation { logout }", expect: loggedIn() },
};
