/**
 * A read-only array of `count` items, each made the first time it is read and kept (so
 * `list[i] === list[i]`). A loaded set of a million messages is then one small object instead of
 * a million views that the collector copies out of the young generation and traces on every full
 * collection: reports read the set's columns, and only drill-downs, listed rows and
 * re-derivation read messages, those they need.
 *
 * It behaves as a frozen array for everything a caller does with one (index, `length`, spread,
 * `map`, `filter`, `Object.keys`, …), and every write fails (a TypeError in strict code) so that
 * the set's columns always describe it; only `Object.isFrozen` says false, since a proxy's target
 * must hold a property to report it frozen.
 */
export function lazyList<T>(count: number, make: (index: number) => T): readonly T[] {
  const made = new Map<number, T>();
  const at = (index: number): T => {
    let item = made.get(index);
    if (item === undefined) {
      item = make(index);
      made.set(index, item);
    }
    return item;
  };
  // The target carries the array prototype and an own `length`, which the traps report as `count`
  // (allowed: an array's length is writable). Setting the target's length instead gave it a holey
  // backing store of `count` slots: 8 MB and ≈ 6 ms of CPU per load at 1,000,000 messages.
  const target: T[] = [];
  const refuse = () => false;
  return new Proxy(target, {
    get: (_, key, receiver) => {
      const index = indexOf(key, count);
      if (index >= 0) return at(index);
      return key === 'length' ? count : Reflect.get(target, key, receiver);
    },
    has: (_, key) => indexOf(key, count) >= 0 || Reflect.has(target, key),
    ownKeys: () => {
      const keys: Array<string | symbol> = Array.from({ length: count }, (_, index) => String(index));
      return keys.concat(Reflect.ownKeys(target));
    },
    getOwnPropertyDescriptor: (_, key) => {
      const index = indexOf(key, count);
      if (key === 'length') return { value: count, writable: true, enumerable: false, configurable: false };
      if (index < 0) return Reflect.getOwnPropertyDescriptor(target, key);
      return { value: at(index), writable: false, enumerable: true, configurable: true };
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
    setPrototypeOf: refuse,
    preventExtensions: refuse,
  });
}

const ZERO = 48;
const NINE = 57;

/** The array index a property key names when it is below `count`, else -1 ("01", "1.0", symbols: -1). */
function indexOf(key: string | symbol, count: number): number {
  if (typeof key !== 'string' || key.length === 0 || key.length > 15) return -1;
  if (key.length > 1 && key.charCodeAt(0) === ZERO) return -1;
  let value = 0;
  for (let k = 0; k < key.length; k++) {
    const digit = key.charCodeAt(k);
    if (digit < ZERO || digit > NINE) return -1;
    value = value * 10 + (digit - ZERO);
  }
  return value < count ? value : -1;
}
