// Small helpers over the `yaml` Document API: source ranges and scalar text.
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from '../types';

export function rangeOf(node: Node | null | undefined, base: number, fallback: Range): Range {
  const r = node?.range;
  return r ? { start: base + r[0], end: base + r[1] } : fallback;
}

/** Null, `~`, or an empty value: treated as absent. */
export function isNullish(node: unknown): boolean {
  return node == null || (isScalar(node) && node.value === null);
}

/** The text of a scalar key or value as written (numbers keep their source form). */
export function scalarText(node: unknown, src: string): string | null {
  if (!isScalar(node)) return null;
  if (typeof node.value === 'string') return node.value;
  if (node.range) return src.slice(node.range[0], node.range[1]);
  return String(node.value);
}

export interface KeyedPair {
  key: string;
  pair: Pair<unknown, unknown>;
  keyNode: Node | null;
  duplicateOf: Pair<unknown, unknown> | null;
}

/** The pairs of a mapping with their key text; later duplicates are marked, not dropped. */
export function keyedPairs(map: YAMLMap, src: string): KeyedPair[] {
  const seen = new Map<string, Pair<unknown, unknown>>();
  return map.items.map((pair) => {
    const keyNode = (isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) || isAlias(pair.key) ? pair.key : null) as Node | null;
    const key = scalarText(pair.key, src) ?? '';
    const duplicateOf = (key && seen.get(key)) || null;
    if (key && !duplicateOf) seen.set(key, pair);
    return { key, pair, keyNode, duplicateOf };
  });
}
