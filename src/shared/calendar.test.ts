import { describe, expect, it } from 'vitest';
import { parseHolidayNotice } from './calendar.js';

// A notice in the form the State Council publishes it (numbered sections, ranges, worked weekend days).
const notice2026 = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：9月20日（周日）上班。10月1日（周四）至7日（周三）放假调休，共7天。10月10日（周六）上班。`;

describe('reading the State Council notice', () => {
  it('reads each holiday range and each worked weekend day with its name', () => {
    const { days, unread } = parseHolidayNotice(2026, notice2026);
    expect(unread).toEqual([]);
    const off = days.filter((d) => !d.isWorkday);
    const on = days.filter((d) => d.isWorkday);
    expect(off.length).toBe(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(on.map((d) => `${d.day} ${d.name}`)).toEqual([
      '2026-01-04 元旦调休',
      '2026-02-14 春节调休',
      '2026-02-28 春节调休',
      '2026-05-09 劳动节调休',
      '2026-09-20 国庆节调休',
      '2026-10-10 国庆节调休',
    ]);
    expect(off.find((d) => d.day === '2026-02-23')?.name).toBe('春节');
    expect(off.find((d) => d.day === '2026-10-07')?.name).toBe('国庆节');
  });

  it('reads lines pasted from a sheet and names what it cannot read', () => {
    const { days, unread } = parseHolidayNotice(
      2027,
      '2027-02-05\t放假\t春节\n2027/2/20 上班 春节调休\n2027-02-30 放假 春节\n2028-01-01 放假 元旦',
    );
    expect(days).toEqual([
      { day: '2027-02-05', isWorkday: false, name: '春节' },
      { day: '2027-02-20', isWorkday: true, name: '春节调休' },
    ]);
    expect(unread).toEqual(['2027-02-30 放假 春节', '2028-01-01 放假 元旦']);
  });
});
