// Schema ../api/schema.graphql, documents src/**/*.{ts,tsx} → src/gql/ (client preset); see packages/ui/config/codegen.ts.
export { default } from "../../packages/ui/config/codegen.ts";
