import { URI } from 'vscode-uri';
import type { Lang } from '../core/types';
import type { DiskWorkspace } from '../node/disk-workspace';
import type { CoveragePayload } from '../protocol';
import { formatDay } from '../core/dates';

/** The `coverage` and `controls` objects of SPEC §7 (plus catalog, today, items) from the live state. */
export function coveragePayload(ws: DiskWorkspace, lang: Lang): CoveragePayload {
  const state = ws.state;
  const selection = state.selectionNow;
  const catalog = selection?.catalog;
  const controls = state.controls();
  return {
    catalog: { id: selection?.id ?? '', title: catalog ? catalog.title : null, total: catalog?.items.length ?? 0 },
    today: formatDay(state.todayNow),
    coverage: state.coverage(controls),
    controls: controls.map((c) => ({ id: c.id, covered: c.covered, stale: c.stale, answeredBy: c.answeredBy })),
    items: catalog
      ? catalog.items.map((i) => {
          const role = catalog.roleById.get(i.role)!;
          const cat = catalog.categoryById.get(i.category)!;
          const roleName = lang === 'en' ? (role.nameEn ?? role.name) : role.name;
          return {
            id: i.id,
            role: i.role,
            roleName: role.label ? `(${role.label}) ${roleName}` : roleName,
            category: cat.id,
            categoryName: lang === 'en' ? (cat.nameEn ?? cat.name) : cat.name,
            text: lang === 'en' ? (i.textEn ?? i.text) : i.text,
            page: i.page ?? null,
          };
        })
      : [],
  };
}

export function fileUri(abs: string): string {
  return URI.file(abs).toString();
}

export function uriToPath(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : null;
  } catch {
    return null;
  }
}
