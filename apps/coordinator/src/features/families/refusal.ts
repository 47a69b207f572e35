import { graphql } from "../../gql/index.ts";

/** What every refusable mutation of the family page asks back when the API says no. */
export const FamilyRefusalParts = graphql(`
  fragment FamilyRefusalParts on Refusal {
    code
    field
    message {
      nl
      en
    }
    reasons {
      code
      message {
        nl
        en
      }
    }
  }
`);
