import type { ComponentChildren } from 'preact';

/**
 * A table that stacks into cards on a narrow screen: the roles keep it a table for screen
 * readers once the stylesheet changes its display, and each cell names its column in
 * `data-label`. A `null` header leaves its column out (one the reader may not act on).
 */
export function StackTable(props: { caption?: string; headers: (string | null)[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap">
      <table class="stack" role="table">
        {props.caption === undefined ? null : <caption class="visually-hidden">{props.caption}</caption>}
        <thead role="rowgroup">
          <tr role="row">
            {props.headers.map((header) =>
              header === null ? null : (
                <th scope="col" role="columnheader">
                  {header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">{props.children}</tbody>
      </table>
    </div>
  );
}

/** A column of a `DataTable`: its header and each row's cell; `labelled: false` for a cell that names no column (actions). */
export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  labelled?: boolean;
}

/**
 * A `StackTable` built from its columns, one row an item: each cell names its column. A `null` column is left out.
 * `empty`: the muted line shown instead of a table without rows.
 */
export function DataTable<T>(props: { caption?: string; columns: (Column<T> | null)[]; rows: T[]; empty?: ComponentChildren }) {
  if (props.rows.length === 0 && props.empty !== undefined) return <p class="muted">{props.empty}</p>;
  const columns = props.columns.filter((c): c is Column<T> => c !== null);
  return (
    <StackTable caption={props.caption} headers={columns.map((c) => c.header)}>
      {props.rows.map((row) => (
        <tr role="row">
          {columns.map((c) => (
            <td role="cell" data-label={c.labelled === false ? undefined : c.header}>
              {c.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </StackTable>
  );
}
