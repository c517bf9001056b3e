import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Each operation travels with the code that uses it (a build-time plugin).
 *
 * The client preset's `graphql()` looks every document up in one map of them
 * all (`gql/gql.ts`, keyed by the operation's source text): whichever chunk
 * holds that map holds every operation of the admin, and the login page's
 * entry did (215 KB raw, 31.8 KB gzip, of which the login page uses one). In a
 * build, this plugin replaces each `graphql(`...`)` call by the document
 * itself (the generated `XxxDocument` of `gql/graphql.ts`), so the operations
 * of a route land in that route's chunk and the map goes unused (tree-shaken).
 * It does what the preset's babel/swc plugin does; the build has no babel.
 * Types are untouched: the typecheck still sees the preset's `graphql()`.
 *
 * A call whose text is not in the map fails the build: src/gql is stale
 * (`pnpm --filter @alliance/web codegen`).
 */
export function gqlDocuments(): Plugin {
  /** Per generated folder: operation source text → the document's JSON. */
  const maps = new Map<string, Map<string, string>>();

  function documentsOf(gqlDir: string): Map<string, string> {
    let map = maps.get(gqlDir);
    if (map) return map;
    const gql = readFileSync(path.join(gqlDir, 'gql.ts'), 'utf8');
    const generated = readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8');
    const json = new Map<string, string>();
    for (const m of generated.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*$/gm)) json.set(m[1]!, m[2]!);
    const start = gql.indexOf('const documents: Documents = {');
    const block = gql.slice(start, gql.indexOf('\n};', start));
    map = new Map();
    for (const m of block.matchAll(/^\s+("(?:[^"\\]|\\.)*"): types\.(\w+),?$/gm)) {
      const document = json.get(m[2]!);
      if (document) map.set(JSON.parse(m[1]!) as string, document);
    }
    maps.set(gqlDir, map);
    return map;
  }

  return {
    name: 'alliance:gql-documents',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.(ts|vue)$/.test(id) || !code.includes('graphql(`')) return null;
      const imported = /^import \{ graphql \} from '(\.{1,2}\/[^']*gql)';\n/m.exec(code);
      if (!imported) return null;
      const documents = documentsOf(path.resolve(path.dirname(id), imported[1]!));
      const replaced = code.replace(/\bgraphql\(`([^`]*)`\)/g, (_call, source: string) => {
        const document = documents.get(source);
        if (!document) this.error(`${id}: an operation not in ${imported[1]}/gql.ts; run \`pnpm --filter @alliance/web codegen\``);
        return `(${document})`;
      });
      return { code: replaced.replace(imported[0], ''), map: null };
    },
  };
}
