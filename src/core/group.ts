/** Items by key, in their order within each key; an item whose key is undefined is left out. */
export function groupBy<K, V>(items: Iterable<V>, key: (item: V) => K | undefined): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
