/** Route parameters arrive as written in the address (global ids are encoded there: base64 has "=" and "/"). */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A path segment for a global id. */
export const idPath = (id: string) => encodeURIComponent(id);
