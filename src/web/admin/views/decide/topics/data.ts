import { ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message-box/style/css';
import type { ScreenAction, Topic } from '../../../../common/api/decide-topics';

// The console's buttons for a topic (those the server allows that the console offers), and what
// each asks before it runs: a reason for reject (required), a note for accept, a confirmation to withdraw.
const consoleActions = ['screen_in', 'accept', 'reject', 'withdraw'] as const satisfies ScreenAction[];

export const screenActions = (topic: Pick<Topic, 'actions'>): ScreenAction[] =>
  consoleActions.filter((a) => topic.actions.includes(a));

export const buttonType = (a: ScreenAction) => (a === 'accept' ? 'primary' : a === 'reject' ? 'danger' : 'default');

/** The note to send, or null when the user cancelled. */
export async function askNote(action: ScreenAction, t: (key: string) => string): Promise<string | null> {
  try {
    if (action === 'reject') {
      const answer = await ElMessageBox.prompt(
        t('decide.topics.prompt.reject'),
        t('decide.topics.prompt.rejectTitle'),
        {
          inputType: 'textarea',
          inputValidator: (v) => Boolean(v && v.trim()),
        },
      );
      return answer.value.trim();
    }
    if (action === 'accept') {
      const answer = await ElMessageBox.prompt(
        t('decide.topics.prompt.accept'),
        t('decide.topics.prompt.acceptTitle'),
        {
          inputType: 'textarea',
        },
      );
      return (answer.value ?? '').trim();
    }
    if (action === 'withdraw') await ElMessageBox.confirm(t('decide.topics.prompt.withdraw'));
    return '';
  } catch {
    return null;
  }
}

export const shownAt = (iso: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
