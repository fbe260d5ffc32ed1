// The language server: wires LSP requests to the core through DiskWorkspace.
// Everything here is transport-agnostic; main.ts creates the connection.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { parseDay, localToday, formatDay } from '../core/dates';
import { insertUncoveredFix, quickFixes, type FixContext } from '../core/fixes';
import { describeItem, idAt, idCompletions, inControlsBlock } from '../core/info';
import { checkWorkspace } from '../core/check/workspace';
import type { Finding, FindingCode, Lang } from '../core/types';
import { DiskWorkspace } from '../node/disk-workspace';
import {
  COVERAGE_CHANGED_NOTIFICATION,
  COVERAGE_REQUEST,
  INSERT_CONTROLS_REQUEST,
  SELF_CHECK_TABLE_REQUEST,
  type CoveragePayload,
  type InitializationOptions,
  type InsertControlsParams,
  type SelfCheckTableParams,
  type ServerSettings,
} from '../protocol';
import { csvTable, markdownTable } from '../core/report/table';
import { insertControlsEdits } from '../core/fixes/insert-controls';
import { toDiagnostic, toTextEdit, type DiagnosticData } from './convert';
import { coveragePayload, fileUri, uriToPath } from './coverage-payload';
import { SettingsSource } from './settings';
import { configureL10n } from './l10n';

