// The language server over real JSON-RPC on stdio, spawned from dist/server.js.
import assert from 'node:assert/strict';
import { writeFileSync, unlinkSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient, FULL_CAPABILITIES, SERVER } from './lsp-client';
import { tempWorkspace } from './helpers';

const TODAY = '2026-11-21';

const workspace = (files: Record<string, string>) => tempWorkspace(files, 'isms-lsp-');

const uri = (dir: string, name: string) => URI.file(path.join(dir, name)).toString();
const codes = (d: { diagnostics: Diagnostic[] } | undefined) => (d?.diagnostics ?? []).map((x) => x.code).sort();

const POLICY = '---\nreviewed: 2024-01-01\nscope: [M]\ncontrols:\n  M-1:\n    answer: 方針を定めている。\n  M-2: 回答\n  S-19: 間違い\n---\n\n## W-7 確認\n本文\n';

describe('language server (stdio JSON-RPC)', function () {
  this.timeout(30_000);
  let client: TestClient;
  let dir: string;

  before(() => assert.ok(existsSync(SERVER), 'dist/server.js is built'));

  beforeEach(async () => {
    dir = workspace({
      'isms.yaml': 'catalog: mic-telework-v4\n',
      'policies/a.md': POLICY,
      'policies/b.md': '---\nreviewed: 2026-06-01\ncontrols:\n  W-1: 回答\n---\n',
      'node_modules/x/c.md': '---\ncontrols:\n  X-1: a\n---\n',
    });
    client = new TestClient();
    client.settings = { today: TODAY, language: 'en' };
  });

  afterEach(async () => {
    await client.stop();
  });

  it('initializes, indexes the workspace and publishes diagnostics for unopened files and isms.yaml', async () => {
    const init = (await client.initialize(URI.file(dir).toString(), FULL_CAPABILITIES)) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.codeActionProvider && init.capabilities.hoverProvider && init.capabilities.completionProvider);
    const a = uri(dir, 'policies/a.md');
    await client.waitFor(() => client.diagnostics.has(a) && client.diagnostics.has(uri(dir, 'isms.yaml')), 'initial diagnostics');
    assert.deepEqual(codes(client.diagnostics.get(a)), ['missing-in-scope', 'missing-in-scope', 'missing-in-scope', 'stale', 'stale', 'unknown-control', 'unlisted-heading']);
    const d = client.diagnostics.get(a)!.diagnostics.find((x) => x.code === 'unknown-control')!;
    assert.deepEqual(d.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 6 } });
    assert.equal(d.source, 'isms');
    assert.match(d.codeDescription!.href, /#findings-unknown-control$/);
    assert.equal(client.diagnostics.has(uri(dir, 'node_modules/x/c.md')), false);
    assert.equal(client.diagnostics.get(uri(dir, 'isms.yaml'))!.diagnostics.length, 40);
    assert.ok(client.notifications.some((n) => n.method === '$/progress'), 'work-done progress while indexing');
  });

  it('prefers unsaved text: diagnostics on open and on change, with the document version', async () => {
    await client.initialize(URI.file(dir).toString(), FULL_CAPABILITIES);
    const b = uri(dir, 'policies/b.md');
    await client.waitFor(() => client.diagnostics.has(uri(dir, 'isms.yaml')), 'index');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: b, languageId: 'markdown', version: 1, text: '---\nreviewed: 2026-06-01\ncontrols:\n  W-1: TODO\n---\n' } });
    await client.waitFor(() => client.diagnostics.get(b)?.version === 1, 'diagnostics of version 1');
    assert.deepEqual(codes(client.diagnostics.get(b)), ['unanswered']);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: b, version: 2 }, contentChanges: [{ range: { start: { line: 3, character: 7 }, end: { line: 3, character: 11 } }, text: '実施している' }] });
    await client.waitFor(() => client.diagnostics.get(b)?.version === 2, 'diagnostics of version 2');
    assert.deepEqual(codes(client.diagnostics.get(b)), []);
  });

  it('follows watched-file changes: a new file is checked, a deleted one is cleared', async () => {
    await client.initialize(URI.file(dir).toString(), FULL_CAPABILITIES);
    await client.waitFor(() => client.diagnostics.has(uri(dir, 'isms.yaml')), 'index');
    const c = uri(dir, 'policies/c.md');
    writeFileSync(path.join(dir, 'policies/c.md'), '---\ncontrols:\n  S-1: {status: bogus, answer: a}\n---\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c, type: 1 }] });
    await client.waitFor(() => client.diagnostics.get(c)?.diagnostics.some((d) => d.code === 'invalid-status') ?? false, 'diagnostics of the new file');
    unlinkSync(path.join(dir, 'policies/c.md'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c, type: 3 }] });
    await client.waitFor(() => client.diagnostics.get(c)?.diagnostics.length === 0, 'cleared diagnostics of the deleted file');
  });

  it('code actions: each fix applied and re-checked removes its finding and nothing else changes', async () => {
    await client.initialize(URI.file(dir).toString(), FULL_CAPABILITIES);
    const a = uri(dir, 'policies/a.md');
    await client.waitFor(() => client.diagnostics.has(a), 'index');
    let version = 1;
    let doc = TextDocument.create(a, 'markdown', version, POLICY.replace(/\n/g, '\r\n'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'markdown', version, text: doc.getText() } });
    await client.waitFor(() => client.diagnostics.get(a)?.version === version, 'diagnostics of the CRLF text');

    for (const code of ['unknown-control', 'stale', 'missing-in-scope', 'unlisted-heading']) {
      const diagnostic = client.diagnostics.get(a)!.diagnostics.find((d) => d.code === code)!;
      assert.ok(diagnostic, `a ${code} diagnostic`);
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: a },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      assert.ok(actions.length > 0, `a fix for ${code}`);
      const edits = actions[0].edit!.changes![a] as TextEdit[];
      const before = doc.getText();
      const after = TextDocument.applyEdits(doc, edits);
      // Only the edited region changed: prefix and suffix outside it are byte-identical.
      const first = Math.min(...edits.map((e) => doc.offsetAt(e.range.start)));
      const last = Math.max(...edits.map((e) => doc.offsetAt(e.range.end)));
      assert.equal(after.slice(0, first), before.slice(0, first));
      assert.equal(after.slice(after.length - (before.length - last)), before.slice(last));
      assert.ok(!/[^\r]\n/.test(after), `${code}: CRLF kept`);
      version++;
      doc = TextDocument.create(a, 'markdown', version, after);
      const countBefore = client.diagnostics.get(a)!.diagnostics.filter((d) => d.code === code).length;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: a, version }, contentChanges: [{ text: after }] });
      await client.waitFor(() => client.diagnostics.get(a)?.version === version, `diagnostics after the ${code} fix`);
      const remaining = client.diagnostics.get(a)!.diagnostics.filter((d) => d.code === code).length;
      assert.ok(remaining < countBefore && (code === 'stale' ? remaining === countBefore - 1 : remaining === 0), `${code}: ${countBefore} → ${remaining}`);
    }
  });

  it('offers "insert all uncovered controls" as a source action', async () => {
    await client.initialize(URI.file(dir).toString(), FULL_CAPABILITIES);
    const b = uri(dir, 'policies/b.md');
    await client.waitFor(() => client.diagnostics.has(uri(dir, 'isms.yaml')), 'index');
    const text = '---\nreviewed: 2026-06-01\ncontrols:\n  W-1: 回答\n---\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: b, languageId: 'markdown', version: 1, text } });
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: b },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.isms.insertUncovered');
    const after = TextDocument.applyEdits(TextDocument.create(b, 'markdown', 1, text), actions[0].edit!.changes![b] as TextEdit[]);
    assert.equal((after.match(/^  [MSW]-\d+:/gm) ?? []).length, 41); // W-1 plus the 40 that no policy answers
  });

  it('hover on a front-matter key and a heading; completion inside controls', async () => {
    await client.initialize(URI.file(dir).toString(), FULL_CAPABILITIES);
    const a = uri(dir, 'policies/a.md');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'markdown', version: 1, text: POLICY } });
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 4, character: 3 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /\*\*M-1\*\* — \(ア\) Management · Overall framework for information security · p\. 20/);
    const heading = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 10, character: 4 } })) as Hover;
    assert.match((heading.contents as { value: string }).value, /\*\*W-7\*\*/);
    const none = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 11, character: 0 } });
    assert.equal(none, null);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: a }, position: { line: 6, character: 0 } })) as CompletionItem[];
    assert.equal(items.length, 41); // 43 less the listed M-1 and M-2
    assert.ok(items.some((i) => i.label === 'S-5' && /フィルタリング/.test((i.documentation as { value: string }).value)));
    const outside = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: a }, position: { line: 1, character: 0 } })) as CompletionItem[];
    assert.deepEqual(outside, []);
  });

  it('answers isms/coverage and notifies isms/coverageChanged', async () => {
    await client.initialize(URI.file(dir).toString(), FULL_CAPABILITIES);
    await client.waitFor(() => client.notifications.some((n) => n.method === 'isms/coverageChanged'), 'coverageChanged');
    const cov = (await client.connection.sendRequest('isms/coverage')) as { coverage: { covered: number; total: number }; controls: { id: string; answeredBy: { file: string }[] }[] };
    assert.deepEqual([cov.coverage.covered, cov.coverage.total], [3, 43]);
    const m1 = cov.controls.find((c) => c.id === 'M-1')!;
    assert.equal(m1.answeredBy[0].file, 'policies/a.md');
    assert.deepEqual(Object.keys(m1.answeredBy[0]), ['file', 'line', 'status']);
    const b = uri(dir, 'policies/b.md');
    const count = client.notifications.filter((n) => n.method === 'isms/coverageChanged').length;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: b, languageId: 'markdown', version: 1, text: '---\nreviewed: 2026-06-01\ncontrols:\n  W-1: 回答\n  W-2: 回答\n---\n' } });
    await client.waitFor(() => client.notifications.filter((n) => n.method === 'isms/coverageChanged').length > count, 'a second coverageChanged');
    const last = client.notifications.filter((n) => n.method === 'isms/coverageChanged').pop()!.params as { coverage: { covered: number } };
    assert.equal(last.coverage.covered, 4);
  });

  it('works with a modest client: no configuration, no watching, no progress (Neovim 0.7)', async () => {
    await client.initialize(URI.file(dir).toString(), {}, { settings: { today: TODAY, language: 'ja' }, debounceMs: 0 });
    const a = uri(dir, 'policies/a.md');
    await client.waitFor(() => client.diagnostics.has(a), 'initial diagnostics');
    assert.match(String(client.diagnostics.get(a)!.diagnostics.find((d) => d.code === 'unknown-control')!.message), /項目 ID ではありません/);
    // The server watches the folder itself.
    const d = uri(dir, 'policies/d.md');
    writeFileSync(path.join(dir, 'policies/d.md'), '---\ncontrols:\n  S-2: 回答\n  S-2: dup\n---\n');
    await client.waitFor(() => client.diagnostics.get(d)?.diagnostics.some((x) => x.code === 'duplicate-control') ?? false, 'diagnostics from its own file watching');
  });
});
