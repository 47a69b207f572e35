import { graphql } from "./gql/index.ts";

/** The one public query: matching municipalities with their offer, the consent texts, the national office. */
export const RegistrationOfferQuery = graphql(`
  query RegistrationOffer($search: String, $municipalityId: ID, $language: RegistrationLanguage!) {
    registrationOffer(search: $search, municipalityId: $municipalityId, language: $language) {
      municipalities {
        id
        name
        province
        offered
        maxAgeInclusive
        pregnancyWeeksFrom
      }
      postcodeSearchAvailable
      callBackWorkingDays
      consentTextVersion
      consents {
        type
        required
        referrerOnly
        title
        text
        explanation
      }
      nationalOffice {
        name
        postalAddress
        phone
        email
        website
      }
    }
  }
`);

/** The one public mutation. */
export const SubmitRegistrationMutation = graphql(`
  mutation SubmitRegistration($input: SubmitRegistrationInput!) {
    submitRegistration(input: $input) {
      __typename
      ... on SubmitRegistrationSuccess {
        registration {
          callBackWorkingDays
          confirmationEmail
        }
      }
      ... on Refusal {
        code
        field
        message {
          nl
          en
        }
      }
    }
  }
`);
