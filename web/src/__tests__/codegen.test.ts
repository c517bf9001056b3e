// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const web = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../node_modules/.bin/graphql-codegen', import.meta.url));

describe('typed operations', () => {
  it('src/gql is what codegen makes from server/schema.graphql and the operations (run `pnpm codegen` when this fails)', () => {
    let output = '';
    let failed = false;
    try {
      output = execFileSync(bin, ['--config', 'codegen.ts', '--check'], { cwd: web, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      failed = true;
      output = String((err as { stdout?: string }).stdout ?? '') + String((err as { stderr?: string }).stderr ?? '');
    }
    expect(output).not.toContain('stale');
    expect(failed).toBe(false);
  }, 60_000);
});
