import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderClosedToOthers } from '../embedded.js';

const top = mkdtempSync(path.join(os.tmpdir(), 'alliance-reach-'));
afterAll(() => rmSync(top, { recursive: true, force: true }));

describe('folders the postgres user must pass through (as root)', () => {
  it('names the first folder on the way that others cannot enter, and nothing when all are open', () => {
    // mkdtemp makes a 0700 folder, like `mktemp -d` or /root.
    const data = path.join(top, 'app', '.data');
    mkdirSync(data, { recursive: true });
    chmodSync(top, 0o700);
    expect(folderClosedToOthers(data)).toBe(top);
    chmodSync(top, 0o755);
    chmodSync(path.join(top, 'app'), 0o750);
    expect(folderClosedToOthers(data)).toBe(path.join(top, 'app'));
    chmodSync(path.join(top, 'app'), 0o755);
    chmodSync(data, 0o755);
    expect(folderClosedToOthers(data)).toBeNull();
    // A folder not made yet is created later with open permissions.
    expect(folderClosedToOthers(path.join(data, 'pg', 'later'))).toBeNull();
  });
});
