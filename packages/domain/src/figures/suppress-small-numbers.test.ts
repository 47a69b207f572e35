import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cell, type CountTable, type SuppressedTable, suppressCount, suppressRow, suppressTable } from "./suppress-small-numbers.ts";

const show = (c: Cell) => (c.shown ? c.value : "x");
const render = (t: SuppressedTable) => [
  ...t.cells.map((row, i) => [...row.map(show), show(t.rowTotals[i]!)]),
  [...t.columnTotals.map(show), show(t.grandTotal)],
];

describe("suppression — examples", () => {
  it("1–4 hidden, 0 and 5+ shown", () => {
    expect(suppressCount(0)).toEqual({ shown: true, value: 0 });
    expect(suppressCount(1)).toEqual({ shown: false, suppression: "SMALL_NUMBER" });
    expect(suppressCount(4).shown).toBe(false);
    expect(suppressCount(5)).toEqual({ shown: true, value: 5 });
    expect(() => suppressCount(-1)).toThrow(RangeError);
  });

  it("a single small cell gets a complement in its row and its column", () => {
    const t = suppressTable({
      rows: ["GM1", "GM2"],
      columns: ["via verwijzer", "zelf"],
      values: [
        [20, 3],
        [30, 40],
      ],
    });
    // 3 hidden; row: next smallest 20; column 'zelf': 40; then row 2 has one hidden: 30.
    expect(render(t)).toEqual([
      ["x", "x", 23],
      ["x", "x", 70],
      [50, 43, 93],
    ]);
    expect(t.cells[0]![1]).toEqual({ shown: false, suppression: "SMALL_NUMBER" });
    expect(t.cells[0]![0]).toEqual({ shown: false, suppression: "COMPLEMENTARY" });
  });

  it("a small total is hidden, and so is what would give it away", () => {
    const t = suppressTable({
      rows: ["GM1", "GM2"],
      columns: ["a", "b"],
      values: [
        [2, 1],
        [10, 12],
      ],
    });
    expect(render(t)).toEqual([
      ["x", "x", "x"],
      // 22 too: the row totals 3 + 22 = 25 would give the 3 away.
      ["x", "x", "x"],
      [12, 13, 25],
    ]);
  });

  it("zeros are shown and never used as complements", () => {
    const t = suppressTable({ rows: ["r"], columns: ["a", "b", "c"], values: [[3, 0, 40]] });
    expect(render(t)).toEqual([
      ["x", 0, "x", 43],
      ["x", 0, "x", 43],
    ]);
  });

  it("suppressRow: a split that adds up to a total", () => {
    const r = suppressRow({ REFERRER: 37, SELF: 3 });
    expect(r.cells.SELF.shown).toBe(false);
    expect(r.cells.REFERRER.shown).toBe(false);
    expect(r.total).toEqual({ shown: true, value: 40 });
    expect(suppressRow({ REFERRER: 37, SELF: 13 }).cells.SELF).toEqual({ shown: true, value: 13 });
  });

  it("a threshold of 10 is possible", () => {
    expect(suppressCount(7, { minimum: 10 }).shown).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: no hidden value can be worked out from what is shown.
// ---------------------------------------------------------------------------------------------

/** Rank of a matrix by Gaussian elimination (small integer matrices, so floating point is exact enough). */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let k = c; k < columns; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r++;
  }
  return r;
}

/**
 * The shown values, the table's row/column/total equations and nothing else are what an outsider has.
 * A hidden value is pinned down exactly when its unit vector lies in the row space of the equations
 * restricted to the hidden unknowns.
 */
function pinnedCells(table: CountTable, result: SuppressedTable): [number, number][] {
  const m = table.rows.length;
  const n = table.columns.length;
  const grid: Cell[][] = [...result.cells.map((row, i) => [...row, result.rowTotals[i]!]), [...result.columnTotals, result.grandTotal]];
  const hidden: [number, number][] = [];
  grid.forEach((row, i) => {
    row.forEach((c, j) => {
      if (!c.shown) hidden.push([i, j]);
    });
  });
  // Sign: interior cells and the grand total +1, row and column totals −1; every row and column then sums to 0.
  const sign = (i: number, j: number) => (i < m === j < n ? 1 : -1);
  const equations: number[][] = [];
  for (let i = 0; i <= m; i++) equations.push(hidden.map(([hi, hj]) => (hi === i ? sign(hi, hj) : 0)));
  for (let j = 0; j <= n; j++) equations.push(hidden.map(([hi, hj]) => (hj === j ? sign(hi, hj) : 0)));
  const base = rank(equations);
  return hidden.filter((_, k) => rank([...equations, hidden.map((__, q) => (q === k ? 1 : 0))]) === base);
}

const count = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 5, max: 60 }), weight: 4 },
);
const table: fc.Arbitrary<CountTable> = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).chain(([m, n]) =>
  fc.array(fc.array(count, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }).map((values) => ({
    rows: Array.from({ length: m }, (_, i) => `r${i}`),
    columns: Array.from({ length: n }, (_, j) => `c${j}`),
    values,
  })),
);

