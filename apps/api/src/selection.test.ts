import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { selectedFieldNames } from "./selection.ts";

/** The info a resolver of the operation's first root field gets, as far as selectedFieldNames reads it. */
function infoOf(source: string): Pick<GraphQLResolveInfo, "fieldNodes" | "fragments"> {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const root = operation?.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD) throw new Error("no root field");
  return { fieldNodes: [root], fragments };
}

describe("selectedFieldNames", () => {
  it("gives the fields selected on the result, by name, through fragments, and not their subfields", () => {
    const info = infoOf(`
      query { family(id: "x") { id dupes: possibleDuplicates { familyId } ... on Family { status } ...Page } }
      fragment Page on Family { parents { firstName } ...More }
      fragment More on Family { note ...Page }`);
    expect([...selectedFieldNames(info)].sort()).toEqual(["id", "note", "parents", "possibleDuplicates", "status"]);
  });

  it("does not count a field selected only below another", () => {
    const info = infoOf(`query { family(id: "x") { id location { name } } }`);
    expect(selectedFieldNames(info).has("name")).toBe(false);
  });
});
