// Parses one policy file into a PolicyModel: front-matter through the `yaml`
// Document API (source ranges, duplicate keys kept), body through remark.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { SEVERITY, STATUSES, type Finding, type FindingCode, type Range, type Status } from '../types';
import { message, type MessageId } from '../messages';
import { normalize } from '../text';
import { parseDay } from '../dates';
import { suggestIds } from '../catalog/ids';
import { locateFrontMatter, isPolicyText } from './frontmatter';
import { findSections } from './sections';
import { fastParseYaml } from './fast-yaml';
import { isNullish, keyedPairs, rangeOf, scalarText } from './yaml-nodes';
import type { ControlEntry, DateField, PolicyModel } from './model';
import type { ParseContext } from './context';

/** Parses `text` if it is a policy file; null for any other Markdown. */
export function parsePolicy(path: string, text: string, ctx: ParseContext): PolicyModel | null {
  const fm = locateFrontMatter(text);
  if (!fm || !isPolicyText(text, fm)) return null;
  const model: PolicyModel = {
    path,
    findings: [],
    broken: false,
    entries: [],
    headings: [],
    layout: { frontMatter: null, controlsKeyRange: null, controlsValueRange: null, controlsForm: null },
  };
  const add = (code: FindingCode, range: Range, controlId: string | null, id: MessageId, args: Record<string, string | number> = {}, data?: Finding['data']) =>
    model.findings.push({ code, severity: SEVERITY[code], file: path, range, controlId, message: message(ctx.lang, id, args), data });
  const bad = (range: Range, id: MessageId, args: Record<string, string | number> = {}, controlId: string | null = null) =>
    add('invalid-front-matter', range, controlId, id, args);

  if (!fm.closed) {
    model.broken = true;
    bad({ start: 0, end: 3 }, 'unclosedFrontMatter');
    return model;
  }
  model.layout.frontMatter = { contentStart: fm.contentStart, contentEnd: fm.contentEnd };
  const base = fm.contentStart;
  const src = text.slice(fm.contentStart, fm.contentEnd);
  const fast = ctx.fastYaml === false ? null : fastParseYaml(src);
  const doc = fast ? { contents: fast, errors: [] as { pos: [number, number]; message: string }[] } : parseDocument(src, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    model.broken = true;
    for (const e of doc.errors) bad(widen(text, base + e.pos[0], base + e.pos[1], fm.contentStart, fm.contentEnd), 'yamlError', { detail: e.message.split('\n')[0] });
    return model;
  }
  const whole: Range = { start: fm.contentStart, end: fm.contentEnd };
  const root = doc.contents;
  if (!isMap(root)) {
    model.broken = true;
    bad(rangeOf(root as Node | null, base, whole), 'frontMatterNotMap');
    return model;
  }
  const r = (node: unknown, fallback: Range = whole) => rangeOf(node as Node | null, base, fallback);

  const readDate = (node: unknown): DateField | undefined => {
    if (isNullish(node)) return undefined;
    const range = r(node);
    const raw = scalarText(node, src) ?? text.slice(range.start, range.end);
    // Only a string scalar can be a date: YAML numbers and the like are not.
    const day = isScalar(node) && typeof node.value === 'string' ? parseDay(node.value) : null;
    return { range, raw, day };
  };

  let controlsPair: { key: unknown; value: unknown } | null = null;
  for (const { key, pair, keyNode, duplicateOf } of keyedPairs(root, src)) {
    if (duplicateOf) {
      bad(r(keyNode), 'duplicateKey', { key });
      continue;
    }
    const v = pair.value;
    switch (key) {
      case 'title':
        if (isScalar(v) && typeof v.value === 'string') model.title = v.value;
        break;
      case 'reviewed':
        model.reviewed = readDate(v);
        break;
      case 'review_interval_days': {
        if (isNullish(v)) break;
        if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 1) model.reviewIntervalDays = v.value;
        else bad(r(v), 'intervalShape', { key, min: 1 });
        break;
      }
      case 'scope':
        model.scope = readScope(v, r(keyNode));
        break;
      case 'controls':
        controlsPair = { key: keyNode, value: v };
        break;
    }
  }

  function readScope(v: unknown, keyRange: Range): PolicyModel['scope'] {
    const roles: string[] = [];
    if (isNullish(v)) return undefined;
    const items = isSeq(v) ? v.items : [v];
    for (const item of items) {
      const text = scalarText(item, src);
      const role = text === null ? undefined : roleOf(text);
      if (role) {
        if (!roles.includes(role)) roles.push(role);
      } else {
        bad(r(item), 'scopeShape', { value: text ?? '?', roles: ctx.roles.map((x) => x.id).join(', ') });
      }
    }
    return { keyRange, roles };
  }

  function roleOf(raw: string): string | undefined {
    const s = normalize(raw);
    const found = ctx.roles.find((role) => {
      const forms = [role.id, role.name, ...(role.aliases ?? [])];
      if (role.label) forms.push(role.label, `(${role.label})`);
      return forms.some((f) => normalize(f).toUpperCase() === s.toUpperCase());
    });
    return found?.id;
  }

  if (controlsPair) readControls(controlsPair.key, controlsPair.value);

  function readControls(keyNode: unknown, v: unknown) {
    model.layout.controlsKeyRange = r(keyNode);
    model.layout.controlsValueRange = isNullish(v) ? null : r(v);
    if (isNullish(v)) {
      model.layout.controlsForm = 'empty';
      return;
    }
    const firstLine = new Map<string, number>();
    const take = (raw: string, keyRange: Range): string | null => {
      const m = ctx.grammar.matchWhole(raw);
      if (!m || (ctx.catalog && !m.known)) {
        if (ctx.catalog) {
          const suggestions = suggestIds(raw, ctx.catalog, ctx.grammar);
          add('unknown-control', keyRange, null, 'unknownControl', { raw, catalog: ctx.catalogId, suggest: suggestions.join(', ') }, { suggestions });
        }
        return null;
      }
      const prev = firstLine.get(m.id);
      if (prev !== undefined) {
        add('duplicate-control', keyRange, m.id, 'duplicateControl', { id: m.id, line: lineOf(text, prev) });
        return null;
      }
      firstLine.set(m.id, keyRange.start);
      return m.id;
    };
    if (isSeq(v)) {
      model.layout.controlsForm = 'list';
      for (const item of v.items) {
        const raw = scalarText(item, src);
        if (raw === null || isNullish(item)) {
          bad(r(item), 'listItemNotString');
          continue;
        }
        const id = take(raw, r(item));
        if (id) model.entries.push(newEntry(id, 'list', r(item), r(item), null));
      }
      return;
    }
    if (!isMap(v)) {
      bad(r(v), 'controlsShape');
      return;
    }
    model.layout.controlsForm = 'map';
    for (const pair of v.items) {
      const keyRange = r(pair.key);
      const raw = isScalar(pair.key) ? scalarText(pair.key, src) : null;
      if (raw === null) {
        bad(keyRange, 'controlsShape');
        continue;
      }
      const id = take(raw, keyRange);
      if (!id) continue;
      const valueNode = pair.value as Node | null;
      const itemEnd = valueNode?.range ? base + valueNode.range[1] : keyRange.end;
      const entry = newEntry(id, 'map', keyRange, { start: keyRange.start, end: itemEnd }, isNullish(valueNode) ? null : r(valueNode));
      model.entries.push(entry);
      readEntryValue(entry, valueNode);
    }
  }

  function newEntry(id: string, form: ControlEntry['form'], keyRange: Range, itemRange: Range, valueRange: Range | null): ControlEntry {
    return { id, form, keyRange, itemRange, valueRange, valueKind: 'null', invalid: false, answered: false, answerOffset: null, answerTexts: [], status: undefined };
  }

  function readEntryValue(entry: ControlEntry, v: unknown) {
    entry.valueKind = valueKind(v);
    if (isNullish(v)) return;
    if (isAlias(v)) {
      entry.invalid = true;
      return bad(r(v), 'aliasNotAllowed', {}, entry.id);
    }
    if (isScalar(v)) {
      if (typeof v.value !== 'string') {
        entry.invalid = true;
        return bad(r(v), 'entryShape', { id: entry.id }, entry.id);
      }
      return answerWith(entry, v.value);
    }
    if (!isMap(v)) {
      entry.invalid = true;
      return bad(r(v), 'entryShape', { id: entry.id }, entry.id);
    }
    readEntryMap(entry, v);
  }

  function readEntryMap(entry: ControlEntry, map: YAMLMap) {
    for (const { key, pair, keyNode, duplicateOf } of keyedPairs(map, src)) {
      if (duplicateOf) {
        bad(r(keyNode), 'duplicateKey', { key }, entry.id);
        continue;
      }
      const v = pair.value;
      if (isAlias(v)) {
        bad(r(v), 'aliasNotAllowed', {}, entry.id);
        continue;
      }
      switch (key) {
        case 'status': {
          if (isNullish(v)) break;
          const s = isScalar(v) && typeof v.value === 'string' ? v.value : null;
          if (s !== null && (STATUSES as readonly string[]).includes(s)) entry.status = s as Status;
          else {
            entry.status = null;
            add('invalid-status', r(v), entry.id, 'invalidStatus', { value: s ?? scalarText(v, src) ?? '?' });
          }
          break;
        }
        case 'answer':
          if (isNullish(v)) break;
          if (isScalar(v) && typeof v.value === 'string') answerWith(entry, v.value);
          else bad(r(v), 'answerNotString', { id: entry.id }, entry.id);
          break;
        case 'reviewed':
          entry.reviewed = readDate(v);
          break;
        case 'evidence': {
          if (isNullish(v)) break;
          const ok = (isScalar(v) && typeof v.value === 'string') || (isSeq(v) && v.items.every((i) => isScalar(i) && typeof i.value === 'string'));
          if (!ok) bad(r(v), 'evidenceShape', { id: entry.id }, entry.id);
          break;
        }
      }
    }
  }

  function answerWith(entry: ControlEntry, answer: string) {
    if (!ctx.isPlaceholder(answer)) {
      entry.answered = true;
      entry.answerOffset = entry.keyRange.start;
      // Kept only for the self-check table: a slice would keep the whole file's text alive.
      if (ctx.sectionTexts) entry.answerTexts.push(answer.trim());
    }
  }

  // The body: sections answer listed controls; other catalog IDs are unlisted.
  const byId = new Map(model.entries.map((e) => [e.id, e]));
  const needText = (id: string) => ctx.sectionTexts === true ? byId.has(id) : byId.get(id)?.answered === false;
  for (const s of findSections(text, fm.bodyStart, { grammar: ctx.grammar, isPlaceholder: ctx.isPlaceholder, needText, mode: ctx.sectionMode })) {
    model.headings.push(s);
    const entry = byId.get(s.id);
    if (entry) {
      if (s.answered) {
        if (!entry.answered) entry.answerOffset = s.tokenRange.start;
        entry.answered = true;
        if (ctx.sectionTexts) entry.answerTexts.push(s.text);
      }
    } else if (s.known) {
      add('unlisted-heading', s.tokenRange, s.id, 'unlistedHeading', { id: s.id });
    }
  }
  return model;
}

