import QRCode from 'qrcode';
import { newPdf, pdfBuffer } from '../../platform/pdf.js';

// QR posters, one A4 page per place, in one PDF to print in bulk. The code is drawn as vector
// squares (sharp at any printer's resolution, and small: a page is a few hundred rectangles).

export interface PosterPage {
  /** The place as people say it: 和平社区 3号楼 2单元. */
  title: string;
  /** Where it belongs: 城关街道 · 和平一网格. */
  subtitle: string;
  url: string;
  phone: string;
  /** The community's public page (社区公开页, /m/c/<code>), printed as text under the steps. */
  publicPageUrl?: string;
}

function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
  doc.fill('#000000');
}

function drawPage(doc: PDFKit.PDFDocument, page: PosterPage) {
  // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
  doc.page.margins.bottom = 0;
  const width = doc.page.width;
  doc.rect(0, 0, width, 160).fill('#1d63ed');
  doc.fillColor('#ffffff').font('bold').fontSize(44).text('扫码反映问题', 0, 36, { width, align: 'center' });
  doc.font('regular').fontSize(16).text('码上反映 · 马上就办', 0, 100, { width, align: 'center' });
  doc
    .fillColor('#111827')
    .font('bold')
    .fontSize(28)
    .text(page.title, 40, 185, { width: width - 80, align: 'center' });
  doc.font('regular').fontSize(15).fillColor('#4b5563');
  doc.text(page.subtitle, 40, doc.y + 2, { width: width - 80, align: 'center' });
  const size = 280;
  const top = Math.max(doc.y + 12, 270);
  drawQr(doc, page.url, (width - size) / 2, top, size);
  doc
    .fillColor('#111827')
    .font('regular')
    .fontSize(13)
    .text(page.url, 0, top + size + 6, { width, align: 'center' });
  doc
    .font('bold')
    .fontSize(20)
    .text('用手机微信或相机扫一扫', 0, top + size + 34, { width, align: 'center' });
  doc.font('regular').fontSize(15).fillColor('#374151');
  const steps = [
    '1. 写下您在这里遇到的问题，可以拍照',
    '2. 留下姓名和手机号，社区会尽快与您联系',
    '3. 凭短信中的查询码随时查看办理进度',
  ];
  doc.text(steps.join('\n'), 130, top + size + 70, { width: width - 260, lineGap: 4 });
  if (page.publicPageUrl) {
    doc.font('bold').fontSize(15).fillColor('#111827');
    doc.text('本社区办理情况公开，请访问：', 0, doc.y + 14, { width, align: 'center' });
    doc
      .font('regular')
      .fontSize(15)
      .text(page.publicPageUrl, 0, doc.y + 2, { width, align: 'center' });
  }
  if (page.phone) {
    const band = 76;
    doc.rect(0, doc.page.height - band, width, band).fill('#eef4ff');
    doc.fillColor('#1d4ed8').font('bold').fontSize(20);
    doc.text(`不方便扫码？请拨打社区电话 ${page.phone}`, 0, doc.page.height - band / 2 - 14, {
      width,
      align: 'center',
    });
  }
}

export async function qrPosterSheets(title: string, pages: PosterPage[]): Promise<Buffer> {
  const doc = newPdf(title);
  pages.forEach((page, i) => {
    if (i > 0) doc.addPage();
    drawPage(doc, page);
  });
  return pdfBuffer(doc);
}
