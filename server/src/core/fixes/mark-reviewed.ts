// "Mark reviewed today" for a stale answer: the entry's own date when it has
// one (or can take one), else the document's date — and then the title says so.
import type { ControlEntry, PolicyModel } from '../policy/model';
import { detectEol } from '../text';
import { afterNullKey, columnOf, lineEnd, trimEnd, type TextEdit } from './edits';

export interface ReviewedEdit {
  target: 'entry' | 'document';
  edits: TextEdit[];
}

export function markReviewedEdits(text: string, model: PolicyModel, controlId: string, today: string): ReviewedEdit | null {
  const entry = model.entries.find((e) => e.id === controlId);
  if (!entry) return null;
  if (entry.reviewed) return { target: 'entry', edits: [{ start: entry.reviewed.range.start, end: entry.reviewed.range.end, newText: today }] };
  const own = entry.form === 'map' ? entryDateEdits(text, entry, today) : null;
  if (own) return { target: 'entry', edits: own };
  if (!model.reviewed) return null;
  return { target: 'document', edits: [{ start: model.reviewed.range.start, end: model.reviewed.range.end, newText: today }] };
}

/** Gives a mapping-form entry its own `reviewed:`; null when that would mean re-indenting a block scalar. */
function entryDateEdits(text: string, entry: ControlEntry, today: string): TextEdit[] | null {
  const eol = detectEol(text);
  const childIndent = ' '.repeat(columnOf(text, entry.keyRange.start) + 2);
  const v = entry.valueRange;
  if (!v) {
    const { end, clear } = afterNullKey(text, entry.keyRange.end);
    return [...clear, { start: end, end, newText: `${eol}${childIndent}reviewed: ${today}` }];
  }
  const last = trimEnd(text, v.end, v.start);
  if (entry.valueKind === 'flowMap') {
    const close = last - 1;
    const inner = text.slice(v.start + 1, close).trim();
    return [{ start: close, end: close, newText: `${inner ? ', ' : ''}reviewed: ${today}` }];
  }
  if (entry.valueKind === 'blockMap') {
    const indent = ' '.repeat(columnOf(text, v.start));
    const end = lineEnd(text, last - 1);
    return [{ start: end, end, newText: `${eol}${indent}reviewed: ${today}` }];
  }
  const raw = text.slice(v.start, last);
  if (entry.valueKind !== 'string' || raw.includes('\n')) return null;
  // A one-line string answer becomes `answer:` plus `reviewed:`, the value kept as written.
  const colon = text.indexOf(':', entry.keyRange.end);
  return [{ start: colon + 1, end: last, newText: `${eol}${childIndent}answer: ${raw}${eol}${childIndent}reviewed: ${today}` }];
}
