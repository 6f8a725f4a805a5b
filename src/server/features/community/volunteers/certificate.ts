import { newPdf, pdfBuffer } from '../../../platform/pdf.js';

// 志愿服务证明: one page per person and year — name, year, total hours, the activities, the
// community that issues it and the date. Text only, from the records.

export interface CertificateData {
  name: string;
  year: number;
  communityName: string;
  issuedOn: string;
  activityMinutes: number;
  postMinutes: number;
  activities: { date: string; title: string; communityName: string; minutes: number }[];
}

const hours = (minutes: number) => (Math.round((minutes / 60) * 10) / 10).toFixed(1);

export async function certificatePdf(d: CertificateData): Promise<Buffer> {
  const doc = newPdf(`志愿服务证明 ${d.year}`);
  doc.font('bold').fontSize(22).text('志愿服务证明', { align: 'center' });
  doc.moveDown(1.2);
  doc.font('regular').fontSize(13);
  const total = hours(d.activityMinutes + d.postMinutes);
  doc.text(
    `兹证明 ${d.name} 同志在 ${d.year} 年度参加志愿服务活动 ${d.activities.length} 次，` +
      `累计志愿服务时长 ${total} 小时（其中活动 ${hours(d.activityMinutes)} 小时，认岗服务 ${hours(d.postMinutes)} 小时）。`,
    { lineGap: 6 },
  );
  doc.moveDown();
  doc.font('bold').fontSize(12).text('参加的活动');
  doc.font('regular').fontSize(10.5);
  if (d.activities.length === 0) doc.text('（本年度无活动记录）');
  for (const a of d.activities)
    doc.text(`${a.date}  ${a.title}（${a.communityName}）  ${hours(a.minutes)} 小时`, { lineGap: 3 });
  doc.moveDown(2);
  doc.fontSize(12).text(`出具单位：${d.communityName}`, { align: 'right' });
  doc.text(`出具日期：${d.issuedOn}`, { align: 'right' });
  return pdfBuffer(doc);
}
