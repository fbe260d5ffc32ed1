// Where the front-matter is, and whether the file is a policy at all — decided
// on the raw text, so a policy with broken YAML is still recognised.

export interface FrontMatterBlock {
  /** Offset of the first character of the YAML content. */
  contentStart: number;
  /** Offset just after the YAML content (start of the closing fence line). */
  contentEnd: number;
  /** Offset where the Markdown body starts. */
  bodyStart: number;
  closed: boolean;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*(?:\r?\n|$)/gm;
const CONTROLS_LINE = /^controls:/m;

export function locateFrontMatter(text: string): FrontMatterBlock | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const contentStart = open[0].length;
  CLOSE.lastIndex = contentStart;
  const close = CLOSE.exec(text);
  if (!close) return { contentStart, contentEnd: text.length, bodyStart: text.length, closed: false };
  return { contentStart, contentEnd: close.index, bodyStart: close.index + close[0].length, closed: true };
}

/** A policy file: Markdown whose front-matter has a column-0 `controls:` line. */
export function isPolicyText(text: string, fm = locateFrontMatter(text)): boolean {
  return fm !== null && CONTROLS_LINE.test(text.slice(fm.contentStart, fm.contentEnd));
}
