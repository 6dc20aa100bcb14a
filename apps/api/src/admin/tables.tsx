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