export const INSERT_UNCOVERED_KIND = `${CodeActionKind.Source}.isms.insertUncovered`;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let workspace: DiskWorkspace | undefined;
  let settings: SettingsSource;
  let debounceMs = 50;
  let locale = 'ja';
  let rootUri: string | undefined;
  let canWatch = false;
  let canRegisterConfig = false;
  let lastCoverageVersion = -1;
  const lastWorkspaceFindings = new Map<string, string>();
  /** Diagnostics written by the current check (the coverage notification waits for them). */
  const sent: Promise<void>[] = [];
  /** Files to publish at the next check even if unchanged (just opened: the client's URI and version). */
  const forcePublish = new Set<string>();
  let lastToday = localToday();
  let indexed = false;
  let timer: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher | undefined;
  const published = new Set<string>();
  /** Client URIs of open documents by absolute path (clients spell URIs differently). */
  const openUris = new Map<string, string>();

  const log = (message: string) => connection.console.log(message);
  const uriOf = (abs: string) => openUris.get(abs) ?? fileUri(abs);

  const langOf = (s: ServerSettings): Lang => (s.language !== 'auto' ? s.language : locale.toLowerCase().startsWith('ja') ? 'ja' : 'en');
  const todayOf = (s: ServerSettings): number => (s.today ? (parseDay(s.today) ?? localToday()) : localToday());

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    locale = init.locale ?? params.locale ?? 'ja';
    configureL10n(locale);
    const caps = params.capabilities;
    settings = new SettingsSource(connection, Boolean(caps.workspace?.configuration), init.settings);
    canWatch = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    canRegisterConfig = Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
    rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = rootUri ? uriToPath(rootUri) : params.rootPath ?? null;
    if (root) workspace = new DiskWorkspace(root, log);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, INSERT_UNCOVERED_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['-'] },
      },
      serverInfo: { name: 'isms-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterConfig) await connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    if (workspace && canWatch) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/isms.yaml' }, { globPattern: '**/*.{yaml,yml,json}' }],
      });
    } else if (workspace) {
      watchYourself(workspace);
    }
    await indexWorkspace();
    setInterval(() => {
      // A long-running server re-checks when the local date changes.
      if (localToday() !== lastToday) {
        lastToday = localToday();
        schedule(0);
      }
    }, 60_000).unref();
  });

  async function indexWorkspace() {
    if (!workspace) {
      indexed = true;
      return;
    }
    const s = await settings.get(rootUri);
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin(l10n.t('Indexing ISMS policies'), 0, undefined, false);
    try {
      await workspace.loadAll(langOf(s), async (done, total) => {
        progress?.report(total ? Math.round((done / total) * 100) : 100, l10n.t('{0} of {1} files', done, total));
        // Let hover, code actions and the rest be answered while a large folder is read.
        await new Promise((resolve) => setImmediate(resolve));
      });
    } catch (e) {
      log(`indexing failed: ${(e as Error).message}`);
    }
    for (const doc of documents.all()) overlay(doc);
    progress?.done();
    indexed = true;
    await recheck();
  }

  function watchYourself(ws: DiskWorkspace) {
    // Clients without file watching (Neovim 0.7, …): watch the folder ourselves.
    try {
      watcher = fs.watch(ws.root, { recursive: true }, (_event, filename) => {
        if (!filename) return;
        const abs = path.join(ws.root, filename.toString());
        if (ws.isRelevant(abs) || abs === ws.configPath) {
          ws.refresh(abs);
          schedule();
        }
      });
      watcher.on('error', (e) => log(`file watching stopped: ${e.message}`));
    } catch (e) {
      log(`cannot watch ${ws.root}: ${(e as Error).message}`);
    }
  }

  function overlay(doc: TextDocument) {
    const abs = uriToPath(doc.uri);
    if (!abs) return;
    openUris.set(abs, doc.uri);
    if (!workspace) workspace = new DiskWorkspace(path.dirname(abs), log);
    workspace.setOverlay(abs, doc.getText());
  }

  documents.onDidOpen((e) => {
    overlay(e.document);
    const abs = uriToPath(e.document.uri);
    if (abs) forcePublish.add(abs);
    schedule();
  });
  documents.onDidChangeContent((e) => {
    overlay(e.document);
    schedule();
  });
  documents.onDidClose((e) => {
    const abs = uriToPath(e.document.uri);
    if (!abs || !workspace) return;
    workspace.setOverlay(abs, undefined);
    openUris.delete(abs);
    workspace.refresh(abs);
    schedule();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!workspace) return;
    for (const change of params.changes) {
      const abs = uriToPath(change.uri);
      if (!abs) continue;
      if (change.type === FileChangeType.Deleted || workspace.isRelevant(abs)) workspace.refresh(abs);
    }
    schedule();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    schedule(0);
  });

  function schedule(delay = debounceMs) {
    if (!indexed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void recheck();
    }, delay);
  }

  async function currentOptions() {
    const s = await settings.get(rootUri);
    return { s, lang: langOf(s), today: todayOf(s) };
  }

  async function recheck() {
    if (!workspace) return;
    const ws = workspace;
    const { s, lang, today } = await currentOptions();
    // Brought up to date synchronously from the texts as they are now: never older than what it publishes.
    const changed = ws.check({ today, lang, catalogOverride: s.catalog, reviewIntervalDays: s.reviewIntervalDays, dueSoonDays: s.dueSoonDays });
    for (const abs of forcePublish) changed.add(abs);
    forcePublish.clear();
    sent.length = 0;
    for (const abs of changed) publishFile(ws, abs, ws.findingsOf(abs));
    if (ws.state.coverageVersion !== lastCoverageVersion || changed.size > 0) publishWorkspaceFindings(ws);
    const diagnosticsWritten = Promise.all(sent);
    if (ws.state.coverageVersion !== lastCoverageVersion) {
      lastCoverageVersion = ws.state.coverageVersion;
      // The payload lists every answer (megabytes in a large workspace): let the diagnostics go out first.
      const version = lastCoverageVersion;
      void diagnosticsWritten.then(() => {
        if (version === ws.state.coverageVersion) void connection.sendNotification(COVERAGE_CHANGED_NOTIFICATION, coveragePayload(ws, lang));
      });
    }
  }

  function publishFile(ws: DiskWorkspace, abs: string, findings: Finding[]) {
    const uri = uriOf(abs);
    const open = documents.get(uri);
    if (findings.length === 0 && !published.has(uri) && !open) return;
    const doc = open ?? TextDocument.create(uri, 'markdown', 0, ws.textOf(abs) ?? '');
    sent.push(connection.sendDiagnostics({ uri, version: open?.version, diagnostics: findings.map((f) => toDiagnostic(doc, f)) }));
    if (findings.length) published.add(uri);
    else published.delete(uri);
  }

  /** isms.yaml's and the catalogs' findings (with `uncovered`), republished only when they change. */
  function publishWorkspaceFindings(ws: DiskWorkspace) {
    const configExists = ws.config().exists;
    const byFile = new Map<string, Finding[]>();
    for (const f of ws.state.workspaceFindings()) {
      // Without isms.yaml, `uncovered` has nowhere to sit: the coverage view shows it.
      if (f.code === 'uncovered' && !configExists) continue;
      const list = byFile.get(f.file) ?? [];
      list.push(f);
      byFile.set(f.file, list);
    }
    const files = new Set([...byFile.keys(), ...lastWorkspaceFindings.keys()]);
    for (const file of files) {
      const findings = byFile.get(file) ?? [];
      const key = JSON.stringify(findings.map((f) => [f.code, f.range, f.controlId, f.message]));
      if (lastWorkspaceFindings.get(file) === key) continue;
      lastWorkspaceFindings.set(file, key);
      publishFile(ws, ws.abs(file), findings);
    }
  }

  async function contextFor(uri: string): Promise<{ ctx: FixContext; abs: string } | null> {
    const doc = documents.get(uri);
    const abs = uriToPath(uri);
    if (!doc || !abs || !workspace) return null;
    const { s, lang, today } = await currentOptions();
    const selection = workspace.selection(lang, s.catalog);
    const model = workspace.parse(abs, doc.getText(), selection);
    if (!model) return null;
    return { abs, ctx: { text: doc.getText(), model, catalog: selection.catalog, today: formatDay(today), lang } };
  }

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const found = await contextFor(params.textDocument.uri);
    if (!doc || !found) return [];
    const { ctx } = found;
    const uri = params.textDocument.uri;
    const actions: CodeAction[] = [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'isms' || typeof diagnostic.code !== 'string') continue;
        const data = (diagnostic.data ?? {}) as Partial<DiagnosticData>;
        const finding = {
          code: diagnostic.code as FindingCode,
          range: { start: doc.offsetAt(diagnostic.range.start), end: doc.offsetAt(diagnostic.range.end) },
          controlId: data.controlId ?? null,
          data: { suggestions: data.suggestions, dateOn: data.dateOn },
        };
        for (const fix of quickFixes(finding, ctx)) {
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: { changes: { [uri]: fix.edits.map((e) => toTextEdit(doc, e)) } } });
        }
      }
    }
    if (wants(INSERT_UNCOVERED_KIND) && workspace) {
      const uncovered = workspace.state.controls().filter((c) => !c.covered).map((c) => c.id);
      const fix = insertUncoveredFix(ctx, uncovered);
      if (fix) actions.push({ title: fix.title, kind: INSERT_UNCOVERED_KIND, edit: { changes: { [uri]: fix.edits.map((e) => toTextEdit(doc, e)) } } });
    }
    return actions;
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const found = await contextFor(params.textDocument.uri);
    if (!doc || !found?.ctx.catalog) return null;
    const offset = doc.offsetAt(params.position);
    const id = idAt(found.ctx.model, offset);
    const text = id ? describeItem(found.ctx.catalog, id, found.ctx.lang) : null;
    return text ? { contents: { kind: MarkupKind.Markdown, value: text } } : null;
  });

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const found = await contextFor(params.textDocument.uri);
    if (!doc || !found?.ctx.catalog) return [];
    if (!inControlsBlock(doc.getText(), doc.offsetAt(params.position))) return [];
    return idCompletions(found.ctx.catalog, found.ctx.model.broken ? null : found.ctx.model, found.ctx.lang).map((c) => ({
      label: c.id,
      kind: CompletionItemKind.EnumMember,
      detail: c.detail,
      documentation: { kind: MarkupKind.Markdown, value: c.documentation },
      sortText: c.sortText,
    }));
  });

  connection.onRequest(COVERAGE_REQUEST, async (): Promise<CoveragePayload | null> => {
    if (!workspace) return null;
    await recheck();
    const { lang } = await currentOptions();
    return coveragePayload(workspace, lang);
  });

  connection.onRequest(SELF_CHECK_TABLE_REQUEST, async (params: SelfCheckTableParams): Promise<string | null> => {
    if (!workspace) return null;
    const { s, lang, today } = await currentOptions();
    // The table shows section texts, which the editor's own checks skip: one full check with them.
    const opts = { today, lang, catalogOverride: s.catalog, reviewIntervalDays: s.reviewIntervalDays, dueSoonDays: s.dueSoonDays };
    const full = checkWorkspace({ config: workspace.effective(opts), catalogFiles: workspace.catalogFileList, files: workspace.sources(), today, lang, catalogOverride: s.catalog || undefined, sectionTexts: true });
    return params.format === 'csv' ? csvTable(full, lang) : markdownTable(full, lang);
  });

  connection.onRequest(INSERT_CONTROLS_REQUEST, async (params: InsertControlsParams) => {
    const doc = documents.get(params.uri);
    const found = await contextFor(params.uri);
    if (!doc || !found?.ctx.catalog) return null;
    const edits = insertControlsEdits(found.ctx.text, found.ctx.model, params.ids, found.ctx.catalog);
    return edits ? edits.map((e) => toTextEdit(doc, e)) : null;
  });

  connection.onShutdown(() => {
    watcher?.close();
    if (timer) clearTimeout(timer);
  });

  documents.listen(connection);
  connection.listen();
}
