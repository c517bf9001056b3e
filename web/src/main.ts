import { createApp, h, provide } from 'vue';
import { createPinia } from 'pinia';
import { DefaultApolloClient } from '@vue/apollo-composable';
import App from './App.vue';
import { i18n } from './i18n';
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
app.mount('#app');
