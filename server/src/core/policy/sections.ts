// Body headings that name controls, and whether their sections answer them
// (SPEC §3, §9): only top-level headings count; a section runs to the next
// heading of the same or a higher level, or to any heading led by an ID.
//
// Two ways to find them, with identical results (a property test compares
// them): a fence-aware line scanner for the plain Markdown most policies are
// written in, and remark on the whole body for everything else. Section text
// is only worked out when someone needs it — through a plain-text shortcut for
// simple paragraphs, else remark on that section's slice.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Heading as MdHeading, Nodes, Root, RootContent } from 'mdast';
import type { IdGrammar } from '../catalog/ids';
import type { PlaceholderTest } from '../placeholders';
import type { Range } from '../types';

export interface Section {
  id: string;
  known: boolean;
  tokenRange: Range;
  /** Whether the section answers its control (false when its text was not needed). */
  answered: boolean;
  /** The section's plain text, when it was needed. */
  text: string;
}

/** Which sections' text matters (a listed control not answered in the front-matter, or a table). */
export type NeedText = (id: string) => boolean;

export interface SectionOptions {
  grammar: IdGrammar;
  isPlaceholder: PlaceholderTest;
  needText: NeedText;
  /** 'remark': always the full parse (the reference the scanner is tested against). */
  mode?: 'auto' | 'remark';
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Plain text of a node, HTML comments removed (the only markup that is dropped). */
function plainText(node: Nodes): string {
  if (node.type === 'html') return node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return '';
}

function finish(id: string, known: boolean, tokenRange: Range, needed: boolean, text: () => string, isPlaceholder: PlaceholderTest): Section {
  if (!needed) return { id, known, tokenRange, answered: false, text: '' };
  const body = text();
  return { id, known, tokenRange, answered: !isPlaceholder(body), text: body.trim() };
}

export function findSections(text: string, bodyStart: number, opts: SectionOptions): Section[] {
  if (opts.mode !== 'remark') {
    const scanned = scanSections(text, bodyStart, opts);
    if (scanned) return scanned;
  }
  return remarkSections(text, opts);
}

// ---------------------------------------------------------------- remark path

function firstTextNode(node: Nodes): { value: string; offset: number } | null {
  if ((node.type === 'text' || node.type === 'inlineCode') && node.position?.start.offset != null) {
    return { value: node.value, offset: node.position.start.offset };
  }
  if ('children' in node) {
    for (const c of node.children as Nodes[]) {
      const t = firstTextNode(c);
      if (t) return t;
    }
  }
  return null;
}

interface IdHeading {
  index: number;
  depth: number;
  id: string;
  known: boolean;
  tokenRange: Range;
}

function idHeading(node: MdHeading, index: number, grammar: IdGrammar): IdHeading | null {
  const first = firstTextNode(node);
  if (!first) return null;
  const m = grammar.matchLeading(plainText(node));
  if (!m) return null;
  const lead = first.value.length - first.value.replace(/^\s+/, '').length;
  const start = first.offset + lead;
  return { index, depth: node.depth, id: m.id, known: m.known, tokenRange: { start, end: start + m.length - lead } };
}

function remarkSections(text: string, opts: SectionOptions): Section[] {
  const root = parser.parse(text) as Root;
  const blocks: RootContent[] = root.children;
  const headings = new Map<number, IdHeading>();
  blocks.forEach((b, i) => {
    if (b.type === 'heading') {
      const h = idHeading(b, i, opts.grammar);
      if (h) headings.set(i, h);
    }
  });
  return [...headings.values()].map((h) =>
    finish(h.id, h.known, h.tokenRange, opts.needText(h.id), () => {
      const parts: string[] = [];
      for (let i = h.index + 1; i < blocks.length; i++) {
        const b = blocks[i];
        if (b.type === 'heading' && (b.depth <= h.depth || headings.has(i))) break;
        parts.push(plainText(b));
      }
      return parts.join('\n');
    }, opts.isPlaceholder),
  );
}

// --------------------------------------------------------------- scanner path

const ATX = /^(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^(`{3,}|~{3,})/;
/** Characters that make inline content more than plain text. */
const INLINE_MARKUP = /[*_`\\[\]<>!&~|]/;

interface ScanHeading {
  lineIndex: number;
  depth: number;
  id: string | null;
  known: boolean;
  tokenRange: Range | null;
}

/**
 * The line scanner: null when the body holds anything it does not decide with
 * certainty (indented or setext headings, HTML blocks, indented fences, tabs,
 * markup inside a heading's first token), so remark decides those files.
 */
function scanSections(text: string, bodyStart: number, opts: SectionOptions): Section[] | null {
  const lines: { start: number; end: number }[] = [];
  for (let s = bodyStart; s < text.length; ) {
    const nl = text.indexOf('\n', s);
    const next = nl === -1 ? text.length : nl + 1;
    let end = nl === -1 ? text.length : nl;
    if (end > s && text[end - 1] === '\r') end--;
    lines.push({ start: s, end });
    s = next;
  }
  const headings: ScanHeading[] = [];
  let fence: { char: string; length: number } | null = null;
  let previousParagraph = false;
  for (let i = 0; i < lines.length; i++) {
    const line = text.slice(lines[i].start, lines[i].end);
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && line.slice(close[1].length).trim() === '') {
        fence = null;
        previousParagraph = false;
      }
      continue;
    }
    if (line.trim() === '') {
      previousParagraph = false;
      continue;
    }
    if (/^<!--.*-->\s*$/.test(line) && !line.slice(4).includes('<!--')) {
      previousParagraph = false; // a one-line HTML comment block
      continue;
    }
    if (line[0] === '\t' || /^ {1,3}(#|`{3}|~{3}|<)/.test(line) || line[0] === '<') return null;
    if (/^ {0,3}(=+|-+)[ \t]*$/.test(line) && previousParagraph) return null; // a setext heading, or a list edge case
    const open = FENCE.exec(line);
    if (open) {
      if (open[1][0] === '`' && line.slice(open[1].length).includes('`')) return null;
      fence = { char: open[1][0], length: open[1].length };
      previousParagraph = false;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      const content = line.slice(atx[0].length);
      const firstToken = content.split(/\s/, 1)[0];
      if (INLINE_MARKUP.test(firstToken)) return null;
      const m = opts.grammar.matchLeading(content);
      const tokenStart = lines[i].start + atx[0].length;
      headings.push({ lineIndex: i, depth: atx[1].length, id: m?.id ?? null, known: m?.known ?? false, tokenRange: m ? { start: tokenStart, end: tokenStart + m.length } : null });
      previousParagraph = false;
      continue;
    }
    previousParagraph = !/^ {0,3}([-*+]|\d{1,9}[.)])( |$)/.test(line) && !/^ {0,3}>/.test(line) && !/^ {4}/.test(line);
  }
  // A reference definition anywhere can change a section's plain text: then remark must see the whole body.
  const hasDefinitions = lines.some((l) => /^ {0,3}\[[^\]]+\]:/.test(text.slice(l.start, l.end)));
  if (hasDefinitions && headings.some((h) => h.id && opts.needText(h.id))) return null;

