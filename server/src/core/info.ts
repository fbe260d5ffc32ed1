// What the editor shows about an ID: hover text and completion candidates.
import type { Catalog } from './catalog/types';
import type { PolicyModel } from './policy/model';
import { locateFrontMatter } from './policy/frontmatter';
import type { Lang } from './types';

/** The control whose ID token (front-matter key, list item or heading) covers `offset`. */
export function idAt(model: PolicyModel, offset: number): string | null {
  for (const e of model.entries) if (offset >= e.keyRange.start && offset <= e.keyRange.end) return e.id;
  for (const h of model.headings) if (offset >= h.tokenRange.start && offset <= h.tokenRange.end) return h.id;
  return null;
}

/** Markdown: ID, role, category, page, item text. */
export function describeItem(catalog: Catalog, id: string, lang: Lang): string | null {
  const item = catalog.itemById.get(id);
  if (!item) return null;
  const role = catalog.roleById.get(item.role)!;
  const category = catalog.categoryById.get(item.category)!;
  const roleName = lang === 'en' ? (role.nameEn ?? role.name) : role.name;
  const label = role.label ? `(${role.label}) ${roleName}` : roleName;
  const categoryName = lang === 'en' ? (category.nameEn ?? category.name) : category.name;
  const page = item.page ? (lang === 'en' ? ` · p. ${item.page}` : ` · ${item.page} ページ`) : '';
  const text = lang === 'en' && item.textEn ? `${item.textEn}\n\n${item.text}` : item.text;
  return `**${item.id}** — ${label} · ${categoryName}${page}\n\n${text}\n\n_${catalog.title}_`;
}

/**
 * Whether `offset` is where a control ID is typed: inside the front-matter,
 * below the column-0 `controls:` line and before the next top-level key.
 * Decided on the raw text, since YAML is often broken while typing.
 */
export function inControlsBlock(text: string, offset: number): boolean {
  const fm = locateFrontMatter(text);
  if (!fm || offset < fm.contentStart || offset > fm.contentEnd) return false;
  const lines = text.slice(fm.contentStart, offset).split('\n');
  let controls = -1;
  lines.forEach((l, i) => {
    if (/^controls:/.test(l)) controls = i;
  });
  if (controls === -1) return false;
  // Any column-0 key after `controls:` (the cursor's own line included) ends the block.
  for (let i = controls + 1; i < lines.length; i++) if (/^[^\s#-]/.test(lines[i])) return false;
  return true;
}

export interface IdCompletion {
  id: string;
  detail: string;
  documentation: string;
  sortText: string;
}

export function idCompletions(catalog: Catalog, model: PolicyModel | null, lang: Lang): IdCompletion[] {
  const listed = new Set(model?.entries.map((e) => e.id) ?? []);
  return catalog.items
    .filter((i) => !listed.has(i.id))
    .map((i) => ({
      id: i.id,
      detail: (lang === 'en' ? i.textEn : undefined) ?? i.text,
      documentation: describeItem(catalog, i.id, lang)!,
      sortText: String(catalog.order.get(i.id)!).padStart(4, '0'),
    }));
}
