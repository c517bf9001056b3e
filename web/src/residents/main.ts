import { createApp, h } from 'vue';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { ElConfigProvider } from 'element-plus';
import { i18n, localeReady } from '../i18n';
import '../styles.css';
import ResidentsPage from './ResidentsPage.vue';

/*
 * The residents' page (群众点单): its own entry (residents.html, served at
 * /r/<alliance code>), so a resident's phone loads neither the admin's
 * router, its sign-in and session handling, nor its routes.
 */
const code = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const app = createApp({ render: () => h(ElConfigProvider, { locale: zhCn }, () => h(ResidentsPage, { code })) }).use(i18n);
void localeReady.then(() => app.mount('#app'));
