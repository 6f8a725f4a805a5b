import ExcelJS from 'exceljs';
import { escapeFormulas } from '../../../platform/sheet-cells.js';
import type { UsageT } from './schemas.js';

// 功能室使用率 as an Excel sheet: one row per room, the figures and, for a year, the targets met.

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? '达标' : '未达标');

export async function usageSheet(report: UsageT): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('功能室使用率');
  sheet.columns = [
    { header: '社区', key: 'community', width: 16 },
    { header: '功能室', key: 'room', width: 18 },
    { header: '容纳人数', key: 'capacity', width: 10 },
    { header: '使用天数', key: 'daysUsed', width: 10 },
    { header: '到期预约', key: 'bookingsHeld', width: 10 },
    { header: '未到场', key: 'noShows', width: 8 },
    { header: '预约人数', key: 'bookedSeats', width: 10 },
    { header: '实到人数', key: 'attended', width: 10 },
    { header: '参与率', key: 'participation', width: 10 },
    { header: '目标天数', key: 'targetDays', width: 10 },
    { header: '目标参与率', key: 'targetPct', width: 12 },
    { header: '天数', key: 'daysMet', width: 8 },
    { header: '参与率达标', key: 'participationMet', width: 12 },
    { header: '总体', key: 'met', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of report.rows)
    sheet.addRow(
      escapeFormulas({
        community: r.communityName,
        room: r.roomName,
        capacity: r.capacity,
        daysUsed: r.daysUsed,
        bookingsHeld: r.bookingsHeld,
        noShows: r.noShows,
        bookedSeats: r.bookedSeats,
        attended: r.attended,
        participation: r.participationPct === null ? '—' : `${r.participationPct}%`,
        targetDays: r.target.minDaysUsed,
        targetPct: `${r.target.minParticipationPct}%`,
        daysMet: yesNo(r.daysMet),
        participationMet: yesNo(r.participationMet),
        met: yesNo(r.met),
      }),
    );
  const period = report.month ? `${report.year}年${report.month}月` : `${report.year}年`;
  sheet.addRow([]);
  sheet.addRow([
    `${period}（${report.from} 至 ${report.to}）。使用天数：有签到的预约的不同日期数；参与率 = 实到人数 / 到期预约的预约人数。`,
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
