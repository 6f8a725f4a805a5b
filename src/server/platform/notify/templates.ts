// SMS texts. Parameters never carry ID numbers; phones only masked.
export const smsTemplates = {
  case_new: '{community}有新诉求（{code}）：{summary}。请在{minutes}分钟内回电联系反映人。',
  case_dispatched: '您有新派单（{code}）：{summary}，请在{deadline}前办结。',
  sla_warning: '诉求{code}的{clock}即将超时（{deadline}），请尽快处理。',
  sla_overdue: '诉求{code}的{clock}已超时（{deadline}），已上报{level}。',
  whistle_summoned: '{community}吹哨：{subject}。请在{ackBy}前接哨，{arriveBy}前到场。事项：{request}',
  whistle_warning: '吹哨“{subject}”：{party}{clock}即将超时（{deadline}），请尽快处理。',
  whistle_overdue: '吹哨“{subject}”：{party}{clock}已超时（{deadline}），已上报街道。',
  legal_question: '有居民向您咨询法律问题：{summary}。请在{deadline}前答复。',
  case_received: '您反映的问题已收到，查询码{code}，社区将尽快与您联系。查看进度：{link}',
  case_resolved: '您反映的问题（{code}）已办结：{result}。请评价：{link}',
  login_code: '您的登录验证码是{code}，5分钟内有效。如非本人操作请忽略。',
  case_verify_failed: '诉求{code}现场核查未通过：{reason}。请在{deadline}前重新办结。',
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
