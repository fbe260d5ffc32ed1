// Offsets → 1-based line/column (UTF-16 code units, end exclusive), the form
// every CLI output uses.
import { LineIndex } from '../text';
import type { Finding } from '../types';

export interface LocatedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function positionOf(idx: LineIndex, start: number, end: number): NonNullable<Finding['position']> {
  const s = idx.positionAt(start);
  const e = idx.positionAt(end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

export function locateFindings(findings: Finding[], textOf: (file: string) => string | undefined): LocatedFinding[] {
  const cache = new Map<string, LineIndex>();
  return findings.map((f) => {
    if (f.position) return { ...f, ...f.position };
    let idx = cache.get(f.file);
    if (!idx) cache.set(f.file, (idx = new LineIndex(textOf(f.file) ?? '')));
    const s = idx.positionAt(f.range.start);
    const e = idx.positionAt(f.range.end);
    return { ...f, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  });
}
