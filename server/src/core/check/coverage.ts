// Coverage of the active catalog by the answers of every policy (SPEC §6/§7).
import type { Catalog } from '../catalog/types';
import type { Status } from '../types';
import type { Answer } from './evaluate';

export interface AnsweredBy {
  file: string;
  line: number;
  status: Status | null;
}

export interface ControlCoverage {
  id: string;
  covered: boolean;
  stale: boolean;
  answeredBy: AnsweredBy[];
  /** The answers themselves (texts, dates) for the self-check table; not part of the JSON. */
  answers: Answer[];
}

export interface Coverage {
  covered: number;
  stale: number;
  total: number;
  percent: number;
  byRole: Record<string, { covered: number; total: number }>;
  byCategory: { name: string; nameEn: string; covered: number; total: number }[];
}

/** Rounded down to one decimal, in integers so 40/43 is 93.0 and never 93.1. */
export function percentOf(covered: number, total: number): number {
  return total === 0 ? 0 : Math.floor((covered * 1000) / total) / 10;
}

export function computeCoverage(catalog: Catalog | undefined, answers: Answer[]): { coverage: Coverage; controls: ControlCoverage[] } {
  if (!catalog) return { coverage: { covered: 0, stale: 0, total: 0, percent: 0, byRole: {}, byCategory: [] }, controls: [] };
  const byControl = new Map<string, Answer[]>();
  for (const a of answers) {
    if (!catalog.itemById.has(a.controlId)) continue;
    const list = byControl.get(a.controlId) ?? [];
    list.push(a);
    byControl.set(a.controlId, list);
  }
  const byRole: Coverage['byRole'] = Object.fromEntries(catalog.roles.map((r) => [r.id, { covered: 0, total: 0 }]));
  const byCategory = catalog.categories.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn ?? c.name, covered: 0, total: 0 }));
  const controls: ControlCoverage[] = [];
  let covered = 0;
  let stale = 0;
  for (const item of catalog.items) {
    const list = (byControl.get(item.id) ?? []).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
    const isCovered = list.length > 0;
    const isStale = isCovered && list.every((a) => a.stale);
    const cat = byCategory.find((c) => c.id === item.category)!;
    byRole[item.role].total++;
    cat.total++;
    if (isCovered) {
      covered++;
      byRole[item.role].covered++;
      cat.covered++;
    }
    if (isStale) stale++;
    controls.push({ id: item.id, covered: isCovered, stale: isStale, answeredBy: list.map((a) => ({ file: a.file, line: a.line, status: a.status })), answers: list });
  }
  return {
    coverage: {
      covered,
      stale,
      total: catalog.items.length,
      percent: percentOf(covered, catalog.items.length),
      byRole,
      byCategory: byCategory.map(({ name, nameEn, covered: c, total }) => ({ name, nameEn, covered: c, total })),
    },
    controls,
  };
}
