import type { FormAnswers, FormDefinition, FormField, FormValue, Material } from '../../../shared/service-forms.js';
import { newPdf, pdfBuffer } from '../../platform/pdf.js';

// 申请表 (issue 15): the pre-filled application form of an item or a bundle, printed at the kiosk or
// at the window. The applicant's own form: it may carry their full ID number. Text only through
// pdfkit's text calls (no markup is read), with the embedded Noto Sans SC.

export interface ApplicationFormInput {
  /** The item's or bundle's name: the form's title is "<name>申请表". */
  title: string;
  /** The hall or community where it is handed in, printed under the title. */
  place?: string;
  /** 办件编号 or the queue ticket's label, when there is one. */
  code?: string | null;
  ticketLabel?: string | null;
  applicant: { name: string; idNumber?: string | null; phone?: string | null };
  form: FormDefinition;
  answers: FormAnswers;
  materials: Material[];
  /** The day it was printed, YYYY-MM-DD. */
  date: string;
}

/** One answer as the form prints it. */
export function answerText(field: Pick<FormField, 'kind' | 'columns'>, value: FormValue | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.kind === 'file') return `已上传 ${Array.isArray(value) ? value.length : 1} 个附件`;
  if (field.kind === 'table' && Array.isArray(value)) {
    const columns = field.columns ?? [];
    return (value as Array<Record<string, string | number>>)
      .map((row, i) => `${i + 1}. ${columns.map((c) => `${c.label}：${row[c.key] ?? ''}`).join('，')}`)
      .join('\n');
  }
  return Array.isArray(value) ? value.join('、') : String(value);
}

function header(doc: PDFKit.PDFDocument, input: ApplicationFormInput) {
  doc.font('bold').fontSize(20).text(`${input.title}申请表`, { align: 'center' });
  const line = [
    input.place,
    input.code ? `编号 ${input.code}` : null,
    input.ticketLabel ? `排队号 ${input.ticketLabel}` : null,
  ]
    .filter(Boolean)
    .join('    ');
  if (line) doc.font('regular').fontSize(10).fillColor('#4b5563').text(line, { align: 'center' }).fillColor('#111827');
  if (input.ticketLabel)
    doc.moveDown(0.3).font('bold').fontSize(28).text(input.ticketLabel, { align: 'center' }).font('regular');
}

function applicantBlock(doc: PDFKit.PDFDocument, input: ApplicationFormInput) {
  doc.moveDown(0.8).font('bold').fontSize(13).text('申请人');
  doc.font('regular').fontSize(12);
  doc.text(`姓名：${input.applicant.name}`);
  if (input.applicant.idNumber) doc.text(`公民身份号码：${input.applicant.idNumber}`);
  if (input.applicant.phone) doc.text(`联系电话：${input.applicant.phone}`);
}

function answersBlock(doc: PDFKit.PDFDocument, input: ApplicationFormInput) {
  doc.moveDown(0.8).font('bold').fontSize(13).text('申请事项');
  doc.font('regular').fontSize(12);
  for (const field of input.form.fields) {
    const text = answerText(field, input.answers[field.key]);
    doc.text(`${field.label}${field.required ? '（必填）' : ''}：${text || '＿＿＿＿＿＿＿＿'}`, { lineGap: 3 });
  }
}

function materialsBlock(doc: PDFKit.PDFDocument, materials: Material[]) {
  doc.moveDown(0.8).font('bold').fontSize(13).text('申请材料清单');
  doc.font('regular').fontSize(12);
  if (materials.length === 0) doc.text('无需提交材料');
  materials.forEach((m, i) => {
    const how = [m.original ? '原件' : '复印件', m.copies ? `${m.copies} 份` : null, m.required ? '必交' : '如有']
      .filter(Boolean)
      .join('，');
    doc.text(`□ ${i + 1}. ${m.name}（${how}）${m.note ? ' ' + m.note : ''}`, { lineGap: 3 });
  });
}

/** The application form as a PDF: title, 申请人, the answers by label, the material checklist, signature and date. */
export async function renderApplicationForm(input: ApplicationFormInput): Promise<Buffer> {
  const doc = newPdf(`${input.title}申请表`);
  header(doc, input);
  applicantBlock(doc, input);
  answersBlock(doc, input);
  materialsBlock(doc, input.materials);
  doc.moveDown(1.2).font('regular').fontSize(12);
  doc.text('本人承诺以上填写内容及所交材料真实、有效。');
  doc.moveDown(1).text(`申请人（签名）：＿＿＿＿＿＿＿＿        日期：${input.date}`);
  return pdfBuffer(doc);
}