  const sections: Section[] = [];
  headings.forEach((h, k) => {
    if (!h.id || !h.tokenRange) return;
    let endLine = lines.length;
    for (let j = k + 1; j < headings.length; j++) {
      if (headings[j].depth <= h.depth || headings[j].id) {
        endLine = headings[j].lineIndex;
        break;
      }
    }
    const startOffset = h.lineIndex + 1 < lines.length ? lines[h.lineIndex + 1].start : text.length;
    const endOffset = endLine < lines.length ? lines[endLine].start : text.length;
    sections.push(finish(h.id, h.known, h.tokenRange, opts.needText(h.id), () => sliceText(text.slice(startOffset, endOffset)), opts.isPlaceholder));
  });
  return sections;
}

/** Plain text of a section's slice: simple paragraphs directly, anything else through remark. */
function sliceText(slice: string): string {
  // Lines with the break that follows each: remark keeps a paragraph's own line breaks (\r\n too).
  const parts = slice.split(/(\r?\n)/);
  const lines: { text: string; eol: string }[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push({ text: parts[i], eol: parts[i + 1] ?? '' });
  const simple = lines.every(({ text: l }) => l === '' || (!INLINE_MARKUP.test(l) && !/^[\s#>+=\-0-9]/.test(l) && !/\s$/.test(l) && !l.includes('#')));
  if (simple) {
    const paragraphs: string[] = [];
    let current = '';
    let open = false;
    for (let i = 0; i < lines.length; i++) {
      const { text: l } = lines[i];
      if (l === '') {
        if (open) paragraphs.push(current);
        current = '';
        open = false;
      } else {
        current += open ? lines[i - 1].eol + l : l;
        open = true;
      }
    }
    if (open) paragraphs.push(current);
    return paragraphs.join('\n');
  }
  const root = parser.parse(slice) as Root;
  return root.children.map((b) => plainText(b)).join('\n');
}
