import { fileURLToPath, URL } from 'node:url';
import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { gqlDocuments } from './scripts/gql-documents';
import { routePrefetch } from './scripts/route-prefetch';

const ADMIN_ENTRY = fileURLToPath(new URL('./src/main.ts', import.meta.url));
const ELEMENT_PLUS_STYLE = /[\\/]element-plus[\\/](es[\\/]components[\\/][^\\/]+[\\/]style|theme-chalk)[\\/]/;

/** The modules the admin's entry imports statically (what the login page loads), filled once the module graph is known. */
const loadedByEntry = new Set<string>();
function entryModules(): Plugin {
  return {
    name: 'alliance:entry-modules',
    apply: 'build',
    buildEnd() {
      const walk = (id: string) => {
        if (loadedByEntry.has(id)) return;
        loadedByEntry.add(id);
        for (const imported of this.getModuleInfo(id)?.importedIds ?? []) walk(imported);
      };
      walk(ADMIN_ENTRY);
    },
  };
}

/**
 * The admin web. Built into dist/, which the server serves at `/` beside the
 * API at `/graphql` (one origin). `pnpm dev` runs Vite with hot reload and
 * proxies /graphql to a server on :4000.
 */
export default defineConfig(({ command }) => ({
  plugins: [
    vue(),
    // Element Plus on demand: each component a template uses, with its styles.
    // The services used from scripts (ElMessage, ElMessageBox) are imported
    // explicitly with their styles in src/lib/feedback.ts.
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
    // Each GraphQL operation in the chunk of the code that uses it, not all of them in the entry.
    gqlDocuments(),
    entryModules(),
    // What the login page fetches while idle: the shell, and the dashboard with its charts.
    routePrefetch([{ module: 'src/layouts/AppLayout.vue' }, { module: 'src/views/DashboardView.vue', withLazyParts: true }]),
  ],
  resolve: {
    // @alliance/shared straight from its TypeScript source (hot reload in dev).
    conditions: ['source', ...defaultClientConditions],
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    // Apollo Client 3 keeps its development checks and warnings unless told.
    ...(command === 'build' ? { 'globalThis.__DEV__': 'false' } : {}),
  },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: 'http://localhost:4000', changeOrigin: true }, '/api': { target: 'http://localhost:4000', changeOrigin: true }, '/export': { target: 'http://localhost:4000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: true,
    // The residents' page (/r/<code>) is an entry of its own: none of the admin's code.
    rollupOptions: {
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), residents: fileURLToPath(new URL('./residents.html', import.meta.url)) },
      output: {
        codeSplitting: {
          groups: [
            // Element Plus imported per component left ~40 files of a few hundred bytes (each
            // component's style module and its CSS) for the dashboard alone: over a phone's
            // network each costs a round trip. One file of them all instead (docs/web.md, bench:web),
            // but for the styles of the login page's own components: those stay with the entry, so
            // the login page does not load the CSS of every component of the admin.
            { name: 'element-plus-styles', test: (id: string) => ELEMENT_PLUS_STYLE.test(id) && !loadedByEntry.has(id) },
          ],
        },
      },
    },
  },
}));
