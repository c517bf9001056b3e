// ElMessageBox with its styles: only the pages that ask something (and
// lib/feedback.ts's confirmations, on demand) load it, never the login page.
import 'element-plus/es/components/message-box/style/css';

export { ElMessageBox } from 'element-plus';
