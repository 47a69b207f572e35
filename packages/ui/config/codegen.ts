// GraphQL Code Generator setup the three portals share; run in each portal's folder.
// Types for the portal's own `graphql()` documents go to its src/gql/ (generated, git-ignored).
// The shared documents of packages/ui are read too, so they are checked against the schema.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "../../packages/ui/src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      config: { useTypeImports: true, scalars: { Date: "string", DateTime: "string" } },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
