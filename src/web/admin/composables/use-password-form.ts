import type { FormRules } from 'element-plus';
import { reactive } from 'vue';
import { useI18n } from 'vue-i18n';
import { textLength } from '../../../shared/text';

// The change-password form of the account menu and of the forced first-login page: one form, one
// set of rules. The strength rule mirrors the server's (AUTH_WEAK_PASSWORD) so it is learnt first.
const strong = (value: string) => textLength(value) >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value);

export function usePasswordForm(currentRequiredKey: string) {
  const { t } = useI18n();
  const form = reactive({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const rules: FormRules<typeof form> = {
    currentPassword: [{ required: true, message: () => t(currentRequiredKey), trigger: 'blur' }],
    newPassword: [
      { required: true, message: () => t('password.newRequired'), trigger: 'blur' },
      {
        validator: (_rule, value: string, callback) => {
          if (!strong(value)) callback(new Error(t('password.rule')));
          else if (value === form.currentPassword) callback(new Error(t('password.same')));
          else callback();
        },
        trigger: 'blur',
      },
    ],
    confirmPassword: [
      { required: true, message: () => t('password.confirmRequired'), trigger: 'blur' },
      {
        validator: (_rule, value: string, callback) =>
          value === form.newPassword ? callback() : callback(new Error(t('password.mismatch'))),
        trigger: 'blur',
      },
    ],
  };
  return { form, rules };
}
