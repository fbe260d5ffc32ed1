// The self-check table auditors ask for (SPEC §7): one row per catalog item in
// catalog order, in the column order of the guideline's own checklist.
import type { WorkspaceResult } from '../check/workspace';
import type { Lang, Status } from '../types';
import { BOM } from '../text';

const HEADERS: Record<Lang, string[]> = {
  ja: ['大分類', 'No.', '確認内容', '対応', '詳細・補足', 'ID', '対策分野', 'ファイル', 'レビュー日'],
  en: ['Role', 'No.', 'Check item', 'Status', 'Details', 'ID', 'Category', 'File', 'Reviewed'],
};

const STATUS_TEXT: Record<Lang, Record<Status | 'unanswered', string>> = {
  ja: { implemented: '実施済', partial: '一部実施', planned: '計画中', 'not-applicable': '対象外', unanswered: '未回答' },
  en: { implemented: 'Implemented', partial: 'Partial', planned: 'Planned', 'not-applicable': 'Not applicable', unanswered: 'Unanswered' },
};
const STALE_MARK: Record<Lang, string> = { ja: '（要見直し）', en: ' (review overdue)' };

const WEAKNESS: Record<Exclude<Status, 'not-applicable'>, number> = { planned: 0, partial: 1, implemented: 2 };

/**
 * The weakest status among the answers (planned < partial < implemented);
 * not-applicable only when every answer says so; invalid statuses are ignored
 * (if nothing valid is left, status was optional: implemented).
 */
export function weakestStatus(statuses: (Status | null)[]): Status | 'unanswered' {
  if (statuses.length === 0) return 'unanswered';
  const valid = statuses.filter((s): s is Status => s !== null);
  if (valid.length > 0 && valid.every((s) => s === 'not-applicable')) return 'not-applicable';
  const applicable = valid.filter((s): s is Exclude<Status, 'not-applicable'> => s !== 'not-applicable');
  if (applicable.length === 0) return 'implemented';
  return applicable.reduce((a, b) => (WEAKNESS[b] < WEAKNESS[a] ? b : a));
}

/** Rows of plain strings; a cell may hold several lines (one per answer). */
export function selfCheckTable(result: WorkspaceResult, lang: Lang): { headers: string[]; rows: string[][] } {
  const catalog = result.activeCatalog;
  if (!catalog) return { headers: HEADERS[lang], rows: [] };
  const byId = new Map(result.controls.map((c) => [c.id, c]));
  const rows = catalog.items.map((item) => {
    const role = catalog.roleById.get(item.role)!;
    const category = catalog.categoryById.get(item.category)!;
    const c = byId.get(item.id);
    const answers = c?.answers ?? [];
    const status = STATUS_TEXT[lang][weakestStatus(answers.map((a) => a.status))] + (c?.stale ? STALE_MARK[lang] : '');
    const roleName = lang === 'en' ? (role.nameEn ?? role.name) : role.name;
    return [
      role.label ? `(${role.label}) ${roleName}` : roleName,
      item.id.slice(item.role.length + 1),
      lang === 'en' ? (item.textEn ?? item.text) : item.text,
      status,
      answers.map((a) => a.texts.join('\n')).join('\n'),
      item.id,
      lang === 'en' ? (category.nameEn ?? category.name) : category.name,
      answers.map((a) => a.file).join('\n'),
      answers.map((a) => a.reviewed ?? '').join('\n'),
    ];
  });
  return { headers: HEADERS[lang], rows };
}

export function markdownTable(result: WorkspaceResult, lang: Lang): string {
  const { headers, rows } = selfCheckTable(result, lang);
  const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const title = result.catalog.title ?? result.catalog.id;
  const c = result.coverage;
  const summary = lang === 'ja' ? `回答済 ${c.covered}/${c.total}（${c.percent.toFixed(1)}%）、要見直し ${c.stale}、基準日 ${result.today}` : `Answered ${c.covered}/${c.total} (${c.percent.toFixed(1)}%), review overdue ${c.stale}, as of ${result.today}`;
  return [`# ${title}`, '', summary, '', line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line), ''].join('\n');
}

/** RFC 4180 with CRLF and a UTF-8 BOM so Excel opens Japanese; formula-like cells are defused. */
export function csvTable(result: WorkspaceResult, lang: Lang): string {
  const { headers, rows } = selfCheckTable(result, lang);
  const cell = (raw: string) => {
    const s = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return BOM + [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
