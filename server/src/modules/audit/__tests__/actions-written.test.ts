import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AuditAction } from '@alliance/shared';

/*
 * Every action the audit log can show (a code, labelled in both languages,
 * offered in the log's filter) is written by the server: the writers are
 * audit.subscribers.ts and, for sign-ins, auth.service.ts. UNIT_CREATE,
 * UNIT_UPDATE, UNIT_STATUS and AGREEMENT_SIGN were once defined and never
 * written, and the filter offered acts that could not be found.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const WRITERS = [path.join(HERE, '../audit.subscribers.ts'), path.join(HERE, '../../auth/auth.service.ts')];

describe('audit actions', () => {
  it('every AuditAction is written by one of the log\'s writers', () => {
    const source = WRITERS.map((f) => readFileSync(f, 'utf8')).join('\n');
    const unwritten = Object.values(AuditAction).filter((a) => !source.includes(`'${a}'`));
    expect(unwritten).toEqual([]);
  });
});
