import { URI } from 'vscode-uri';
import type { WorkspaceResult } from '../core/check/workspace';
import type { Lang } from '../core/types';
import type { CoveragePayload } from '../protocol';

export function coveragePayload(result: WorkspaceResult, absOf: (rel: string) => string, uriOf: (abs: string) => string, lang: Lang): CoveragePayload {
  const catalog = result.activeCatalog;
  return {
    catalog: result.catalog,
    today: result.today,
    coverage: result.coverage,
    controls: result.controls.map((c) => ({
      id: c.id,
      covered: c.covered,
      stale: c.stale,
      answeredBy: c.answeredBy.map((a) => ({ ...a, uri: uriOf(absOf(a.file)) })),
    })),
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