function valueKind(v: unknown): ControlEntry['valueKind'] {
  if (isNullish(v)) return 'null';
  if (isScalar(v)) return v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED' ? 'blockString' : typeof v.value === 'string' ? 'string' : 'other';
  if (isMap(v)) return v.flow ? 'flowMap' : 'blockMap';
  return 'other';
}

/** 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A parser position is often one character, or the line break after the
 * culprit: widen it to the token it points at, or else the rest of the line.
 */
function widen(text: string, start: number, end: number, from: number, limit: number): Range {
  start = Math.min(Math.max(start, from), limit);
  end = Math.min(Math.max(end, start), limit);
  const restOfLine = /^[^\S\r\n]*(?:\r?\n|$)/.test(text.slice(start, limit));
  if (restOfLine) {
    // Pointing at the end of a line (an unterminated value): take the token before it.
    let e = start;
    while (e > from && /\s/.test(text[e - 1])) e--;
    if (e > from) {
      let s = e;
      while (s > from && !/\s/.test(text[s - 1])) s--;
      return { start: s, end: e };
    }
  }
  if (end - start > 1) return { start, end };
  let e = start;
  while (e < limit && !/\s/.test(text[e])) e++;
  if (e === start) while (e < limit && text[e] !== '\n' && text[e] !== '\r') e++;
  return { start, end: Math.max(e, end) };
}
