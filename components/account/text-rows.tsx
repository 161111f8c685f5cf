"use client";

/** A cell: its text, or its text with a `title` (an amount rounded to cents carries the exact value). */
export type TextCell = string | { text: string; title?: string; testId?: string };

/**
 * A table body from rows of cell texts. A client component only so that the server-component payload
 * carries the texts (about 60 bytes a row) rather than an element tree of every row and cell (about
 * 250): the HTML is rendered on the server all the same. Cells are styled by the table (its `[&_td]`
 * classes), so each row is as small in the HTML too. `hasRowHeader` makes each row's first cell its
 * header (`<th scope="row">`).
 */
export function TextRows({ rows, hasRowHeader = false }: { rows: TextCell[][]; hasRowHeader?: boolean }) {
  return (
    <tbody>
      {rows.map((cells, row) => (
        <tr key={row}>
          {cells.map((cell, column) => {
            const { text, title, testId } = typeof cell === "string" ? { text: cell, title: undefined, testId: undefined } : cell;
            return hasRowHeader && column === 0 ? (
              <th key={column} scope="row" title={title} data-testid={testId}>
                {text}
              </th>
            ) : (
              <td key={column} title={title} data-testid={testId}>
                {text}
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
}