function truth(t: CountTable): number[][] {
  const rows = t.values.map((r) => [...r, r.reduce((s, v) => s + v, 0)]);
  return [...rows, rows[0]!.map((_, j) => rows.reduce((s, r) => s + r[j]!, 0))];
}

describe("suppression — properties", () => {
  it("shows true values only, hides every 1–4 (cells and totals), shows every 0", () => {
    fc.assert(
      fc.property(table, (t) => {
        const actual = truth(t);
        render(suppressTable(t)).forEach((row, i) => {
          row.forEach((shown, j) => {
            const v = actual[i]![j]!;
            if (shown === "x") expect(v).toBeGreaterThanOrEqual(1);
            else expect(shown).toBe(v);
            if (v >= 1 && v <= 4) expect(shown).toBe("x");
            if (v === 0) expect(shown).toBe(0);
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it("no row or column (with its total) has exactly one hidden cell", () => {
    fc.assert(
      fc.property(table, (t) => {
        const grid = render(suppressTable(t));
        const groups = [...grid, ...grid[0]!.map((_, j) => grid.map((row) => row[j]))];
        for (const group of groups) expect(group.filter((c) => c === "x").length).not.toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it("no hidden value can be worked out from the shown values and the totals", () => {
    fc.assert(
      fc.property(table, (t) => {
        expect(pinnedCells(t, suppressTable(t))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("the rank check does find a hidden cell that can be worked out (the check is not vacuous)", () => {
    // Hand-made leaky suppression: only the 3 hidden, row total shown.
    const t: CountTable = { rows: ["r"], columns: ["a", "b"], values: [[3, 40]] };
    const leaky: SuppressedTable = {
      rows: t.rows,
      columns: t.columns,
      cells: [
        [
          { shown: false, suppression: "SMALL_NUMBER" },
          { shown: true, value: 40 },
        ],
      ],
      rowTotals: [{ shown: true, value: 43 }],
      columnTotals: [
        { shown: false, suppression: "SMALL_NUMBER" },
        { shown: true, value: 40 },
      ],
      grandTotal: { shown: true, value: 43 },
    };
    expect(pinnedCells(t, leaky)).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it("a bridge between two blocks of hidden cells is closed (rule 2)", () => {
    // Found by the property above when rule 2 was switched off: every row and column had two hidden
    // cells, yet one hidden cell linked two blocks and could be solved from the equations.
    const t: CountTable = {
      rows: ["a", "b", "c"],
      columns: ["p", "q", "r", "s"],
      values: [
        [50, 1, 0, 0],
        [0, 5, 0, 46],
        [5, 0, 0, 0],
      ],
    };
    expect(pinnedCells(t, suppressTable(t))).toEqual([]);
  });

  it("deterministic", () => {
    fc.assert(
      fc.property(table, (t) => {
        expect(suppressTable(t)).toEqual(suppressTable(t));
      }),
    );
  });
});
