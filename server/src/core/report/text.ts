// The human format: one line per finding, then a coverage summary.
import type { WorkspaceResult } from '../check/workspace';
import type { Lang, Severity } from '../types';
import type { LocatedFinding } from './locate';

const COLOURS: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

export function textReport(result: WorkspaceResult, findings: LocatedFinding[], lang: Lang, colour: boolean): string {
  const paint = (code: string, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column} ${paint(COLOURS[f.severity], f.severity)} ${paint('1', f.code)} ${f.message}`);
  const c = result.coverage;
  const catalog = result.activeCatalog;
  const roles = catalog
    ? catalog.roles.map((r) => `${lang === 'en' ? (r.nameEn ?? r.name) : r.name} ${c.byRole[r.id]?.covered ?? 0}/${c.byRole[r.id]?.total ?? 0}`).join(', ')
    : '';
  const counts = (['error', 'warning', 'information', 'hint'] as Severity[]).map((s) => [s, findings.filter((f) => f.severity === s).length] as const);
  if (lines.length) lines.push('');
  if (lang === 'ja') {
    lines.push(`${result.catalog.title ?? result.catalog.id}: 回答済 ${c.covered}/${c.total}（${c.percent.toFixed(1)}%）· 要見直し ${c.stale}${roles ? ` · ${roles}` : ''}`);
    lines.push(`指摘: エラー ${counts[0][1]}、警告 ${counts[1][1]}、情報 ${counts[2][1]}、ヒント ${counts[3][1]}（基準日 ${result.today}）`);
  } else {
    lines.push(`${result.catalog.title ?? result.catalog.id}: covered ${c.covered}/${c.total} (${c.percent.toFixed(1)}%) · ${c.stale} stale${roles ? ` · ${roles}` : ''}`);
    lines.push(`findings: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')} (as of ${result.today})`);
  }
  return lines.join('\n') + '\n';
}
