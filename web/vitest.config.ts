import { fileURLToPath, URL } from 'node:url';
import { defineProject } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// The admin's component tests, run from the root config as the `web` project.
export default defineProject({
  // The same on-demand Element Plus components as the build (without their CSS).
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: false })],
  resolve: {
    conditions: ['source'],
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  test: {
    name: 'web',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
    // Element Plus ships ESM with CSS imports: let Vite transform it.
    server: { deps: { inline: ['element-plus'] } },
    css: false,
    // Mounting Element Plus forms takes seconds when the machine is busy
    // (a CI box running the server suites beside); 5 s was flaky there.
    testTimeout: 20_000,
  },
});
