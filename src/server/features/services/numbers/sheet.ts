import ExcelJS from 'exceljs';
import { serviceRatingLabels, serviceRatings } from '../../../../shared/services.js';
import { escapeFormulas } from '../../../platform/sheet-cells.js';
import type { ServiceNumbersReport } from './schemas.js';

// 服务数据 as an Excel sheet: one row per item and bundle, then the total; rates as percentages.

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);
type Numbers = ServiceNumbersReport['total'];

export async function numbersSheet(report: ServiceNumbersReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('服务数据');
  sheet.columns = [
    { header: '类型', key: 'kind', width: 10 },
    { header: '编码', key: 'code', width: 14 },
    { header: '名称', key: 'name', width: 28 },
    { header: '申请量', key: 'applications', width: 10 },
    { header: '办结量', key: 'completed', width: 10 },
    { header: '按期办结率', key: 'onTime', width: 12 },
    { header: '平均办理时长(工作日)', key: 'days', width: 20 },
    { header: '最多跑一次率', key: 'oneVisit', width: 14 },
    { header: '评价数', key: 'rated', width: 10 },
    ...serviceRatings.map((r) => ({ header: serviceRatingLabels[r], key: r, width: 10 })),
    { header: '满意率', key: 'satisfaction', width: 10 },
    { header: '待补正', key: 'supplement', width: 10 },
    { header: '当前超期', key: 'overdue', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  const line = (kind: string, code: string, name: string, n: Numbers) =>
    escapeFormulas({
      kind,
      code,
      name,
      applications: n.applications,
      completed: n.completed,
      onTime: percent(n.onTimeRate),
      days: n.avgHandlingDays ?? '—',
      oneVisit: percent(n.oneVisitRate),
      rated: n.rated,
      ...n.ratings,
      satisfaction: percent(n.satisfactionRate),
      supplement: n.pendingSupplement,
      overdue: n.overdueNow,
    });
  for (const r of report.items) sheet.addRow(line('事项', r.code, r.name, r));
  for (const r of report.bundles) sheet.addRow(line('一件事', r.code, r.name, r));
  sheet.addRow(line('合计', '', `${report.place.name} ${report.from} 至 ${report.to}`, report.total)).font = {
    bold: true,
  };
  return Buffer.from(await book.xlsx.writeBuffer());
}
