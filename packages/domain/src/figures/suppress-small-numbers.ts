/**
 * Small-number suppression for figures shown to municipal officers.
 *
 * Decision: counts 1–4 (below `minimum`, default 5) are hidden ("SMALL_NUMBER"); 0 is shown, since
 * "nobody" is not a small group of identifiable families, and a hidden 0 would itself be guessable.
 * Totals are figures too: a total below 5 is hidden as well.
 *
 * No hidden value may be worked out from what is shown (complementary suppression):
 * 1. In every row and column of the table with its totals, one hidden cell alone would follow from
 *    the total minus the shown cells; so when a group has exactly one hidden cell, the smallest
 *    non-zero shown cell of that group is hidden too ("COMPLEMENTARY").
 * 2. That is not always enough: two blocks of hidden cells linked by a single hidden cell let that
 *    cell be solved from the equations (a "bridge" in the graph rows–columns of hidden cells). Each
 *    such cell is put on a cycle by hiding the cheapest path of shown cells that closes one.
 * Afterwards every hidden cell lies on a cycle of hidden cells, and all hidden values are ≥ 1, so
 * adding and subtracting 1 around that cycle gives another table with the same shown values:
 * no hidden value is pinned down. Zeros are never used as complements.
 */

export type Suppression = "SMALL_NUMBER" | "COMPLEMENTARY";
export type Cell = { shown: true; value: number } | { shown: false; suppression: Suppression };

export interface SuppressionPolicy {
  /** Counts from 1 up to (not including) this are hidden. */
  minimum: number;
}

export const DEFAULT_SUPPRESSION_POLICY: SuppressionPolicy = { minimum: 5 };

export function isSmallNumber(value: number, policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY): boolean {
  return value >= 1 && value < policy.minimum;
}

/** A standalone count (no total it belongs to). */
export function suppressCount(value: number, policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY): Cell {
  assertCount(value);
  return isSmallNumber(value, policy) ? { shown: false, suppression: "SMALL_NUMBER" } : { shown: true, value };
}

export interface CountTable {
  rows: readonly string[];
  columns: readonly string[];
  /** values[row][column], non-negative integers; totals are computed. */
  values: readonly (readonly number[])[];
}

export interface SuppressedTable {
  rows: readonly string[];
  columns: readonly string[];
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  grandTotal: Cell;
}

type Pos = readonly [number, number];
type Grid = { values: number[][]; hidden: (Suppression | null)[][]; m: number; n: number };

/** Suppress a table of counts with its row, column and grand totals. */
export function suppressTable(table: CountTable, policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY): SuppressedTable {
  const grid = augment(table);
  for (const pos of positions(grid)) {
    if (isSmallNumber(valueAt(grid, pos), policy)) hide(grid, pos, "SMALL_NUMBER");
  }
  for (;;) {
    if (complementOnce(grid)) continue;
    const bridge = firstBridge(grid);
    if (bridge === null) break;
    closeCycle(grid, bridge);
  }
  return present(table, grid);
}

/** One group of figures that add up to a total, e.g. families by source. */
export function suppressRow<K extends string>(
  values: Readonly<Record<K, number>>,
  policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY,
): { cells: Record<K, Cell>; total: Cell } {
  const keys = Object.keys(values) as K[];
  const result = suppressTable({ rows: ["row"], columns: keys, values: [keys.map((k) => values[k])] }, policy);
  const cells = Object.fromEntries(keys.map((k, j) => [k, result.cells[0]![j]!])) as Record<K, Cell>;
  return { cells, total: result.rowTotals[0]! };
}

function assertCount(value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`A count must be a non-negative integer: ${value}`);
}

/** The table with totals in an extra row and column: every row and every column then adds up. */
function augment(table: CountTable): Grid {
  const m = table.rows.length;
  const n = table.columns.length;
  const values: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = table.values[i];
    if (!row || row.length !== n) throw new RangeError(`Row ${i} must have ${n} values`);
    row.forEach(assertCount);
    values.push([...row, row.reduce((s, v) => s + v, 0)]);
  }
  const totals = Array.from({ length: n + 1 }, (_, j) => values.reduce((s, row) => s + row[j]!, 0));
  values.push(totals);
  return { values, hidden: values.map((row) => row.map(() => null)), m, n };
}

function positions(grid: Grid): Pos[] {
  return grid.values.flatMap((row, i) => row.map((_, j) => [i, j] as const));
}

/** Rows and columns of the augmented grid: each is a set of cells with one linear constraint. */
function groups(grid: Grid): Pos[][] {
  const rows = grid.values.map((row, i) => row.map((_, j) => [i, j] as const));
  const columns = Array.from({ length: grid.n + 1 }, (_, j) => grid.values.map((_, i) => [i, j] as const));
  return [...rows, ...columns];
}

const isTotal = (grid: Grid, [i, j]: Pos) => i === grid.m || j === grid.n;
const valueAt = (grid: Grid, [i, j]: Pos): number => grid.values[i]?.[j] ?? 0;
const suppressionAt = (grid: Grid, [i, j]: Pos): Suppression | null => grid.hidden[i]?.[j] ?? null;
const isHidden = (grid: Grid, pos: Pos) => suppressionAt(grid, pos) !== null;
function hide(grid: Grid, [i, j]: Pos, why: Suppression): void {
  const row = grid.hidden[i];
  if (row && row[j] === null) row[j] = why;
}

