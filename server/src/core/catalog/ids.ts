// The ID grammar of SPEC §2/§9, built from a catalog's roles:
// label [separator] number, matched after NFKC normalisation.
import type { Catalog, Role } from './types';
import { normalize } from '../text';

const SEPARATORS = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D\u30FC';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface IdMatch {
  /** Canonical ID such as `S-5` (whether or not the catalog has it). */
  id: string;
  /** Whether the active catalog has this ID. */
  known: boolean;
  /** Length of the matched token in the *original* text (headings). */
  length: number;
}

export interface IdGrammar {
  /** A front-matter key or list item: the whole string must be an ID. */
  matchWhole(raw: string): IdMatch | null;
  /** A heading: its leading token. */
  matchLeading(raw: string): IdMatch | null;
}

interface Label {
  role: Role;
  pattern: string;
}

export function createIdGrammar(roles: Role[], catalog: Catalog | undefined): IdGrammar {
  const letters: Label[] = roles.map((role) => ({ role, pattern: escape(role.id) }));
  const kana: Label[] = roles
    .filter((r) => r.label)
    .map((role) => ({ role, pattern: `(?:\\(${escape(normalize(role.label!))}\\)|${escape(normalize(role.label!))})` }));
  const names: Label[] = roles
    .flatMap((role) => [role.name, ...(role.aliases ?? [])].map((n) => ({ role, name: normalize(n) })))
    .sort((a, b) => b.name.length - a.name.length)
    .map(({ role, name }) => ({ role, pattern: escape(name) }));
  const sep = `[${SEPARATORS}]`;
  const group = (labels: Label[]) => labels.map((l, i) => `(?<g${i}>${l.pattern})`);
  // One regex per label kind keeps the rules (is the separator required?) readable.
  const build = (labels: Label[], sepRule: string, end: string) =>
    labels.length ? new RegExp(`^(?:${group(labels).join('|')})${sepRule}(?<num>[0-9]+)${end}`, 'i') : null;
  const WHOLE_END = '$';
  // A number ends at the end, at white space, or at a character that is not an ASCII letter/digit nor . _ -
  const LEADING_END = '(?=$|\\s|[^A-Za-z0-9._\\-])';
  const whole = [build(letters, `${sep}?`, WHOLE_END), build(kana, `${sep}?`, WHOLE_END), build(names, sep, WHOLE_END)];
  const leading = [build(letters, sep, LEADING_END), build(kana, `${sep}?`, LEADING_END), build(names, sep, LEADING_END)];
  const labelSets = [letters, kana, names];

  const aliases = catalog ? [...catalog.aliasIndex.entries()].sort((a, b) => b[0].length - a[0].length) : [];

  function toMatch(roleId: string, digits: string, length: number): IdMatch {
    const id = `${roleId}-${Number.parseInt(digits, 10)}`;
    return { id, known: catalog ? catalog.itemById.has(id) : false, length };
  }

  function run(regexes: (RegExp | null)[], s: string): { roleId: string; digits: string; length: number } | null {
    for (let k = 0; k < regexes.length; k++) {
      const m = regexes[k]?.exec(s);
      if (!m?.groups) continue;
      const gname = Object.keys(m.groups).find((g) => g !== 'num' && m.groups![g] !== undefined)!;
      const role = labelSets[k][Number(gname.slice(1))].role;
      return { roleId: role.id, digits: m.groups.num, length: m[0].length };
    }
    return null;
  }

  return {
    matchWhole(raw) {
      const s = normalize(raw);
      const alias = catalog?.aliasIndex.get(s.toUpperCase());
      if (alias) return { id: alias, known: true, length: raw.length };
      const m = run(whole, s);
      return m ? toMatch(m.roleId, m.digits, raw.length) : null;
    },
    matchLeading(raw) {
      const { text, sourceLength } = normalizePrefix(raw);
      const m = run(leading, text);
      if (m) return toMatch(m.roleId, m.digits, sourceLength(m.length));
      const upper = text.toUpperCase();
      for (const [alias, id] of aliases) {
        if (upper.startsWith(alias) && new RegExp(`^${LEADING_END}`).test(text.slice(alias.length))) {
          return { id, known: true, length: sourceLength(alias.length) };
        }
      }
      return null;
    },
  };
}

/**
 * NFKC-normalises the start of a heading code point by code point, remembering
 * where each normalised character came from so a token length can be mapped
 * back to the source text.
 */
function normalizePrefix(raw: string): { text: string; sourceLength: (n: number) => number } {
  const trimmed = raw.replace(/^\s+/, '');
  const lead = raw.length - trimmed.length;
  let text = '';
  const ends: number[] = []; // ends[i] = source index just after normalised char i
  let i = 0;
  for (const cp of trimmed.slice(0, 64)) {
    i += cp.length;
    const n = cp.normalize('NFKC');
    for (let k = 0; k < n.length; k++) ends.push(lead + i);
    text += n;
  }
  return { text, sourceLength: (n) => (n === 0 ? lead : ends[n - 1]) };
}

/** Nearest catalog IDs to a string that is not one of them (for the quick fix). */
export function suggestIds(raw: string, catalog: Catalog, grammar: IdGrammar, max = 3): string[] {
  const ids = [...catalog.itemById.keys()];
  const m = grammar.matchWhole(raw);
  if (m) {
    const [role, num] = [m.id.split('-')[0], Number(m.id.split('-')[1])];
    const same = ids
      .filter((id) => id.startsWith(`${role}-`))
      .sort((a, b) => Math.abs(Number(a.split('-')[1]) - num) - Math.abs(Number(b.split('-')[1]) - num));
    if (same.length) return same.slice(0, max);
  }
  const s = normalize(raw).toUpperCase();
  return ids
    .map((id) => ({ id, d: distance(s, id) }))
    .sort((a, b) => a.d - b.d || catalog.order.get(a.id)! - catalog.order.get(b.id)!)
    .slice(0, max)
    .map((x) => x.id);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
