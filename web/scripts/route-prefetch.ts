import path from 'node:path';
import type { Plugin, Rolldown } from 'vite';

type OutputChunk = Rolldown.OutputChunk;
type ChunkWithCss = OutputChunk & { viteMetadata?: { importedCss: Set<string> } };

/** A page to have in the cache before it is asked for. */
export interface PrefetchTarget {
  /** Its module, from the web folder (e.g. `src/views/DashboardView.vue`). */
  module: string;
  /** Also the parts it imports lazily (its charts, its panels below the fold). */
  withLazyParts?: boolean;
}

/**
 * Names, in the admin's page (`<meta name="alliance-prefetch">`), the files of
 * the pages a user reaches right after signing in that the login page has not
 * loaded itself: `lib/prefetch.ts` asks for them (`<link rel="prefetch">`, the
 * lowest priority, nothing executed) once the login page has loaded and the
 * browser is idle, so that sign-in → dashboard finds them in the cache instead
 * of downloading ~360 KB over a phone's network after the click. The list
 * comes from the build's own chunk graph, so it follows every change of the
 * code; the server serves these hashed files as immutable.
 */
export function routePrefetch(targets: PrefetchTarget[]): Plugin {
  let root = '';
  return {
    name: 'alliance:route-prefetch',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.chunk || path.basename(ctx.filename) !== 'index.html') return html;
        const chunks = new Map<string, ChunkWithCss>();
        for (const output of Object.values(ctx.bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output as ChunkWithCss);
        /** A chunk with its static imports, and their CSS. */
        const closure = (fileName: string, into: Set<string>) => {
          if (into.has(fileName)) return;
          into.add(fileName);
          const chunk = chunks.get(fileName);
          if (!chunk) return;
          for (const css of chunk.viteMetadata?.importedCss ?? []) into.add(css);
          for (const imported of chunk.imports) closure(imported, into);
        };
        const loaded = new Set<string>();
        closure(ctx.chunk.fileName, loaded);
        const wanted = new Set<string>();
        for (const target of targets) {
          const id = path.resolve(root, target.module);
          const chunk = [...chunks.values()].find((c) => c.facadeModuleId === id);
          if (!chunk) throw new Error(`route-prefetch: no chunk for ${target.module} (is it imported lazily?)`);
          closure(chunk.fileName, wanted);
          if (target.withLazyParts) for (const lazy of chunk.dynamicImports) closure(lazy, wanted);
        }
        const files = [...wanted].filter((f) => !loaded.has(f)).map((f) => `/${f}`);
        return html.replace('</head>', `  <meta name="alliance-prefetch" content="${files.join(' ')}">\n  </head>`);
      },
    },
  };
}
