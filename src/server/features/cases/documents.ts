import QRCode from 'qrcode';
import {
  caseActionLabel,
  caseChannelLabels,
  caseStateLabels,
  type CaseChannel,
  type CaseState,
} from '../../../shared/cases.js';
import { newPdf, pdfBuffer } from '../../platform/pdf.js';

// Printable documents of the case workflow: the community's QR poster and the case sheet.

const shanghai = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '—';

export async function qrPoster(
  community: { code: string; name: string; street: string },
  url: string,
): Promise<Buffer> {
  const doc = newPdf(`码上反映 ${community.name}`);
  const qr = await QRCode.toBuffer(url, { type: 'png', width: 720, margin: 1, errorCorrectionLevel: 'M' });
  const width = doc.page.width;
  doc.rect(0, 0, width, 150).fill('#1d63ed');
  doc.fillColor('#ffffff').font('bold').fontSize(40).text('码上反映  马上就办', 0, 45, { width, align: 'center' });
  doc.font('regular').fontSize(18).text(`${community.street} · ${community.name}`, 0, 100, { width, align: 'center' });
  doc.image(qr, (width - 320) / 2, 190, { width: 320 });
  doc.fillColor('#111827').font('bold').fontSize(22).text('用手机微信或相机扫一扫', 0, 535, { width, align: 'center' });
  doc.font('regular').fontSize(15).fillColor('#374151');
  const steps = [
    '1. 扫码后写下您遇到的问题，可以拍照',
    '2. 留下姓名和手机号，社区值班干部 30 分钟内回电',
    '3. 凭短信中的查询码随时查看办理进度',
    '4. 办结后请您评价，不满意可要求重办',
  ];
  doc.text(steps.join('\n'), 120, 580, { width: width - 240, lineGap: 8 });
  doc.fontSize(11).fillColor('#6b7280').text(url, 0, 760, { width, align: 'center' });
  return pdfBuffer(doc);
}

export interface CaseSheet {
  trackingCode: string;
  state: string;
  category: string | null;
  channel: string;
  priority: string;
  createdAt: string;
  place: string;
  address: string;
  reporter: string;
  phone: string | null;
  description: string;
  assignee: string | null;
  resultText: string | null;
  rating: string | null;
  deadlines: Record<string, string | null>;
  timeline: { action: string; actorName: string; actorRole: string | null; note: string; at: string }[];
}

/** The sheet's table: labels and values in words, never codes. */
function sheetRows(sheet: CaseSheet): [string, string][] {
  return [
    ['状态', caseStateLabels[sheet.state as CaseState] ?? '—'],
    ['类别', sheet.category ?? '—'],
    ['来源渠道', caseChannelLabels[sheet.channel as CaseChannel] ?? '—'],
    ['紧急程度', sheet.priority === 'urgent' ? '紧急' : '一般'],
    ['反映时间', shanghai(sheet.createdAt)],
    ['所在网格', sheet.place],
    ['地址', sheet.address || '—'],
    ['反映人', `${sheet.reporter || '—'}  ${sheet.phone ?? ''}`],
    ['承办', sheet.assignee ?? '—'],
    ['办结时限', shanghai(sheet.deadlines.resolve ?? null)],
    ['办理结果', sheet.resultText ?? '—'],
    ['评价', sheet.rating ?? '—'],
  ];
}

export async function caseSheet(sheet: CaseSheet): Promise<Buffer> {
  const doc = newPdf(`诉求处理单 ${sheet.trackingCode}`);
  doc.font('bold').fontSize(20).text('诉求处理单', { align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .fillColor('#6b7280')
    .text(`查询码 ${sheet.trackingCode}    打印时间 ${shanghai(new Date().toISOString())}`, { align: 'center' });
  doc.moveDown(1).fillColor('#111827');
  const rows = sheetRows(sheet);
  const left = 50;
  const labelWidth = 90;
  const valueWidth = doc.page.width - 100 - labelWidth;
  for (const [label, value] of rows) {
    const y = doc.y;
    const height = Math.max(doc.heightOfString(value, { width: valueWidth - 12 }), 14) + 12;
    doc.rect(left, y, labelWidth, height).fillAndStroke('#f3f4f6', '#d1d5db');
    doc.rect(left + labelWidth, y, valueWidth, height).stroke('#d1d5db');
    doc
      .fillColor('#374151')
      .font('bold')
      .fontSize(11)
      .text(label, left + 8, y + 6, { width: labelWidth - 16 });
    doc
      .fillColor('#111827')
      .font('regular')
      .text(value, left + labelWidth + 6, y + 6, { width: valueWidth - 12 });
    doc.y = y + height;
  }
  doc.moveDown(1).font('bold').fontSize(13).text('问题描述', left);
  doc
    .font('regular')
    .fontSize(11)
    .text(sheet.description, { width: doc.page.width - 100 });
  doc.moveDown(1).font('bold').fontSize(13).text('办理过程', left);
  doc.font('regular').fontSize(10);
  for (const e of sheet.timeline) {
    doc.text(
      `${shanghai(e.at)}  ${caseActionLabel(e.action) ?? '—'}  ${e.actorName}${e.actorRole ? `（${e.actorRole}）` : ''}${e.note ? `：${e.note}` : ''}`,
      {
        width: doc.page.width - 100,
      },
    );
  }
  return pdfBuffer(doc);
}
