import * as vscode from 'vscode';
import type { CoveragePayload } from '../../server/src/protocol';

/** `ISMS 40/43 · 2 stale`, warning colour below 100 % or with stale items. */
export class CoverageStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('isms.coverage', vscode.StatusBarAlignment.Left, 100);

  constructor() {
    this.item.name = vscode.l10n.t('ISMS coverage');
    this.item.command = 'isms.coverage.focus';
    this.item.text = vscode.l10n.t('ISMS …');
    this.item.show();
  }

  update(p: CoveragePayload | null): void {
    if (!p || p.catalog.total === 0) {
      this.item.text = vscode.l10n.t('ISMS: no catalog');
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      return;
    }
    const c = p.coverage;
    this.item.text = vscode.l10n.t('ISMS {0}/{1} · {2} stale', c.covered, c.total, c.stale);
    this.item.backgroundColor = c.covered < c.total || c.stale > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const roles = p.items.reduce<Record<string, string>>((acc, i) => ({ ...acc, [i.role]: i.roleName }), {});
    const lines = Object.entries(c.byRole).map(([role, r]) => `${roles[role] ?? role}: ${r.covered}/${r.total}`);
    const md = new vscode.MarkdownString(`**${p.catalog.title ?? p.catalog.id}** — ${c.percent.toFixed(1)}%\n\n${lines.map((l) => `- ${l}`).join('\n')}`);
    this.item.tooltip = md;
  }

  dispose(): void {
    this.item.dispose();
  }
}