/** Rule 1: a group with exactly one hidden cell gets its smallest non-zero shown cell hidden too. */
function complementOnce(grid: Grid): boolean {
  for (const group of groups(grid)) {
    if (group.filter((pos) => isHidden(grid, pos)).length !== 1) continue;
    const [pick] = group
      .filter((pos) => !isHidden(grid, pos) && valueAt(grid, pos) > 0)
      .sort((a, b) => valueAt(grid, a) - valueAt(grid, b) || Number(isTotal(grid, a)) - Number(isTotal(grid, b)));
    if (pick) {
      hide(grid, pick, "COMPLEMENTARY");
      return true;
    }
  }
  return false;
}

const rowNode = (i: number) => i;
const columnNode = (grid: Grid, j: number) => grid.m + 1 + j;

/** Rule 2: the first hidden cell that is a bridge in the bipartite graph rows–columns of hidden cells. */
function firstBridge(grid: Grid): Pos | null {
  const hiddenCells = positions(grid).filter((pos) => isHidden(grid, pos));
  const nodeCount = grid.m + grid.n + 2;
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: nodeCount }, () => []);
  hiddenCells.forEach(([i, j], edge) => {
    adjacency[rowNode(i)]!.push({ to: columnNode(grid, j), edge });
    adjacency[columnNode(grid, j)]!.push({ to: rowNode(i), edge });
  });
  const found = findBridges(adjacency);
  const index = hiddenCells.findIndex((_, edge) => found.has(edge));
  return index === -1 ? null : hiddenCells[index]!;
}

/** Tarjan's bridge-finding; returns the edge ids that are bridges. */
function findBridges(adjacency: readonly { to: number; edge: number }[][]): Set<number> {
  const discovered = adjacency.map(() => -1);
  const low = adjacency.map(() => -1);
  const bridges = new Set<number>();
  let time = 0;
  const visit = (u: number, viaEdge: number): void => {
    discovered[u] = low[u] = time++;
    for (const { to, edge } of adjacency[u]!) {
      if (edge === viaEdge) continue;
      if (discovered[to] === -1) {
        visit(to, edge);
        low[u] = Math.min(low[u]!, low[to]!);
        if (low[to]! > discovered[u]!) bridges.add(edge);
      } else {
        low[u] = Math.min(low[u]!, discovered[to]!);
      }
    }
  };
  adjacency.forEach((_, u) => {
    if (discovered[u] === -1) visit(u, -1);
  });
  return bridges;
}

/**
 * Hide the cheapest path of non-zero cells from the bridge's row to its column (not through the
 * bridge itself), so that the bridge lies on a cycle. Hidden cells cost nothing; shown cells cost
 * their value, and each extra cell a little more, so few and small cells are preferred.
 */
function closeCycle(grid: Grid, [bi, bj]: Pos): void {
  const nodeCount = grid.m + grid.n + 2;
  const weight = positions(grid).length + 1;
  const edges = positions(grid).filter((pos) => !(pos[0] === bi && pos[1] === bj) && valueAt(grid, pos) > 0);
  const cost = (pos: Pos) => (isHidden(grid, pos) ? 0 : valueAt(grid, pos) * weight + 1);
  const distance = Array.from({ length: nodeCount }, () => Number.POSITIVE_INFINITY);
  const via: (Pos | null)[] = Array.from({ length: nodeCount }, () => null);
  const done = new Set<number>();
  distance[rowNode(bi)] = 0;
  for (;;) {
    let u = -1;
    for (let k = 0; k < nodeCount; k++)
      if (!done.has(k) && distance[k]! < Number.POSITIVE_INFINITY && (u === -1 || distance[k]! < distance[u]!)) u = k;
    if (u === -1 || u === columnNode(grid, bj)) break;
    done.add(u);
    for (const e of edges) {
      const [from, to] = [rowNode(e[0]), columnNode(grid, e[1])];
      const other = u === from ? to : u === to ? from : -1;
      if (other === -1 || done.has(other)) continue;
      const d = distance[u]! + cost(e);
      if (d < distance[other]!) {
        distance[other] = d;
        via[other] = e;
      }
    }
  }
  // Walk back from the column to the row, hiding the cells on the way.
  for (let node = columnNode(grid, bj); node !== rowNode(bi); ) {
    const e = via[node];
    if (!e) throw new Error("No cycle can be closed; a hidden cell has value 0");
    hide(grid, e, "COMPLEMENTARY");
    node = node === rowNode(e[0]) ? columnNode(grid, e[1]) : rowNode(e[0]);
  }
}

function present(table: CountTable, grid: Grid): SuppressedTable {
  const cell = (i: number, j: number): Cell => {
    const hidden = suppressionAt(grid, [i, j]);
    return hidden === null ? { shown: true, value: valueAt(grid, [i, j]) } : { shown: false, suppression: hidden };
  };
  const { m, n } = grid;
  return {
    rows: table.rows,
    columns: table.columns,
    cells: Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => cell(i, j))),
    rowTotals: Array.from({ length: m }, (_, i) => cell(i, n)),
    columnTotals: Array.from({ length: n }, (_, j) => cell(m, j)),
    grandTotal: cell(m, n),
  };
}
