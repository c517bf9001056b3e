import { describe, expect, it } from 'vitest';
import { HeldLoader, whenLoaded } from '../held-loader.js';

/** A loader over a fixed table that records each batch it was asked. */
function loaderOver(table: Record<string, string>, options?: ConstructorParameters<typeof HeldLoader<string, string | null>>[1]) {
  const batches: string[][] = [];
  const loader = new HeldLoader<string, string | null>(async (keys) => {
    batches.push([...keys]);
    return keys.map((k) => table[k] ?? null);
  }, options);
  return { loader, batches };
}

describe('HeldLoader: what the fast path primed, answered without a promise', () => {
  it('answers a primed key at once and any other key through one batch, as load() would', async () => {
    const { loader, batches } = loaderOver({ a: 'row a', b: 'row b' });
    loader.prime('a', 'primed a');
    expect(loader.get('a')).toBe('primed a');
    const b = loader.get('b');
    expect(b).toBeInstanceOf(Promise);
    expect(await b).toBe('row b');
    expect(await loader.load('a')).toBe('primed a');
    expect(batches).toEqual([['b']]);
  });

  it('keeps the first value of a key as DataLoader does: a later prime changes neither load() nor get()', async () => {
    const { loader } = loaderOver({ a: 'row a' });
    expect(await loader.load('a')).toBe('row a');
    loader.prime('a', 'too late');
    expect(await loader.get('a')).toBe('row a');
    expect(await loader.load('a')).toBe('row a');
  });

  it('forgets a cleared key (and all on clearAll), and never holds an error or a promise', async () => {
    const { loader } = loaderOver({ a: 'row a', c: 'row c' });
    loader.prime('a', 'primed a').clear('a');
    expect(await loader.get('a')).toBe('row a');
    loader.clear('a').prime('a', 'primed again');
    expect(loader.get('a')).toBe('primed again');
    loader.clearAll();
    expect(loader.get('a')).toBeInstanceOf(Promise);
    loader.prime('b', new Error('gone'));
    await expect(loader.get('b')).rejects.toThrow('gone');
    loader.prime('c', Promise.resolve('later c'));
    expect(await loader.get('c')).toBe('later c');
  });

  it('finds keys by the cacheKeyFn it was given', () => {
    const { loader } = loaderOver({}, { cacheKeyFn: (k) => k.toLowerCase() });
    loader.prime('A', 'primed a');
    expect(loader.get('a')).toBe('primed a');
  });

  it('whenLoaded applies at once to a value and after it to a promise', async () => {
    expect(whenLoaded(2, (n) => n * 3)).toBe(6);
    const later = whenLoaded(Promise.resolve(2), (n) => n * 3);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(6);
  });
});
