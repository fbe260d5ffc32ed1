// Inserting controls into a policy's `controls:` (missing in scope, uncovered,
// an unlisted heading), each carrying its item text as a YAML comment.
import type { Catalog } from '../catalog/types';
import type { PolicyModel } from '../policy/model';
import { detectEol } from '../text';
import { afterNullKey, columnOf, lineEnd, trimEnd, type TextEdit } from './edits';

function comment(catalog: Catalog, id: string): string {
  const text = catalog.itemById.get(id)?.text ?? '';
  return text ? ` # ${text.replace(/\s+/g, ' ')}` : '';
}

/**
 * Edits that list `ids` (those already listed are skipped, so a second
 * application changes nothing). Null when the file cannot take them.
 */
export function insertControlsEdits(text: string, model: PolicyModel, ids: string[], catalog: Catalog): TextEdit[] | null {
  const listed = new Set(model.entries.map((e) => e.id));
  const todo = [...new Set(ids)].filter((id) => !listed.has(id)).sort((a, b) => (catalog.order.get(a) ?? 0) - (catalog.order.get(b) ?? 0));
  if (todo.length === 0) return [];
  if (model.broken) return null;
  const eol = detectEol(text);
  const { controlsForm: form, controlsKeyRange: keyRange, controlsValueRange: valueRange } = model.layout;
  if (!keyRange) return null;

  if (form === 'empty' || !valueRange) {
    // `controls:` (or `controls: ~`): entries go on the following lines, indented two spaces.
    const { end, clear } = afterNullKey(text, keyRange.end);
    const edits: TextEdit[] = [...clear];
    const indent = ' '.repeat(columnOf(text, keyRange.start) + 2);
    edits.push({ start: end, end, newText: todo.map((id) => `${eol}${indent}${id}:${comment(catalog, id)}`).join('') });
    return edits;
  }

  const first = text[valueRange.start];
  const last = trimEnd(text, valueRange.end, valueRange.start);
  if (first === '[' || first === '{') {
    // A flow collection: add before its closing bracket; comments go on lines after it.
    const close = last - 1;
    const inner = text.slice(valueRange.start + 1, close).trim();
    const items = todo.map((id) => (first === '[' ? id : `${id}: {}`)).join(', ');
    const edits: TextEdit[] = [{ start: close, end: close, newText: `${inner ? ', ' : ''}${items}` }];
    const end = lineEnd(text, close);
    const indent = ' '.repeat(columnOf(text, keyRange.start));
    edits.push({ start: end, end, newText: todo.map((id) => `${eol}${indent}# ${id}${comment(catalog, id).replace(/^ #/, '')}`).join('') });
    return edits;
  }
  // A block mapping or sequence: new lines after its last line, at its indentation.
  const indent = ' '.repeat(columnOf(text, valueRange.start));
  const end = lineEnd(text, last - 1);
  const line = (id: string) => (form === 'list' ? `${indent}- ${id}${comment(catalog, id)}` : `${indent}${id}:${comment(catalog, id)}`);
  return [{ start: end, end, newText: todo.map((id) => `${eol}${line(id)}`).join('') }];
}
