// What a query asks of a field's result, read from the resolver's info.
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * The names (not aliases) of the fields the query selects on this field's result, through inline
 * fragments and fragment spreads. @skip and @include are not evaluated: a field they leave out
 * still counts, so a caller may prepare something unused, never miss something asked for.
 */
export function selectedFieldNames(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return names;
}
