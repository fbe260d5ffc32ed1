// Which fixes a finding offers, chosen by its code and data (never its message).
import type { Catalog } from '../catalog/types';
import type { PolicyModel } from '../policy/model';
import type { FindingCode, FindingData, Lang, Range } from '../types';
import { message } from '../messages';
import type { Fix } from './edits';
import { insertControlsEdits } from './insert-controls';
import { markReviewedEdits } from './mark-reviewed';

export type { Fix, TextEdit } from './edits';
export { applyEdits } from './edits';

export interface FixContext {
  text: string;
  model: PolicyModel;
  catalog: Catalog | undefined;
  /** Today as YYYY-MM-DD. */
  today: string;
  lang: Lang;
}

export interface FixableFinding {
  code: FindingCode;
  range: Range;
  controlId: string | null;
  data?: FindingData;
}

/** Catalog items of the file's scoped roles that it does not list. */
export function missingInScope(model: PolicyModel, catalog: Catalog): string[] {
  if (!model.scope) return [];
  const listed = new Set(model.entries.map((e) => e.id));
  return catalog.items.filter((i) => model.scope!.roles.includes(i.role) && !listed.has(i.id)).map((i) => i.id);
}

export function quickFixes(f: FixableFinding, ctx: FixContext): Fix[] {
  const { text, model, catalog, lang } = ctx;
  switch (f.code) {
    case 'missing-in-scope': {
      if (!catalog) return [];
      const ids = missingInScope(model, catalog);
      const edits = insertControlsEdits(text, model, ids, catalog);
      return edits?.length ? [{ title: message(lang, 'fixInsertScope', { n: ids.length }), kind: 'quickfix', edits, isPreferred: true }] : [];
    }
    case 'unlisted-heading': {
      if (!catalog || !f.controlId) return [];
      const edits = insertControlsEdits(text, model, [f.controlId], catalog);
      return edits?.length ? [{ title: message(lang, 'fixAddHeading', { id: f.controlId }), kind: 'quickfix', edits, isPreferred: true }] : [];
    }
    case 'unknown-control':
      return (f.data?.suggestions ?? []).map((id, i) => ({
        title: message(lang, 'fixReplaceId', { id }),
        kind: 'quickfix' as const,
        edits: [{ start: f.range.start, end: f.range.end, newText: id }],
        isPreferred: i === 0,
      }));
    case 'stale': {
      if (!f.controlId) return [];
      const r = markReviewedEdits(text, model, f.controlId, ctx.today);
      if (!r) return [];
      const title = r.target === 'entry' ? message(lang, 'fixMarkReviewed', { id: f.controlId, date: ctx.today }) : message(lang, 'fixMarkDocReviewed', { date: ctx.today });
      return [{ title, kind: 'quickfix', edits: r.edits, isPreferred: r.target === 'entry' }];
    }
    default:
      return [];
  }
}

/** The source action: list every control that no policy of the workspace answers. */
export function insertUncoveredFix(ctx: FixContext, uncovered: string[]): Fix | null {
  if (!ctx.catalog) return null;
  const listed = new Set(ctx.model.entries.map((e) => e.id));
  const ids = uncovered.filter((id) => !listed.has(id));
  const edits = insertControlsEdits(ctx.text, ctx.model, ids, ctx.catalog);
  if (!edits?.length) return null;
  return { title: message(ctx.lang, 'fixInsertUncovered', { n: ids.length }), kind: 'source', edits };
}
