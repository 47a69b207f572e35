/** A table's column headers (`th scope="col"`) in the Utrecht table pattern. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">
        {columns.map((column) => (
          <th key={column} scope="col" className="utrecht-table__header-cell">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
