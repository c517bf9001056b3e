import DataLoader from 'dataloader';

/**
 * A DataLoader that answers a key it was primed with at once, not through a
 * promise. The fast path primes every relation of the rows it read
 * (docs/architecture.md "Fast path"); a field resolver that asks `get()`
 * then returns the value itself, so graphql-js completes the row without
 * a promise and a microtask per relation and row (its `promiseForObject`
 * and the microtask queue were ~6 % of the server's CPU on the shelf query,
 * docs/benchmarks.md). Any other key is `load()`ed, batched as before.
 *
 * What `get()` answers is what `load()` would: DataLoader's `prime` keeps a
 * value only for a key it does not hold yet, and so does this; clearing a
 * key clears both.
 */
export class HeldLoader<K, V, C = K> extends DataLoader<K, V, C> {
  readonly #promises: Map<C, Promise<V>>;
  readonly #held = new Map<C, V>();
  readonly #cacheKey: (key: K) => C;

  constructor(batch: DataLoader.BatchLoadFn<K, V>, options: Omit<DataLoader.Options<K, V, C>, 'cacheMap' | 'cache'> = {}) {
    const promises = new Map<C, Promise<V>>();
    super(batch, { ...options, cacheMap: promises });
    this.#promises = promises;
    this.#cacheKey = options.cacheKeyFn ?? ((key: K) => key as unknown as C);
  }

  /**
   * Whether get() answers every key at once now, without a statement: a
   * loader of what the instance holds in memory (the alliance's reference
   * data) may; the fast path then leaves its rows out of the statement.
   * A method, not a getter: a loader may start reading them when they are
   * not (ReferenceLoader).
   */
  answersFromMemory(): boolean {
    return false;
  }

  /** Every value there is, when the loader holds them all in memory (the alliance's reference data); else undefined. */
  inMemoryValues(): Iterable<V> | undefined {
    return undefined;
  }

  /** load(key), without a promise when the value is held. */
  get(key: K): V | Promise<V> {
    const k = this.#cacheKey(key);
    return this.#held.has(k) ? (this.#held.get(k) as V) : this.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    const k = this.#cacheKey(key);
    if (!this.#promises.has(k) && !(value instanceof Error) && !isPromiseLike(value)) this.#held.set(k, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.#held.delete(this.#cacheKey(key));
    return super.clear(key);
  }

  override clearAll(): this {
    this.#held.clear();
    return super.clearAll();
  }
}

function isPromiseLike<V>(value: V | PromiseLike<V>): value is PromiseLike<V> {
  return typeof (value as PromiseLike<V> | null)?.then === 'function';
}

/** `f` of a value that may still be coming: at once when it is there. */
export function whenLoaded<V, R>(value: V | Promise<V>, f: (value: V) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}
