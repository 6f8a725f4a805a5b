import ExcelJS from 'exceljs';
import {
  campaignStateLabels,
  honourKindLabels,
  nominationKindLabels,
  type NominationKind,
} from '../../../../shared/honours.js';
import { escapeFormulas } from '../../../platform/sheet-cells.js';

// 评选结果 as an Excel sheet: one row per standing nomination, best total first.

interface Row {
  label: string;
  name: string;
  kind: NominationKind;
  total: number | null;
  shortlisted: boolean;
  stars: number | null;
  result: 'honoured' | 'removed' | null;
  resultNote: string;
}

const resultLabel = (r: Row) =>
  r.result === 'honoured' ? '当选' : r.result === 'removed' ? '公示后撤销' : r.shortlisted ? '入围' : '未入围';

export async function resultsSheet(
  campaign: {
    kind: keyof typeof honourKindLabels;
    year: number;
    title: string;
    state: keyof typeof campaignStateLabels;
    place_name: string;
  },
  rows: Row[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('评选结果');
  sheet.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '楼栋房号', key: 'label', width: 22 },
    { header: campaign.kind === 'moral_model' ? '姓名' : '户主', key: 'name', width: 12 },
    { header: '推荐方式', key: 'kind', width: 14 },
    { header: '平均得分', key: 'total', width: 10 },
    { header: '星级', key: 'stars', width: 8 },
    { header: '结果', key: 'result', width: 12 },
    { header: '说明', key: 'note', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  rows.forEach((r, i) =>
    sheet.addRow(
      escapeFormulas({
        no: i + 1,
        label: r.label,
        name: r.name,
        kind: nominationKindLabels[r.kind],
        total: r.total ?? '—',
        stars: r.stars === null ? '—' : `${r.stars}星`,
        result: resultLabel(r),
        note: r.resultNote,
      }),
    ),
  );
  sheet.addRow([]);
  sheet.addRow([
    `${campaign.place_name} ${campaign.year}年${honourKindLabels[campaign.kind]}（${campaign.title}），当前阶段：${campaignStateLabels[campaign.state]}。平均得分为评审组各成员总分的平均值。`,
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
