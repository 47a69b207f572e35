import { ACTORS, type Expectations, only } from "../matrix.ts";
import { municipalityOfA } from "./families.ts";

// The only operations open without login: everyone, anonymous included, gets the same answer.
export const expectations: Expectations = {
  "Query.registrationOffer": {
    document: `query ($search: String, $language: RegistrationLanguage!) {
      registrationOffer(search: $search, language: $language) { municipalities { id offered } consents { type } }
    }`,
    variables: () => ({ search: "Amersfoort", language: "NL" }),
    expect: only([...ACTORS]),
  },
  "Mutation.submitRegistration": {
    document: `mutation ($input: SubmitRegistrationInput!) {
      submitRegistration(input: $input) { __typename ... on Refusal { code field } }
    }`,
    variables: async (f) => ({
      input: {
        municipalityId: await municipalityOfA(f),
        language: "NL",
        registeredBy: "SELF",
        parent: { firstName: "Matrix", lastName: "Openbaar", phone: "0612345670" },
        children: [{ bornOn: "2025-01-01" }],
        consents: ["PROCESSING", "CONTACT_BY_COORDINATOR"],
        consentTextVersion: "registration-2026-11",
      },
    }),
    expect: only([...ACTORS]),
  },
};
