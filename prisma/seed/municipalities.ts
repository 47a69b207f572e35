// Reference data: all Dutch municipalities (CBS list of 1 January 2025) from data/gemeenten-2025.csv.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface MunicipalityRow {
  code: string;
  name: string;
  province: string;
}

export const MUNICIPALITIES_CSV = fileURLToPath(new URL("../../data/gemeenten-2025.csv", import.meta.url));

/** Parses RFC 4180 CSV: quoted fields, doubled quotes inside them, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  while (i < body.length) {
    const c = body[i];
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted) throw new Error("CSV ends inside a quoted field");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

/** The municipalities, validated: header `code,name,province`, codes GM + 4 digits, no duplicates. */
export function loadMunicipalities(file: string = MUNICIPALITIES_CSV): MunicipalityRow[] {
  const [header, ...rows] = parseCsv(readFileSync(file, "utf8"));
  if (header?.join(",") !== "code,name,province") throw new Error(`${file}: expected the header code,name,province`);
  const seen = new Set<string>();
  return rows.map((cells, index) => {
    const [code, name, province] = cells;
    if (cells.length !== 3 || !code || !name || !province || !/^GM\d{4}$/.test(code)) {
      throw new Error(`${file}: line ${index + 2} is not code,name,province`);
    }
    if (seen.has(code)) throw new Error(`${file}: duplicate code ${code}`);
    seen.add(code);
    return { code, name, province };
  });
}
