import ExcelJS from 'exceljs';
import { escapeFormulas } from '../../../platform/sheet-cells.js';
import type { LifeNumbersT } from './schemas.js';

// 社区生活数据 as an Excel sheet: one row per community, then the scope's totals, then how each figure is counted.

const columns: { header: string; key: string; width: number }[] = [
  { header: '社区', key: 'communityName', width: 16 },
  { header: '开展活动（场）', key: 'activitiesHeld', width: 12 },
  { header: '参与人数', key: 'participants', width: 10 },
  { header: '志愿时长（小时）', key: 'volunteerHours', width: 14 },
  { header: '认岗党员（人）', key: 'postMembers', width: 12 },
  { header: '认岗服务（月次）', key: 'postMonths', width: 14 },
  { header: '心愿发布', key: 'wishesPosted', width: 10 },
  { header: '心愿圆梦', key: 'wishesFulfilled', width: 10 },
  { header: '微行动完成', key: 'actionsDone', width: 10 },
  { header: '微行动参与（人次）', key: 'actionParticipants', width: 14 },
  { header: '积分发放', key: 'pointsEarned', width: 10 },
  { header: '积分兑换', key: 'pointsSpent', width: 10 },
  { header: '功能室使用天数', key: 'roomDaysUsed', width: 12 },
  { header: '功能室参与率', key: 'roomParticipation', width: 12 },
  { header: '管家收集民意', key: 'stewardOpinions', width: 12 },
  { header: '管家评议', key: 'stewardEvaluations', width: 10 },
  { header: '共建清单确认', key: 'unitEntriesConfirmed', width: 12 },
  { header: '助餐（份）', key: 'meals', width: 10 },
  { header: '老人用餐（份）', key: 'elderMeals', width: 12 },
  { header: '助餐补贴（元）', key: 'subsidyYuan', width: 12 },
];

type Figures = LifeNumbersT['totals'];

const cells = (name: string, f: Figures) =>
  escapeFormulas({
    ...f,
    communityName: name,
    roomParticipation: f.roomParticipationPct === null ? '—' : `${f.roomParticipationPct}%`,
    subsidyYuan: Number(f.subsidyYuan),
  });

export async function lifeNumbersSheet(report: LifeNumbersT): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${report.year}年社区生活数据`);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  for (const r of report.items) sheet.addRow(cells(r.communityName, r));
  sheet.addRow(cells('合计', report.totals)).font = { bold: true };
  sheet.getColumn('subsidyYuan').numFmt = '0.00';
  sheet.addRow([]);
  sheet.addRow([
    `${report.year}年（北京时间），${report.placeName ?? '管辖范围内各社区'}；各项均由业务记录统计：活动为已结束的活动，参与人数为签到的不同人数，` +
      '志愿时长含活动与认岗服务；功能室参与率 = 实到人数 / 预约人数；老人用餐为 60 岁以上居民的用餐份数。',
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
