// The commands of the palette and the coverage view; each asks the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INSERT_CONTROLS_REQUEST, SELF_CHECK_TABLE_REQUEST, type InsertControlsParams, type SelfCheckTableParams } from '../../server/src/protocol';
import type { CoverageTree } from './coverage-tree';

async function applyServerEdits(client: LanguageClient, editor: vscode.TextEditor, ids: string[]): Promise<boolean> {
  const params: InsertControlsParams = { uri: editor.document.uri.toString(), ids };
  const edits = await client.sendRequest<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] | null>(INSERT_CONTROLS_REQUEST, params);
  if (!edits) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The active editor is not a policy file (no controls: in its front-matter).'));
    return false;
  }
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(editor.document.uri, client.protocol2CodeConverter.asRange(e.range), e.newText);
  return vscode.workspace.applyEdit(we);
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, tree: CoverageTree): void {
  const reg = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg('isms.showCoverageReport', async () => {
    const table = await client.sendRequest<string | null>(SELF_CHECK_TABLE_REQUEST, { format: 'markdown' } satisfies SelfCheckTableParams);
    if (table === null) return;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: table });
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  });

  reg('isms.exportSelfCheckTable', async () => {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'Markdown', format: 'markdown' as const, ext: 'md' },
        { label: 'CSV (Excel)', format: 'csv' as const, ext: 'csv' },
      ],
      { placeHolder: vscode.l10n.t('Export the self-check table as') },
    );
    if (!pick) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, `self-check.${pick.ext}`) : undefined, filters: { [pick.label]: [pick.ext] } });
    if (!target) return;
    const table = await client.sendRequest<string | null>(SELF_CHECK_TABLE_REQUEST, { format: pick.format } satisfies SelfCheckTableParams);
    if (table === null) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(table));
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported the self-check table to {0}', target.fsPath));
  });

  reg('isms.insertMissingControls', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), 'source.isms.insertUncovered');
    const action = actions?.find((a) => a.edit);
    if (action?.edit) await vscode.workspace.applyEdit(action.edit);
    else void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to insert: every uncovered control is already listed here, or this is not a policy file.'));
  });

  reg('isms.openAnswer', async (file: string, line: number) => {
    // `file` is relative to the (first) workspace folder, as the server reports it.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, file));
    const pos = new vscode.Position(Math.max(0, line - 1), 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
  });

  reg('isms.insertControl', async (id: string) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a policy file to insert {0} into it.', id));
      return;
    }
    await applyServerEdits(client, editor, [id]);
  });

  reg('isms.refreshCoverage', () => tree.update(tree.current));
}
