import { graphql } from "../../gql/index.ts";

export const MyMunicipalitiesQuery = graphql(`
  query MyMunicipalities {
    me {
      id
      municipalities {
        id
        code
        name
        province
        servingLocations {
          name
          city
          servedFrom
          licence {
            number
            status
            validFrom
            validUntil
          }
          lastVisitatieOn
          plannedVisitatieOn
          nextVisitatieDueOn
          visitatieStatus
        }
      }
    }
  }
`);

export const MunicipalityFiguresQueryDocument = graphql(`
  query MunicipalityFigures($year: Int!, $municipalityId: ID!) {
    municipalityFigures(year: $year, municipalityId: $municipalityId) {
      __typename
      ... on MunicipalityFiguresSuccess {
        figures {
          year
          municipality {
            id
            code
            name
            province
          }
          families {
            ...Cell
          }
          children {
            ...Cell
          }
          volunteers {
            ...Cell
          }
          viaReferrer {
            ...Cell
          }
          selfRegistered {
            ...Cell
          }
          singleParent {
            ...Cell
          }
          shareViaReferrer
          shareSingleParent
          riskFactors {
            riskFactor
            families {
              ...Cell
            }
          }
          averageHoursPerFamily
          averageDaysRegistrationToStart
          comparison {
            measure
            riskFactor
            municipality
            national
          }
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

  fragment Cell on FigureCell {
    shown
    value
    suppression
  }
`);

export const MunicipalityFiguresTrendQueryDocument = graphql(`
  query MunicipalityFiguresTrend($fromYear: Int!, $toYear: Int!, $municipalityId: ID!) {
    municipalityFiguresTrend(fromYear: $fromYear, toYear: $toYear, municipalityId: $municipalityId) {
      __typename
      ... on MunicipalityFiguresTrendSuccess {
        years {
          year
          families {
            ...Cell
          }
          children {
            ...Cell
          }
          volunteers {
            ...Cell
          }
        }
      }
      ... on Refusal {
        message {
          nl
          en
        }
      }
    }
  }
`);

export const MunicipalityFiguresCsvQuery = graphql(`
  query MunicipalityFiguresCsv($year: Int!, $municipalityId: ID!, $language: ExportLanguage!) {
    municipalityFiguresCsv(year: $year, municipalityId: $municipalityId, language: $language) {
      __typename
      ... on MunicipalityFiguresCsvSuccess {
        file {
          filename
          mediaType
          content
        }
      }
      ... on Refusal {
        message {
          nl
          en
        }
      }
    }
  }
`);
