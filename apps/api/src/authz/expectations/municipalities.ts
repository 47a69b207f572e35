import { type Expectations, loggedIn } from "../matrix.ts";

export const expectations: Expectations = {
  "Query.municipalities": { document: `{ municipalities(first: 3, search: "Amers") { edges { node { code } } } }`, expect: loggedIn() },
};
