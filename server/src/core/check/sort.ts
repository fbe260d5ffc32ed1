import type { Catalog } from '../catalog/types';
import type { Finding } from '../types';

/** File (UTF-16 order), position, code, then catalog order (no control last). */
export function sortFindings(findings: Finding[], catalog: Catalog | undefined): Finding[] {
  const rank = (f: Finding) => (f.controlId !== null && catalog?.order.has(f.controlId) ? catalog.order.get(f.controlId)! : Number.MAX_SAFE_INTEGER);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...findings].sort(
    (a, b) => cmp(a.file, b.file) || a.range.start - b.range.start || cmp(a.code, b.code) || rank(a) - rank(b) || a.range.end - b.range.end,
  );
}
