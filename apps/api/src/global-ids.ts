import { decodeGlobalID } from "@pothos/plugin-relay";

/**
 * The database id inside a global id of the given type, or null when the id is malformed or
 * of another type: such ids answer "not found", like ids outside the viewer's scope.
 */
export function idOfType(globalId: string, typename: string): string | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename && decoded.id.length > 0 ? decoded.id : null;
  } catch {
    return null;
  }
}
