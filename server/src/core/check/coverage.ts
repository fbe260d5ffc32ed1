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

const EMPTY: Coverage = { covered: 0, stale: 0, total: 0, percent: 0, byRole: {}, byCategory: [] };

/** One control's coverage from its answers (any order). */
export function controlCoverage(id: string, answers: Answer[]): ControlCoverage {
  const list = [...answers].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
  const covered = list.length > 0;
  return { id, covered, stale: covered && list.every((a) => a.stale), answeredBy: list.map((a) => ({ file: a.file, line: a.line, status: a.status })), answers: list };
}

/** The totals, per role and per category, of controls in catalog order. */
export function summarizeCoverage(catalog: Catalog | undefined, controls: ControlCoverage[]): Coverage {
  if (!catalog) return EMPTY;
  const byId = new Map(controls.map((c) => [c.id, c]));
  const byRole: Coverage['byRole'] = Object.fromEntries(catalog.roles.map((r) => [r.id, { covered: 0, total: 0 }]));
  const byCategory = new Map(catalog.categories.map((c) => [c.id, { name: c.name, nameEn: c.nameEn ?? c.name, covered: 0, total: 0 }]));
  let covered = 0;
  let stale = 0;
  for (const item of catalog.items) {
    const c = byId.get(item.id);
    const cat = byCategory.get(item.category)!;
    byRole[item.role].total++;
    cat.total++;
    if (c?.covered) {
      covered++;
      byRole[item.role].covered++;
      cat.covered++;
    }
    if (c?.stale) stale++;
  }
  return { covered, stale, total: catalog.items.length, percent: percentOf(covered, catalog.items.length), byRole, byCategory: [...byCategory.values()] };
}

export function computeCoverage(catalog: Catalog | undefined, answers: Answer[]): { coverage: Coverage; controls: ControlCoverage[] } {
  if (!catalog) return { coverage: EMPTY, controls: [] };
  const byControl = new Map<string, Answer[]>();
  for (const a of answers) {
    if (!catalog.itemById.has(a.controlId)) continue;
    const list = byControl.get(a.controlId) ?? [];
    list.push(a);
    byControl.set(a.controlId, list);
  }
  const controls = catalog.items.map((item) => controlCoverage(item.id, byControl.get(item.id) ?? []));
  return { coverage: summarizeCoverage(catalog, controls), controls };
}
