// A fast path for the plain front-matter most policies have: `key: value`
// lines, nested mappings and one-line flow lists of plain scalars. It builds
// the same `yaml` nodes (Scalar, YAMLMap, YAMLSeq, Pair) with the same source
// ranges that `parseDocument` would, and gives up (null) on anything else —
// quotes, comments, anchors, block scalars, multi-line values, tabs, numbers
// in exotic notations — so the `yaml` Document API decides every hard case.
// A property test checks that both paths give identical models and findings.
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

interface Line {
  start: number;
  /** End of the content (before \r\n or \n). */
  end: number;
  /** After the line break. */
  next: number;
  indent: number;
}

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
// Numbers in other notations (floats, hex, octal, .inf, .nan): leave them to `yaml`.
const OTHER_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters that may not start a plain scalar here (YAML indicators, quotes). */
const BAD_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

class GiveUp extends Error {}

function resolvePlain(raw: string): unknown {
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (INT.test(raw)) {
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw new GiveUp();
    return n;
  }
  if (OTHER_NUMBER.test(raw)) throw new GiveUp();
  return raw;
}

function scalar(value: unknown, start: number, end: number, nodeEnd: number): Scalar {
  const s = new Scalar(value);
  s.type = 'PLAIN';
  s.range = [start, end, nodeEnd];
  return s;
}

export function fastParseYaml(src: string): YAMLMap | null {
  if (src.includes('\t') || src.includes('#') || src.includes('\r') && /\r(?!\n)/.test(src)) return null;
  const lines: Line[] = [];
  for (let start = 0; start < src.length; ) {
    const nl = src.indexOf('\n', start);
    const next = nl === -1 ? src.length : nl + 1;
    let end = nl === -1 ? src.length : nl;
    if (end > start && src[end - 1] === '\r') end--;
    let indent = 0;
    while (src[start + indent] === ' ') indent++;
    lines.push({ start, end, next, indent });
    start = next;
  }
  const content = lines.filter((l) => l.end > l.start + l.indent);
  if (content.length === 0 || content.length !== lines.length) return null; // blank lines: let yaml decide
  try {
    const [map, used] = parseMap(src, content, 0, 0);
    return used === content.length ? map : null;
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

/** A block mapping whose keys sit at `indent`, from content line `i`. Returns the map and the next line index. */
function parseMap(src: string, lines: Line[], i: number, indent: number): [YAMLMap, number] {
  const map = new YAMLMap();
  while (i < lines.length && lines[i].indent === indent) {
    const line = lines[i];
    const text = src.slice(line.start + indent, line.end);
    const colon = text.indexOf(': ');
    const keyEnd = colon === -1 ? (text.endsWith(':') ? text.length - 1 : -1) : colon;
    if (keyEnd <= 0) throw new GiveUp();
    const keyText = text.slice(0, keyEnd);
    if (BAD_START.test(keyText) || keyText.endsWith(' ') || keyText.includes(':')) throw new GiveUp();
    const keyStart = line.start + indent;
    const key = scalar(resolvePlain(keyText), keyStart, keyStart + keyEnd, keyStart + keyEnd);
    if (typeof key.value !== 'string') throw new GiveUp();
    const rest = text.slice(keyEnd + 1);
    const valueText = rest.trim();
    let value: Scalar | YAMLMap | YAMLSeq;
    if (valueText === '') {
      const pos = line.end;
      const child = lines[i + 1];
      if (child && child.indent > indent) {
        const [inner, next] = parseMap(src, lines, i + 1, child.indent);
        value = inner;
        i = next;
      } else {
        value = scalar(null, pos, pos, pos);
        i++;
      }
    } else {
      const vStart = line.start + indent + keyEnd + 1 + (rest.length - rest.trimStart().length);
      const vEnd = vStart + valueText.length;
      value = valueText.startsWith('[') ? flowSeq(valueText, vStart, vEnd, line.next) : plainValue(valueText, vStart, vEnd, line.next);
      i++;
      if (i < lines.length && lines[i].indent > indent) throw new GiveUp(); // a multi-line value
    }
    map.items.push(new Pair(key, value));
  }
  if (map.items.length === 0) throw new GiveUp();
  const first = (map.items[0].key as Scalar).range![0];
  const lastValue = map.items[map.items.length - 1].value as Scalar | YAMLMap | YAMLSeq;
  const end = lastValue.range![2];
  map.range = [first, end, end];
  return [map, i];
}

function plainValue(text: string, start: number, end: number, next: number): Scalar {
  if (BAD_START.test(text) || text.includes(': ') || text.endsWith(':')) throw new GiveUp();
  return scalar(resolvePlain(text), start, end, next);
}

function flowSeq(text: string, start: number, end: number, next: number): YAMLSeq {
  if (!text.endsWith(']')) throw new GiveUp();
  const seq = new YAMLSeq();
  seq.flow = true;
  const inner = text.slice(1, -1);
  if (/[[\]{}:"']/.test(inner)) throw new GiveUp();
  if (inner.trim() !== '') {
    let offset = start + 1;
    for (const part of inner.split(',')) {
      const item = part.trim();
      if (item === '' || BAD_START.test(item)) throw new GiveUp();
      const s = offset + (part.length - part.trimStart().length);
      const e = s + item.length;
      seq.items.push(scalar(resolvePlain(item), s, e, e));
      offset += part.length + 1;
    }
  }
  seq.range = [start, end, next];
  return seq;
}
