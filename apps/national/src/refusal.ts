import { graphql } from "./gql/index.ts";

// The API's Refusal (code, field, message, reasons), spread into every mutation of this portal.
export const NationalRefusalFragment = graphql(`
  fragment NationalRefusal on Refusal {
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
