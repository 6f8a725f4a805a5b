import { newPdf, pdfBuffer } from '../../platform/pdf.js';
import type { Rates } from './metrics.js';

// The monthly report (月度报告) as a PDF: rates against last month, daily volume chart, categories, grid ranking.

export interface MonthlyReportData {
  place: { code: string; name: string };
  month: string;
  current: Rates;
  previous: Rates;
  overdueOpen: number;
  daily: { period: string; received: number }[];
  categories: { name: string; received: number; satisfactionRate: number | null }[];
  ranking: {
    name: string;
    received: number;
    closureRate: number | null;
    satisfactionRate: number | null;
    onTimeRate: number | null;
  }[];
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const change = (now: number | null, before: number | null) =>
  now === null || before === null ? '' : `${now >= before ? '↑' : '↓'}${Math.abs((now - before) * 100).toFixed(1)}`;

function table(doc: PDFKit.PDFDocument, headers: string[], rows: string[][], widths: number[]) {
  const left = 50;
  let y = doc.y;
  const draw = (cells: string[], bold: boolean, fill?: string) => {
    let x = left;
    if (fill)
      doc
        .rect(
          left,
          y,
          widths.reduce((a, b) => a + b, 0),
          20,
        )
        .fill(fill);
    doc
      .fillColor('#111827')
      .font(bold ? 'bold' : 'regular')
      .fontSize(10);
    cells.forEach((cell, i) => {
      doc.text(cell, x + 4, y + 5, { width: widths[i] - 8, lineBreak: false, ellipsis: true });
      x += widths[i];
    });
    y += 20;
  };
  draw(headers, true, '#e8f0fe');
  rows.forEach((r, i) => draw(r, false, i % 2 ? '#f9fafb' : undefined));
  doc.y = y + 6;
  doc.x = left;
}

function barChart(doc: PDFKit.PDFDocument, bars: { label: string; value: number }[], height = 120) {
  const left = 60;
  const width = doc.page.width - 110;
  const top = doc.y + 4;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = width / Math.max(1, bars.length);
  doc
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .stroke('#9ca3af');
  bars.forEach((b, i) => {
    const h = (b.value / max) * (height - 14);
    doc.rect(left + i * step + step * 0.15, top + height - h, step * 0.7, h).fill('#3b82f6');
    if (bars.length <= 12 || i % 5 === 0)
      doc
        .fillColor('#6b7280')
        .fontSize(7)
        .text(b.label, left + i * step - 4, top + height + 3, { width: step + 8, align: 'center', lineBreak: false });
  });
  doc
    .fillColor('#6b7280')
    .fontSize(8)
    .text(`最高 ${max}`, left, top - 2);
  doc.y = top + height + 18;
  doc.x = 50;
}

export async function monthlyReportPdf(data: MonthlyReportData): Promise<Buffer> {
  const doc = newPdf(`${data.place.name} ${data.month} 月度报告`);
  doc
    .font('bold')
    .fontSize(20)
    .fillColor('#111827')
    .text(`${data.place.name} ${data.month.replace('-', '年')}月 诉求办理月度报告`, { align: 'center' });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#6b7280')
    .text(`编码 ${data.place.code} · 统计口径见 docs/metrics.md · 与上月比较`, { align: 'center' });
  doc.moveDown(1);
  const c = data.current;
  const p = data.previous;
  doc.font('bold').fontSize(13).fillColor('#111827').text('一、总体情况');
  doc.moveDown(0.3);
  table(
    doc,
    ['指标', '本月', '上月', '变化'],
    [
      [
        '受理量',
        String(c.received),
        String(p.received),
        c.received >= p.received ? `↑${c.received - p.received}` : `↓${p.received - c.received}`,
      ],
      ['有效件', String(c.valid), String(p.valid), ''],
      ['响应率', pct(c.responseRate), pct(p.responseRate), change(c.responseRate, p.responseRate)],
      ['解决率', pct(c.resolutionRate), pct(p.resolutionRate), change(c.resolutionRate, p.resolutionRate)],
      ['满意率', pct(c.satisfactionRate), pct(p.satisfactionRate), change(c.satisfactionRate, p.satisfactionRate)],
      ['办结率', pct(c.closureRate), pct(p.closureRate), change(c.closureRate, p.closureRate)],
      ['按期办结率', pct(c.onTimeRate), pct(p.onTimeRate), change(c.onTimeRate, p.onTimeRate)],
      ['平均回电（分钟）', String(c.avgContactMinutes ?? '—'), String(p.avgContactMinutes ?? '—'), ''],
      ['当前超时件', String(data.overdueOpen), '', ''],
    ],
    [160, 110, 110, 110],
  );
  doc.font('bold').fontSize(13).text('二、每日受理量');
  barChart(
    doc,
    data.daily.map((d) => ({ label: d.period.slice(8), value: d.received })),
  );
  doc.font('bold').fontSize(13).text('三、诉求类别');
  doc.moveDown(0.3);
  barChart(
    doc,
    data.categories.slice(0, 10).map((k) => ({ label: k.name, value: k.received })),
    90,
  );
  doc.addPage();
  doc.font('bold').fontSize(13).text('四、网格排名（按受理量）');
  doc.moveDown(0.3);
  table(
    doc,
    ['网格', '受理量', '办结率', '满意率', '按期办结率'],
    data.ranking
      .slice(0, 30)
      .map((r) => [r.name, String(r.received), pct(r.closureRate), pct(r.satisfactionRate), pct(r.onTimeRate)]),
    [170, 80, 80, 80, 85],
  );
  return pdfBuffer(doc);
}
