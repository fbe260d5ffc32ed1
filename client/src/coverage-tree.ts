// Coverage view: catalog → role → category → item, with covered / stale / uncovered icons.
import * as vscode from 'vscode';
import type { CoveragePayload } from '../../server/src/protocol';

type Item = CoveragePayload['items'][number];
type Node =
  | { kind: 'catalog' }
  | { kind: 'role'; role: string }
  | { kind: 'category'; role: string; category: string }
  | { kind: 'item'; item: Item };

export class CoverageTree implements vscode.TreeDataProvider<Node> {
  private payload: CoveragePayload | null = null;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  update(p: CoveragePayload | null): void {
    this.payload = p;
    this.changed.fire(undefined);
  }

  get current(): CoveragePayload | null {
    return this.payload;
  }

  private count(items: Item[]): string {
    const covered = items.filter((i) => this.control(i.id)?.covered).length;
    return `${covered}/${items.length}`;
  }

  private control(id: string) {
    return this.payload?.controls.find((c) => c.id === id);
  }

  getChildren(node?: Node): Node[] {
    const p = this.payload;
    if (!p) return [];
    if (!node) return [{ kind: 'catalog' }];
    if (node.kind === 'catalog') return [...new Set(p.items.map((i) => i.role))].map((role) => ({ kind: 'role', role }));
    if (node.kind === 'role') {
      return [...new Set(p.items.filter((i) => i.role === node.role).map((i) => i.category))].map((category) => ({ kind: 'category', role: node.role, category }));
    }
    if (node.kind === 'category') return p.items.filter((i) => i.role === node.role && i.category === node.category).map((item) => ({ kind: 'item', item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const p = this.payload!;
    const Expanded = vscode.TreeItemCollapsibleState.Expanded;
    switch (node.kind) {
      case 'catalog': {
        const t = new vscode.TreeItem(p.catalog.title ?? p.catalog.id, Expanded);
        t.description = vscode.l10n.t('{0}/{1} · {2} stale', p.coverage.covered, p.coverage.total, p.coverage.stale);
        t.iconPath = new vscode.ThemeIcon('shield');
        return t;
      }
      case 'role': {
        const items = p.items.filter((i) => i.role === node.role);
        const t = new vscode.TreeItem(items[0]?.roleName ?? node.role, Expanded);
        t.description = this.count(items);
        return t;
      }
      case 'category': {
        const items = p.items.filter((i) => i.role === node.role && i.category === node.category);
        const t = new vscode.TreeItem(items[0]?.categoryName ?? node.category, vscode.TreeItemCollapsibleState.Collapsed);
        t.description = this.count(items);
        return t;
      }
      case 'item': {
        const c = this.control(node.item.id);
        const t = new vscode.TreeItem(`${node.item.id} ${node.item.text}`, vscode.TreeItemCollapsibleState.None);
        t.tooltip = new vscode.MarkdownString(`**${node.item.id}** ${node.item.page ? `(p. ${node.item.page})` : ''}\n\n${node.item.text}`);
        if (c?.covered) {
          t.iconPath = c.stale ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
          t.description = c.stale ? vscode.l10n.t('stale') : c.answeredBy.map((a) => a.file).join(', ');
          const first = c.answeredBy[0];
          t.command = { command: 'isms.openAnswer', title: vscode.l10n.t('Open answer'), arguments: [first.file, first.line] };
          t.contextValue = 'covered';
        } else {
          t.iconPath = new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.errorForeground'));
          t.description = vscode.l10n.t('uncovered');
          t.command = { command: 'isms.insertControl', title: vscode.l10n.t('Insert into the active policy'), arguments: [node.item.id] };
          t.contextValue = 'uncovered';
        }
        return t;
      }
    }
  }
}
