// Reads the first worksheet (or, with allSheets, every worksheet) of an .xlsx upload in a worker thread (see sheet-reader.ts), so a big
// or hostile file never blocks the server's event loop. Plain JavaScript: a worker thread does not
// get the TypeScript loader of the main thread.
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

const { bytes, maxRows, maxColumns, allSheets = false } = workerData;

/**
 * The zip's local entries (header + data), found through its central directory, in the order
 * exceljs' streaming reader needs: relations, workbook, styles and shared strings before the one
 * sheet we read. Excel and exceljs write the sheet first, which makes the reader spool the whole
 * sheet to a temporary file before reading row 1; in this order it reads the sheet as it inflates
 * and can stop at the row limit. Other entries (further sheets, images …) are left out.
 */
function reorderedZip(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buffer.length) throw new Error('no zip directory');
  const count = buffer.readUInt16LE(eocd + 10);
  const dirOffset = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad zip directory');
    const nameLength = buffer.readUInt16LE(at + 28);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, offset: buffer.readUInt32LE(at + 42) });
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  const starts = [...entries.map((e) => e.offset), dirOffset].sort((a, b) => a - b);
  const slice = (entry) => {
    const end = starts.find((s) => s > entry.offset);
    if (end === undefined || end > buffer.length) throw new Error('bad zip entry');
    return buffer.subarray(entry.offset, end);
  };
  const byName = new Map(entries.map((e) => [e.name, e]));
  const sheets = entries
    .map((e) => ({ e, n: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(e.name)?.[1] }))
    .filter((s) => s.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  if (sheets.length === 0) throw new Error('no worksheet');
  const parts = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']
    .map((name) => byName.get(name))
    .filter(Boolean);
  return Buffer.concat([...parts, ...(allSheets ? sheets.map((s) => s.e) : [sheets[0].e])].map(slice));
}

/**
 * OOXML writes characters XML cannot hold (controls) as _xHHHH_ (and a literal "_x" as _x005F_x);
 * the streaming reader leaves them encoded, Excel and exceljs' full reader decode them. Decode, so a
 * NUL in a cell is seen as one and refused by the row checks.
 */
const decodeXstring = (text) =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));

function cellsOf(row) {
  const cells = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (column > maxColumns) return;
    const formula = cell.type === ExcelJS.ValueType.Formula;
    const text = formula ? '' : decodeXstring(String(cell.text ?? '')).trim();
    if (text || formula) cells.push({ column, text, formula });
  });
  return cells;
}

async function read() {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([reorderedZip(input)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // A sheet with inline strings only has no shared-strings part; without this the reader would
  // spool the sheet to a temporary file waiting for one.
  reader.sharedStrings = [];
  const sheets = [];
  let total = 0;
  for await (const sheet of reader) {
    let header = null;
    const rows = [];
    for await (const row of sheet) {
      const cells = cellsOf(row);
      if (row.number === 1) header = cells;
      else if (cells.length === 0) continue;
      else if (row.number > maxRows + 1 || ++total > maxRows) return { kind: 'too-many-rows' };
      else rows.push({ row: row.number, cells });
    }
    sheets.push({ name: sheet.name, header: header ?? [], rows });
    if (!allSheets) break;
  }
  if (!allSheets) return { kind: 'sheet', header: sheets[0]?.header ?? [], rows: sheets[0]?.rows ?? [] };
  return { kind: 'sheets', sheets };
}

read().then(
  (result) => parentPort.postMessage(result),
  (error) => parentPort.postMessage({ kind: 'invalid', reason: String(error?.message ?? error).slice(0, 200) }),
);
