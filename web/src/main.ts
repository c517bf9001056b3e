import { createApp, h, provide } from 'vue';
import { createPinia } from 'pinia';
import { DefaultApolloClient } from '@vue/apollo-composable';
import App from './App.vue';
import { i18n, localeReady } from './i18n';
import { apolloClient } from './apollo';
import { router } from './router';
import './styles.css';

const app = createApp({
  setup() {
    provide(DefaultApolloClient, apolloClient);
  },
  render: () => h(App),
});
app.use(createPinia());
app.use(i18n);
app.use(router);
// English texts are fetched first when English was chosen (Chinese comes with the page).
void localeReady.then(() => app.mount('#app'));
