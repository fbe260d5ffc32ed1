// Quick fixes as plain data: offset-based text edits that the LSP layer turns
// into a WorkspaceEdit. Edits are minimal: they insert or replace only what the
// fix is about, in the file's own line ending and indentation.

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  kind: 'quickfix' | 'source';
  edits: TextEdit[];
  isPreferred?: boolean;
}

/** Applies edits (non-overlapping) to a text; used by tests and the CLI-free paths. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End of the line holding `offset` (before its \r\n or \n). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl === -1 ? text.length : nl;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The last non-blank character before `end` (ranges of block nodes may end after a line break). */
export function trimEnd(text: string, end: number, floor: number): number {
  let e = end;
  while (e > floor && /\s/.test(text[e - 1])) e--;
  return e;
}

/**
 * Where new child lines go after `key:` whose value is null: the end of the
 * key's line, plus an edit removing an explicit `~`/`null` (a comment stays).
 */
export function afterNullKey(text: string, keyEnd: number): { end: number; clear: TextEdit[] } {
  const colon = text.indexOf(':', keyEnd);
  const end = lineEnd(text, keyEnd);
  const rest = text.slice(colon + 1, end);
  const hash = rest.search(/(^|\s)#/);
  const value = hash === -1 ? rest : rest.slice(0, hash);
  const clear = value.trim() ? [{ start: colon + 1, end: colon + 1 + value.length, newText: hash === -1 ? '' : ' ' }] : [];
  return { end, clear };
}
