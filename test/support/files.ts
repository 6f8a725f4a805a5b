import ExcelJS from 'exceljs';

// Real file bytes for upload tests: a 1×1 PNG, and .xlsx sheets built with exceljs.
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export async function xlsxOf(header: string[], rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('居民');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * An .xlsx whose first sheet breaks off (malformed XML) at `fromRow`: a reader that reads every
 * row fails on it; one that stops earlier never sees it.
 */
export async function breakSheetFrom(bytes: Buffer, fromRow: number): Promise<Buffer> {
  const { default: JSZip } = await import('jszip'); // exceljs' own zip library
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const cut = xml.indexOf(`<row r="${fromRow}"`);
  if (cut < 0) throw new Error(`no row ${fromRow}`);
  zip.file(
    'xl/worksheets/sheet1.xml',
    `${xml.slice(0, cut)}<row r="${fromRow}"><c r="A${fromRow}" t="s"><v>0</broken>`,
  );
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export async function readXlsx(bytes: ArrayBuffer | Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

export function multipart(fields: Record<string, string | { bytes: Buffer; name: string; type: string }>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(key, value);
    else form.append(key, new File([new Uint8Array(value.bytes)], value.name, { type: value.type }));
  }
  return form;
}

/** The text of every page of a PDF, read back with PDF.js (checks the Chinese font round-trips). */
export async function pdfText(bytes: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}
