import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import type { NoticeAction } from '../../../../../shared/decide-notices';
import { noticesApi, type NoticeDetail } from '../../../../common/api/decide-notices';
import { errorMessage } from '../../../../common/http';

type T = (key: string) => string;

/** One action on a notice, asking a reason (return, withdraw) or a confirmation (approve) first. */
export async function actOn(t: T, id: string, action: NoticeAction): Promise<NoticeDetail | null> {
  let reason = '';
  try {
    if (action === 'return' || action === 'withdraw') {
      const answer = await ElMessageBox.prompt(
        t(`decide.notices.reasonPrompt.${action}`),
        t(`decide.notices.reasonTitle.${action}`),
        { inputType: 'textarea', inputValidator: (v) => Boolean(v && v.trim()) },
      );
      reason = answer.value.trim();
    } else if (action === 'approve') {
      await ElMessageBox.confirm(t('decide.notices.confirmApprove'), t('decide.notices.action.approve'));
    }
  } catch {
    return null;
  }
  try {
    const result = await noticesApi.act(id, action, reason);
    ElMessage.success(t('decide.notices.done'));
    return result;
  } catch (e) {
    ElMessage.error(errorMessage(e, t('common.loadFailed')));
    return null;
  }
}
