// Element Plus services used from scripts, with their styles (the template
// components get theirs through unplugin-vue-components).
import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { t } from '../i18n';

export function notifySuccess(message: string) {
  ElMessage({ type: 'success', message, grouping: true });
}

export function notifyError(message: string) {
  ElMessage({ type: 'error', message, grouping: true, duration: 5000 });
}

/** Resolves true when the user chose to reload. */
export async function offerReload(message: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, t('common.conflictTitle'), {
      confirmButtonText: t('common.reload'),
      cancelButtonText: t('common.cancel'),
      type: 'warning',
    });
    return true;
  } catch {
    return false;
  }
}

/** Asks before an action that cannot be taken back; resolves true when confirmed. */
export async function confirmAction(message: string, title: string, confirmText: string, type: 'warning' | 'info' = 'warning'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: confirmText,
      cancelButtonText: t('common.cancel'),
      type,
      customClass: 'confirm-box',
    });
    return true;
  } catch {
    return false;
  }
}
