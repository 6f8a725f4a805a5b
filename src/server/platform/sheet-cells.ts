// Text in spreadsheet cells (CSV/Excel injection). Excel, WPS and LibreOffice take a cell that
// starts with = + - @ (or a tab or CR) for a formula once it is edited or the sheet passes
// through CSV, so =HYPERLINK(…) typed into a name could leak or run something on an officer's
// computer. Such text leaves with a leading apostrophe, the spreadsheet's own mark for "this is
// text", and our imports take the apostrophe off again, so an exported sheet imports as it was.

const formulaStart = /^[=+\-@\t\r]/;

export const escapeFormula = (text: string): string => (formulaStart.test(text) ? `'${text}` : text);

/** A row for sheet.addRow(): every text value escaped; numbers, dates and empty cells as they are. */
export const escapeFormulas = <T extends Record<string, unknown>>(row: T): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? escapeFormula(v) : v])) as T;

/** A cell's text as it was typed: without the apostrophe an export put before a formula sign. */
export const unescapeFormula = (text: string): string =>
  text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
