/**
 * The value `make` gives for `key`, remembered in `cache` while it holds fewer than `capacity`
 * entries: a cache keyed by what clients send (selections, variables, filter shapes) stays
 * bounded, and a full one still answers, by making the value each time.
 */
export function remembered<K, V>(cache: Map<K, V>, capacity: number, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size < capacity) cache.set(key, value);
  }
  return value;
}
