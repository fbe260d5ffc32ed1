// Body headings that name controls, and whether their sections answer them
// (SPEC §3, §9): only top-level headings count; a section runs to the next
// heading of the same or a higher level, or to any heading led by an ID.
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
  answered: boolean;
  /** The section's plain text (the answer as an auditor reads it). */
  text: string;
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

/** First text-bearing descendant: where the heading's leading token starts in the source. */
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

export function findSections(text: string, grammar: IdGrammar, isPlaceholder: PlaceholderTest): Section[] {
  const root = parser.parse(text) as Root;
  const blocks: RootContent[] = root.children;
  const headings = new Map<number, IdHeading>();
  blocks.forEach((b, i) => {
    if (b.type === 'heading') {
      const h = idHeading(b, i, grammar);
      if (h) headings.set(i, h);
    }
  });
  const sections: Section[] = [];
  for (const h of headings.values()) {
    const parts: string[] = [];
    for (let i = h.index + 1; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.type === 'heading' && (b.depth <= h.depth || headings.has(i))) break;
      parts.push(plainText(b));
    }
    const body = parts.join('\n');
    sections.push({ id: h.id, known: h.known, tokenRange: h.tokenRange, answered: !isPlaceholder(body), text: body.trim() });
  }
  return sections;
}
