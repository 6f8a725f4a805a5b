import ExcelJS from 'exceljs';
import { escapeFormulas } from '../../../../platform/sheet-cells.js';

// 积分排行 as a workbook: one sheet for persons, one for units.

interface Row {
  rank: number;
  holderName: string;
  communityName: string;
  points: number;
}

export async function writeRankingSheet(ranking: { year: number; persons: Row[]; units: Row[] }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [title, rows] of [
    [`${ranking.year}年个人积分排行`, ranking.persons],
    [`${ranking.year}年单位积分排行`, ranking.units],
  ] as const) {
    const sheet = book.addWorksheet(title);
    sheet.columns = [
      { key: 'rank', header: '名次', width: 8 },
      { key: 'holderName', header: '姓名/单位', width: 28 },
      { key: 'communityName', header: '社区', width: 20 },
      { key: 'points', header: '积分', width: 10 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const r of rows) sheet.addRow(escapeFormulas({ ...r }));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
