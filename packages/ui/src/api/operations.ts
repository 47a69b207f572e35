// The operations every portal shares: who is logged in, log in, log out. Each portal's codegen
// also reads this file, so these documents are checked against apps/api/schema.graphql on every
// build; the result types below mirror the selections by hand (keep them in step).
import { gql } from "@urql/core";

export type Role = "ADMIN" | "COORDINATOR" | "MUNICIPAL_OFFICER" | "NATIONAL_STAFF";
export const ROLES: readonly Role[] = ["COORDINATOR", "NATIONAL_STAFF", "MUNICIPAL_OFFICER", "ADMIN"];

export interface LocalizedText {
  nl: string;
  en: string;
}

/** The logged-in user, as the portal shell knows them. Screens ask for their own details. */
export interface Viewer {
  __typename?: "Viewer";
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: string;
}

export interface Refusal {
  __typename: "Refusal";
  code: string;
  field?: string | null;
  message: LocalizedText;
  reasons: Array<{ code: string; message: LocalizedText }>;
}

export const SessionViewerQuery = gql<{ me: Viewer | null }, Record<string, never>>`
  query SessionViewer {
    me {
      id
      name
      email
      role
      locale
    }
  }
`;

export const SessionLoginMutation = gql<
  { login: { __typename: "LoginSuccess"; viewer: { id: string } } | Refusal },
  { email: string; password: string }
>`
  mutation SessionLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on LoginSuccess {
        viewer {
          id
        }
      }
      ... on Refusal {
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
    }
  }
`;

export const SessionLogoutMutation = gql<{ logout: boolean }, Record<string, never>>`
  mutation SessionLogout {
    logout
  }
`;
