// SMS texts. Parameters never carry ID numbers; phones only masked.
export const smsTemplates = {
  case_new: '{community}有新诉求（{code}）：{summary}。请在{minutes}分钟内回电联系反映人。',
  case_dispatched: '您有新派单（{code}）：{summary}，请在{deadline}前办结。',
  sla_warning: '诉求{code}的{clock}即将超时（{deadline}），请尽快处理。',
  sla_overdue: '诉求{code}的{clock}已超时（{deadline}），已上报{level}。',
  whistle_summoned: '{community}吹哨：{subject}。请在{ackBy}前接哨，{arriveBy}前到场。{meeting}事项：{request}',
  whistle_warning: '吹哨“{subject}”：{party}{clock}即将超时（{deadline}），请尽快处理。',
  whistle_overdue: '吹哨“{subject}”：{party}{clock}已超时（{deadline}），已上报街道。',
  legal_question: '有居民向您咨询法律问题：{summary}。请在{deadline}前答复。',
  case_received: '您反映的问题已收到，查询码{code}，社区将尽快与您联系。查看进度：{link}',
  case_resolved: '您反映的问题（{code}）已办结：{result}。请评价：{link}',
  login_code: '您的登录验证码是{code}，5分钟内有效。如非本人操作请忽略。',
  calendar_missing:
    '{year}年节假日安排{state}，按工作日计算的办理时限会算错。请在“节假日与工作时间”中导入国务院办公厅通知。',
  // 督办 (cases/escalation.ts): staff told of a climb, the reporter told once, the assignee urged.
  case_escalated: '诉求{code}{why}，已上报{supervisor}督办，{ask}',
  case_supervised: '您反映的问题（{code}）已超期，已由{supervisor}督办，我们会尽快办理。查看进度：{link}',
  case_urged: '{supervisor}督办：诉求{code}（{summary}）请尽快办理。{note}',
  // Issue 14: a department with no receiver account is texted at its number on record, and the
  // street officers above the place are told so they can see it comes; the legal asker hears of the answer.
  whistle_summoned_phone:
    '{community}吹哨召集{department}：{subject}。请于{arriveBy}前到场。{meeting}事项：{request}（贵部门在平台尚无接哨账号，请直接与{community}联系）',
  whistle_no_receiver:
    '{community}吹哨召集的{department}在平台上没有接哨账号，{how}。请督促其{arriveBy}前到场：{subject}。{meeting}',
  legal_answered: '您咨询的法律问题已有答复，请登录查看：{link}',
  case_verify_failed: '诉求{code}现场核查未通过：{reason}。请在{deadline}前重新办结。',
  // 办件 (issue 15, services/applications): the applicant at each step they care about; the handlers warned.
  service_submitted: '您的“{subject}”申请已提交，办件编号{code}。窗口预审后将短信告知结果。',
  service_supplement: '您的办件{code}（{subject}）需要补正：{note}。请补齐后重新提交。',
  service_accepted: '您的办件{code}（{subject}）已受理，承诺{deadline}前办结。',
  service_refused: '您的办件{code}（{subject}）不予办理：{reason}。',
  service_ready: '您的办件{code}（{subject}）已办结，请携带身份证到{place}服务窗口领取结果。',
  service_warning: '办件{code}（{item}）即将超过承诺时限（{deadline}），请尽快审核。',
  service_overdue: '办件{code}（{item}）已超过承诺时限（{deadline}），已上报街道督办。',
  // 救助顾问 (issue 15): the lead adviser of a person in hardship nobody has contacted for a while.
  assist_overdue: '救助顾问提醒：{community}的{name}已{days}天未联系（上次：{last}），请尽快走访。',
  // 志愿活动 (issue 16, community/volunteers): the first on the waiting list moves up when a place frees.
  activity_promoted: '您候补的活动“{title}”（{start}开始）有空位了，已为您报名成功。如不能参加请在“我的活动”中取消。',
} as const;

export type SmsTemplate = keyof typeof smsTemplates;

/**
 * Parameters that are secrets: whoever reads them can act as the resident (log in with the code,
 * rate with the link's token). They are kept encrypted beside the outbox row and put back only
 * by the sms.send job; every stored, listed or logged copy shows SECRET_MASK instead.
 */
export const secretParams: Partial<Record<SmsTemplate, readonly string[]>> = {
  login_code: ['code'],
  case_resolved: ['link'], // the tracking link with the rating token (?t=…)
};

export const SECRET_MASK = '******';

type Params = Record<string, string | number>;

/** The parameters split into what may be shown (secrets masked) and the secrets themselves. */
export function splitSecrets(template: SmsTemplate, params: Params): { shown: Params; secrets: Params } {
  const names = secretParams[template] ?? [];
  const shown: Params = {};
  const secrets: Params = {};
  for (const [key, value] of Object.entries(params)) {
    if (names.includes(key)) {
      secrets[key] = value;
      shown[key] = SECRET_MASK;
    } else {
      shown[key] = value;
    }
  }
  return { shown, secrets };
}

export function renderSms(sign: string, template: SmsTemplate, params: Record<string, string | number>): string {
  const text = smsTemplates[template].replace(/\{(\w+)\}/g, (_, key) => String(params[key] ?? ''));
  return `【${sign}】${text}`;
}
