import ExcelJS from 'exceljs';
import { noticeKindLabels } from '../../../../shared/decide-notices.js';
import { escapeFormulas } from '../../../platform/sheet-cells.js';
import type { DecideNumbersT } from './schemas.js';

// 居民议事数据 as an Excel sheet: one row per community, the totals, how each figure is counted; then the votes' turnout.

const columns: { header: string; key: string; width: number }[] = [
  { header: '社区', key: 'communityName', width: 16 },
  { header: '提出议题', key: 'topicsRaised', width: 10 },
  { header: '采纳', key: 'topicsAccepted', width: 8 },
  { header: '不予采纳', key: 'topicsRejected', width: 10 },
  { header: '形成决议', key: 'topicsDecided', width: 10 },
  { header: '提交街道', key: 'topicsHandedUp', width: 10 },
  { header: '已办结', key: 'topicsClosed', width: 8 },
  { header: '召开会议', key: 'meetingsHeld', width: 10 },
  { header: '决议', key: 'decisions', width: 8 },
  { header: '任务', key: 'tasks', width: 8 },
  { header: '任务完成', key: 'tasksDone', width: 10 },
  { header: '任务逾期', key: 'tasksOverdue', width: 10 },
  { header: '表决（次）', key: 'votesHeld', width: 10 },
  { header: '参与率', key: 'turnout', width: 10 },
  { header: '监督员（人）', key: 'supervisors', width: 12 },
  { header: '巡查记录', key: 'inspections', width: 10 },
  { header: '公开发布', key: 'noticesPublished', width: 10 },
  { header: '公开阅读率', key: 'readRate', width: 12 },
  { header: '评选活动', key: 'honourCampaigns', width: 10 },
  { header: '获评户数', key: 'householdsHonoured', width: 10 },
];

type Figures = DecideNumbersT['totals'];
const percent = (n: number | null) => (n === null ? '—' : `${n}%`);

const cells = (name: string, f: Figures) => {
  const { noticesByKind: _kinds, ...rest } = f;
  return escapeFormulas({
    ...rest,
    communityName: name,
    turnout: percent(f.turnoutPct),
    readRate: percent(f.noticeReadRatePct),
  });
};

export async function decideNumbersSheet(report: DecideNumbersT): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${report.year}年居民议事数据`);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  for (const r of report.items) sheet.addRow(cells(r.communityName, r));
  sheet.addRow(cells('合计', report.totals)).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([
    `${report.year}年（北京时间），${report.placeName ?? '管辖范围内各社区'}；各项均由业务记录统计：议题为当年提出的议题及其目前所处环节；` +
      '会议为当年召开的会议及其决议、任务（逾期为到期未完成）；表决为当年结束的表决，参与率 = 已投票户数 / 有投票权户数；' +
      '公开阅读率 = 阅读居民数 / 应知居民数。',
  ]);

  const kinds = book.addWorksheet('五公开分类');
  kinds.columns = [
    { header: '社区', key: 'community', width: 16 },
    { header: '类别', key: 'kind', width: 12 },
    { header: '发布', key: 'published', width: 8 },
    { header: '阅读率', key: 'readRate', width: 10 },
  ];
  kinds.getRow(1).font = { bold: true };
  for (const r of [...report.items, { communityName: '合计', ...report.totals }])
    for (const k of r.noticesByKind)
      kinds.addRow(
        escapeFormulas({
          community: r.communityName,
          kind: noticeKindLabels[k.kind]['zh-CN'],
          published: k.published,
          readRate: percent(k.readRatePct),
        }),
      );

  const votes = book.addWorksheet('表决参与率');
  votes.columns = [
    { header: '社区', key: 'communityName', width: 16 },
    { header: '表决', key: 'title', width: 30 },
    { header: '结束时间', key: 'closedAt', width: 20 },
    { header: '有投票权（户）', key: 'eligible', width: 14 },
    { header: '已投票（户）', key: 'voted', width: 12 },
    { header: '参与率', key: 'turnout', width: 10 },
  ];
  votes.getRow(1).font = { bold: true };
  for (const v of report.votes)
    votes.addRow(escapeFormulas({ ...v, closedAt: v.closedAt.slice(0, 10), turnout: percent(v.turnoutPct) }));
  return Buffer.from(await book.xlsx.writeBuffer());
}
