import ExcelJS from 'exceljs';
import { escapeFormulas } from '../../platform/sheet-cells.js';
import type { Rates } from './metrics.js';

// The breakdown as an Excel sheet (统计), rates as percentages; cells that look like formulas are escaped.

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

export async function breakdownSheet(rows: (Rates & { name: string })[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('统计');
  sheet.columns = [
    { header: '名称', key: 'name', width: 24 },
    { header: '受理量', key: 'received', width: 10 },
    { header: '有效件', key: 'valid', width: 10 },
    { header: '响应率', key: 'response', width: 10 },
    { header: '解决率', key: 'resolution', width: 10 },
    { header: '满意率', key: 'satisfaction', width: 10 },
    { header: '办结率', key: 'closure', width: 10 },
    { header: '按期办结率', key: 'onTime', width: 12 },
    { header: '平均回电(分钟)', key: 'contact', width: 14 },
    { header: '平均办结(小时)', key: 'resolve', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow(
      escapeFormulas({
        name: r.name,
        received: r.received,
        valid: r.valid,
        response: percent(r.responseRate),
        resolution: percent(r.resolutionRate),
        satisfaction: percent(r.satisfactionRate),
        closure: percent(r.closureRate),
        onTime: percent(r.onTimeRate),
        contact: r.avgContactMinutes ?? '—',
        resolve: r.avgResolveHours ?? '—',
      }),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
