import { fileURLToPath, URL } from 'node:url';
import { defineConfig, defaultClientConditions } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

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
            // network each costs a round trip. One file of them all instead (docs/web.md, bench:web).
            { name: 'element-plus-styles', test: /[\\/]element-plus[\\/](es[\\/]components[\\/][^\\/]+[\\/]style|theme-chalk)[\\/]/ },
          ],
        },
      },
    },
  },
}));
