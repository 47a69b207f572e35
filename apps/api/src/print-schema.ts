// Prints the schema to apps/api/schema.graphql (committed; the front ends' codegen reads it).
// With --check: fails when the committed file differs from the code (CI's drift check).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./schema/index.ts";

export const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "schema.graphql");
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(schemaFile, "utf8");
  } catch {}
  if (committed !== printed) {
    console.error("apps/api/schema.graphql is out of date with the code. Run: npm run schema:print");
    process.exit(1);
  }
  console.log("schema.graphql is up to date.");
} else {
  writeFileSync(schemaFile, printed);
  console.log(`Wrote ${path.relative(process.cwd(), schemaFile)}`);
}
