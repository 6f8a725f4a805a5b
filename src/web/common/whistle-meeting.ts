import type { Summons } from './api-types';

// 协商会 and 部门无接哨账号: how the console and the phone pages tell them, in Beijing time.

/** “7月9日周五 09:30” (zh-CN) or “Fri 9 July, 09:30” (en), in Beijing time wherever the browser is. */
export const meetingTime = (at: string, locale: string): string =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Who was texted instead of receivers: “部门登记电话 139****0055、街道干部张三 139****0002”. */
export const toldText = (s: Summons, t: Translate): string =>
  s.told
    .map((x) =>
      x.kind === 'departmentPhone'
        ? t('whistle.toldDepartmentPhone', { phone: x.phone })
        : t('whistle.toldStreetOfficer', { name: x.name, phone: x.phone }),
    )
    .join(t('whistle.toldSeparator'));
