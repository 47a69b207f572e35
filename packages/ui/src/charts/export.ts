/**
 * Lets the browser save a text the API produced (e.g. a CSV) as a file. With `bom`, a UTF-8
 * byte-order mark goes first, so that Excel reads "ö" and "€" as UTF-8 instead of guessing.
 */
export function saveTextFile(filename: string, mediaType: string, content: string, { bom = false } = {}): void {
  const blob = new Blob([bom ? "\uFEFF" : "", content], { type: mediaType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
