// The optional workspace manifest `isms.yaml` (SPEC §5): defaults for every
// key, and an `invalid-config` finding at the offending node for its errors.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { SEVERITY, type Finding, type Lang, type Range } from './types';
import { message, type MessageId } from './messages';
import { BUILTIN_CATALOG_ID } from './catalog/load';
import { isNullish, keyedPairs, rangeOf } from './policy/yaml-nodes';

export const CONFIG_FILE = 'isms.yaml';

export interface WorkspaceConfig {
  /** Path of isms.yaml as findings name it (it may not exist). */
  path: string;
  exists: boolean;
  catalog: string;
  /** The `catalog:` key and value, when written. */
  catalogKeyRange: Range | null;
  catalogValueRange: Range | null;
  reviewIntervalDays: number;
  dueSoonDays: number;
  include: string[];
  exclude: string[];
  catalogs: { path: string; range: Range }[];
  placeholders: string[];
  findings: Finding[];
  /** Keys isms.yaml sets validly (editor settings fill in the others). */
  explicit: Set<string>;
}

const KEYS = ['catalog', 'review_interval_days', 'due_soon_days', 'include', 'exclude', 'catalogs', 'placeholders'];

export function defaultConfig(path: string): WorkspaceConfig {
  return {
    path,
    exists: false,
    catalog: BUILTIN_CATALOG_ID,
    catalogKeyRange: null,
    catalogValueRange: null,
    reviewIntervalDays: 365,
    dueSoonDays: 30,
    include: ['**/*.md'],
    exclude: [],
    catalogs: [],
    placeholders: [],
    findings: [],
    explicit: new Set(),
  };
}

export function readConfig(path: string, text: string | undefined, lang: Lang): WorkspaceConfig {
  const config = defaultConfig(path);
  if (text === undefined) return config;
  config.exists = true;
  const fail = (range: Range, id: MessageId, args: Record<string, string | number> = {}) =>
    config.findings.push({ code: 'invalid-config', severity: SEVERITY['invalid-config'], file: path, range, controlId: null, message: message(lang, id, args) });
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors) fail({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }, 'configYaml', { detail: e.message.split('\n')[0] });
    return config;
  }
  const whole = { start: 0, end: Math.min(text.length, 1) };
  if (isNullish(doc.contents)) return config;
  if (!isMap(doc.contents)) {
    fail(rangeOf(doc.contents as Node, 0, whole), 'configNotMap');
    return config;
  }
  const r = (n: unknown) => rangeOf(n as Node | null, 0, whole);
  const stringList = (key: string, v: unknown): string[] | null => {
    if (isSeq(v) && v.items.every((i) => isScalar(i) && typeof i.value === 'string')) return v.items.map((i) => (i as { value: string }).value);
    fail(r(v), 'configType', { key, expected: lang === 'ja' ? '文字列のリスト' : 'a list of strings' });
    return null;
  };
  const integer = (key: string, v: unknown, min: number): number | null => {
    if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= min) return v.value;
    fail(r(v), 'configType', { key, expected: lang === 'ja' ? `${min} 以上の整数` : `an integer of at least ${min}` });
    return null;
  };
  for (const { key, pair, keyNode, duplicateOf } of keyedPairs(doc.contents, text)) {
    const v = pair.value;
    if (duplicateOf) {
      fail(r(keyNode), 'duplicateKey', { key });
      continue;
    }
    if (!KEYS.includes(key)) {
      fail(r(keyNode), 'configUnknownKey', { key, keys: KEYS.join(', ') });
      continue;
    }
    if (isNullish(v)) continue;
    const count = config.findings.length;
    switch (key) {
      case 'catalog':
        if (isScalar(v) && typeof v.value === 'string' && v.value.trim()) {
          config.catalog = v.value.trim();
          config.catalogKeyRange = r(keyNode);
          config.catalogValueRange = r(v);
        } else fail(r(v), 'configType', { key, expected: lang === 'ja' ? 'カタログ ID の文字列' : 'a catalog id string' });
        break;
      case 'review_interval_days':
        config.reviewIntervalDays = integer(key, v, 1) ?? config.reviewIntervalDays;
        break;
      case 'due_soon_days':
        config.dueSoonDays = integer(key, v, 0) ?? config.dueSoonDays;
        break;
      case 'include':
        config.include = stringList(key, v) ?? config.include;
        break;
      case 'exclude':
        config.exclude = stringList(key, v) ?? config.exclude;
        break;
      case 'placeholders':
        config.placeholders = stringList(key, v) ?? config.placeholders;
        break;
      case 'catalogs':
        if (stringList(key, v) && isSeq(v)) config.catalogs = v.items.map((i) => ({ path: (i as { value: string }).value, range: r(i) }));
        break;
    }
    if (config.findings.length === count) config.explicit.add(key);
  }
  if (config.catalogKeyRange === null) {
    // Keep the key's range even when its value is invalid, for `uncovered`.
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'catalog');
    if (pair) config.catalogKeyRange = r(pair.key);
  }
  return config;
}
