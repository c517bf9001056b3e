import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIGURES_MOVED_BY, MOVES_NO_FIGURE } from '../../../modules/dashboard/dashboard.subscribers.js';
import { DomainEvent } from '../domain-event.js';

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../modules');
const files = readdirSync(modules, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    try {
      return readdirSync(path.join(modules, d.name, 'events'))
        .filter((f) => f.endsWith('.event.ts'))
        .map((f) => path.join(modules, d.name, 'events', f));
    } catch {
      return [];
    }
  });

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const isA = (cls: Function, type: Function) => cls === type || cls.prototype instanceof type;

describe('domain event classes', () => {
  it('are one class per file, named as the file, under the module that owns them', async () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of files) {
      const exported = Object.values(await import(file));
      expect(exported, file).toHaveLength(1);
      const cls = exported[0] as Function;
      expect(cls.prototype instanceof DomainEvent, file).toBe(true);
      expect(`${kebab(cls.name)}.event.ts`).toBe(path.basename(file));
    }
  });

  it('each says whether it moves a dashboard figure (FIGURES_MOVED_BY) or not (MOVES_NO_FIGURE), never both', async () => {
    for (const file of files) {
      const cls = Object.values(await import(file))[0] as Function;
      const moves = FIGURES_MOVED_BY.some((m) => isA(cls, m.type));
      const still = MOVES_NO_FIGURE.some((t) => isA(cls, t));
      expect(moves !== still, `${cls.name}: moves ${moves}, moves no figure ${still}`).toBe(true);
    }
  });
});
