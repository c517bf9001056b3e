import { reactive, ref } from 'vue';
import type { ErrorCode } from '@alliance/shared';
import { currentLocale, t } from '../i18n';
import { describeError, type ErrorInfo } from '../lib/errors';
import { notifyError, notifySuccess, offerReload } from '../lib/feedback';

export interface ActionOptions {
  /** Shown when the action succeeds (already translated). */
  success?: string;
  /** Refetches the record after a CONFLICT, when the user accepts the offer. */
  reload?: () => Promise<unknown> | unknown;
  /** A more precise sentence for some codes (e.g. UNAUTHENTICATED on the login form). */
  messages?: Partial<Record<ErrorCode, string>>;
}

/**
 * Runs mutations for a form or a page: the error becomes a sentence in the
 * user's language, a bad field gets its message next to it (fieldErrors,
 * bound to el-form-item's `error`), a CONFLICT offers to reload. Nothing the
 * user typed is touched: the caller keeps its dialog and form as they are.
 */
export function useAction(knownFields: readonly string[] = []) {
  const fieldErrors = reactive<Record<string, string>>({});
  const busy = ref(false);
  const lastError = ref<ErrorInfo | null>(null);

  function clearErrors() {
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k];
    lastError.value = null;
  }

  async function run<T>(fn: () => Promise<T>, options: ActionOptions = {}): Promise<T | null> {
    clearErrors();
    busy.value = true;
    try {
      const result = await fn();
      if (options.success) notifySuccess(options.success);
      return result;
    } catch (err) {
      const info = describeError(err, currentLocale.value);
      if (info.code !== 'NETWORK' && options.messages?.[info.code]) info.message = options.messages[info.code]!;
      lastError.value = info;
      // A signed-in user whose session ended: the Apollo link sends them to the login page.
      if (info.code === 'UNAUTHENTICATED' && !options.messages?.UNAUTHENTICATED) return null;
      if (info.field && knownFields.includes(info.field)) {
        fieldErrors[info.field] = info.message;
        notifyError(t('common.checkField'));
      } else if (info.reloadable && options.reload) {
        if (await offerReload(info.message)) await options.reload();
      } else {
        notifyError(info.message);
      }
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { run, busy, fieldErrors, lastError, clearErrors };
}
