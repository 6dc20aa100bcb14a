/** The UTF-8 byte order mark: spreadsheets (Excel) read a CSV file as UTF-8 only with it. */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV cell (RFC 4180): a cell a spreadsheet would read as a formula (`= + - @`, a tab or a
 * carriage return first) starts with `'`, so it shows as typed and runs nothing; a cell with a
 * comma, a quote or a line break is quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, CRLF-ended. */
export function csvLine(cells: (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
