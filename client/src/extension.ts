// VS Code entry: starts the language server over IPC and wires the thin UI
// (status bar, coverage view, commands). All policy knowledge is in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { COVERAGE_CHANGED_NOTIFICATION, COVERAGE_REQUEST, type CoveragePayload, type InitializationOptions } from '../../server/src/protocol';
import { CoverageStatusBar } from './status-bar';
import { CoverageTree } from './coverage-tree';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { locale: vscode.env.language };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/isms.yaml' },
    ],
    synchronize: { configurationSection: 'isms' },
    initializationOptions,
  };
  client = new LanguageClient('isms', vscode.l10n.t('ISMS Policy'), serverOptions, clientOptions);

  const statusBar = new CoverageStatusBar();
  const tree = new CoverageTree();
  context.subscriptions.push(statusBar, vscode.window.registerTreeDataProvider('isms.coverage', tree));
  const update = (payload: CoveragePayload | null) => {
    statusBar.update(payload);
    tree.update(payload);
  };
  context.subscriptions.push(client.onNotification(COVERAGE_CHANGED_NOTIFICATION, update));
  registerCommands(context, client, tree);

  await client.start();
  update(await client.sendRequest<CoveragePayload | null>(COVERAGE_REQUEST));
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
