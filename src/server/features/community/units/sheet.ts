import ExcelJS from 'exceljs';
import { escapeFormulas } from '../../../platform/sheet-cells.js';
import type { UnitsService } from './service.js';

// 共建单位排行 as an Excel sheet: one row per unit, in rank order.

export async function rankingSheet(ranking: Awaited<ReturnType<UnitsService['ranking']>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${ranking.year}年共建单位排行`);
  sheet.columns = [
    { header: '名次', key: 'rank', width: 8 },
    { header: '单位名称', key: 'name', width: 32 },
    { header: '所在社区', key: 'placeName', width: 18 },
    { header: '积分', key: 'points', width: 10 },
    { header: '清单事项', key: 'entries', width: 10 },
    { header: '已确认', key: 'confirmed', width: 10 },
    { header: '按期完成', key: 'onTime', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of ranking.items) sheet.addRow(escapeFormulas({ ...row }));
  return Buffer.from(await book.xlsx.writeBuffer());
}
