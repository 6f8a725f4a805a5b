import { newPdf, pdfBuffer } from '../../platform/pdf.js';
import { disputePartyRoleLabels } from '../../../shared/disputes.js';

// 人民调解协议书 and the monthly "two screenings, one analysis" (两排查一分析) report.

const roleNames: Record<string, string> = disputePartyRoleLabels;
const bj = (d: Date | string) => new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function agreementPdf(input: {
  code: string;
  summary: string;
  parties: { role: string; name: string; idNumber: string | null; phone: string | null }[];
  agreement: string;
  mediators: string[];
  legalAdvisers: string[];
  heldAt: Date | string;
  signatures: { name: string; image: Buffer | null }[];
  community: string;
}): Promise<Buffer> {
  const doc = newPdf(`人民调解协议书 ${input.code}`);
  doc.font('bold').fontSize(22).text('人民调解协议书', { align: 'center' });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#6b7280')
    .text(`编号 ${input.code}`, { align: 'center' })
    .fillColor('#111827');
  doc.moveDown(1).fontSize(12);
  for (const p of input.parties)
    doc.text(`${roleNames[p.role] ?? p.role}：${p.name}    身份证号：${p.idNumber ?? '—'}    电话：${p.phone ?? '—'}`);
  doc.moveDown(0.8).font('bold').text('纠纷事实');
  doc.font('regular').text(input.summary);
  doc.moveDown(0.8).font('bold').text('经调解，当事人自愿达成如下协议：');
  doc.font('regular').text(input.agreement, { lineGap: 4 });
  doc.moveDown(0.8).text(`履行方式、时限以上述条款为准。本协议一式三份，当事人各执一份，调解组织留存一份。`);
  doc
    .moveDown(1)
    .text(`人民调解员：${input.mediators.join('、') || '—'}    法律顾问：${input.legalAdvisers.join('、') || '—'}`);
  doc.text(`调解组织：${input.community}人民调解委员会    日期：${bj(input.heldAt)}`);
  doc.moveDown(1).font('bold').text('当事人签名');
  // Three signatures to a row; a long list of parties goes on to the next row, or the next page.
  let top = doc.y + 6;
  input.signatures.forEach((s, i) => {
    const column = i % 3;
    if (i > 0 && column === 0) top += 90;
    if (top + 80 > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      top = doc.page.margins.top;
    }
    const x = doc.page.margins.left + column * 170;
    doc.font('regular').fontSize(11).text(s.name, x, top);
    if (s.image) doc.image(s.image, x, top + 16, { fit: [150, 60] });
    else doc.rect(x, top + 16, 150, 60).stroke('#d1d5db');
  });
  return pdfBuffer(doc);
}

export async function analysisPdf(input: {
  place: string;
  month: string;
  total: number;
  byType: [string, number][];
  byRisk: [string, number][];
  byPlace: [string, number][];
  resolved: number;
  highRiskOpen: { code: string; summary: string; place: string; status: string }[];
}): Promise<Buffer> {
  const doc = newPdf(`两排查一分析 ${input.place} ${input.month}`);
  doc
    .font('bold')
    .fontSize(18)
    .text(`${input.place} ${input.month.replace('-', '年')}月 矛盾纠纷“两排查一分析”报告`, { align: 'center' });
  doc
    .moveDown(1)
    .font('regular')
    .fontSize(12)
    .text(`本月排查登记矛盾纠纷 ${input.total} 件，已化解（达成协议或移交并结案）${input.resolved} 件。`);
  const section = (title: string, rows: [string, number][]) => {
    doc.moveDown(0.8).font('bold').fontSize(13).text(title);
    doc.font('regular').fontSize(11);
    const max = Math.max(1, ...rows.map((r) => r[1]));
    for (const [label, n] of rows) {
      const y = doc.y;
      doc.text(label, 60, y, { width: 110 });
      doc
        .rect(175, y + 2, (n / max) * 280, 10)
        .fill('#3b82f6')
        .fillColor('#111827');
      doc.text(String(n), 465, y);
      doc.y = y + 16;
    }
    doc.x = 50;
  };
  section('按类型', input.byType);
  section('按风险等级', input.byRisk);
  section('按社区/网格', input.byPlace);
  doc.moveDown(0.8).font('bold').fontSize(13).text('未化解的高风险纠纷');
  doc.font('regular').fontSize(11);
  if (input.highRiskOpen.length === 0) doc.text('无');
  for (const d of input.highRiskOpen) doc.text(`${d.code}  ${d.place}  ${d.status}  ${d.summary}`);
  doc.moveDown(0.8).font('bold').fontSize(13).text('分析与建议');
  doc
    .font('regular')
    .fontSize(11)
    .text(
      input.highRiskOpen.length
        ? '高风险纠纷须逐件落实包案责任人，必要时吹哨召集司法所、派出所联合化解。'
        : '本月无未化解的高风险纠纷，继续做好常态化排查。',
    );
  return pdfBuffer(doc);
}
