import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n, localeReady } from './i18n';
import { router } from './router';
import './styles.css';

// Apollo's client is not here: the pages behind the login load it with their code (router/index.ts).
const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(router);
// English texts are fetched first when English was chosen (Chinese comes with the page).
void localeReady.then(() => app.mount('#app'));
