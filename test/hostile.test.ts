// Hostile input: bounded, clear, and never at the cost of the rest of the index.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { symlinkSync, unlinkSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Hover } from 'vscode-languageserver-protocol';
import { DiskWorkspace } from '../server/src/node/disk-workspace';
import { loadCatalog } from '../server/src/core/catalog/load';
import { parseDay } from '../server/src/core/dates';
import { tempWorkspace } from './helpers';
import { TestClient, FULL_CAPABILITIES } from './lsp-client';

const CLI = path.resolve(__dirname, '..', 'dist', 'cli.js');
const GOOD = '---\nreviewed: 2026-06-01\ncontrols:\n  S-5: 回答\n---\n';

function hostileWorkspace(): string {
  const dir = tempWorkspace({ 'good.md': GOOD, 'nested/also-good.md': GOOD.replace('S-5', 'S-6') });
  // 50 MB of Markdown with a policy front-matter.
  writeFileSync(path.join(dir, 'huge.md'), GOOD + 'あ'.repeat(17 * 1024 * 1024));
  // Binary data named .md, and bytes that are not UTF-8.
  writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0x00, 0x01]));
  writeFileSync(path.join(dir, 'latin1.md'), Buffer.concat([Buffer.from(GOOD), Buffer.from([0xe9, 0xe8])]));
  // A link loop, and a link to nothing (unreadable).
  symlinkSync(dir, path.join(dir, 'nested', 'loop'));
  symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'dangling.md'));
  spawnSync('mkfifo', [path.join(dir, 'fifo.md')]);
  return dir;
}

describe('hostile input', function () {
  this.timeout(60_000);

  it('CLI: a 50 MB file, binary, non-UTF-8, a link loop, a dangling link and a FIFO are skipped with reasons; the rest is checked', () => {
    const dir = hostileWorkspace();
    const r = spawnSync(process.execPath, [CLI, dir, '--format', 'json', '--today', '2026-11-21', '--fail-on', 'none'], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /huge\.md: larger than 8 MB/);
    assert.match(r.stderr, /binary\.md: binary file/);
    assert.match(r.stderr, /latin1\.md: not valid UTF-8/);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.controls.filter((c: { covered: boolean }) => c.covered).map((c: { id: string }) => c.id), ['S-5', 'S-6']);
    assert.equal(spawnSync(process.execPath, [CLI, path.join(dir, 'fifo.md')], { encoding: 'utf8', timeout: 10_000 }).status, 0, 'an explicit FIFO does not block');
  });

  it('a YAML alias bomb in a catalog file is refused, bounded', () => {
    const lines = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const started = Date.now();
    const { catalog, errors } = loadCatalog(lines.join('\n'));
    assert.equal(catalog, undefined);
    assert.match(errors[0].message, /alias/i);
    assert.ok(Date.now() - started < 5000);
  });

  it('language server: a file deleted while indexing is skipped with a logged reason, the index is otherwise complete', async () => {
    const dir = tempWorkspace(Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`p/${String(i).padStart(4, '0')}.md`, GOOD.replace('S-5', `S-${(i % 18) + 1}`)])));
    const logs: string[] = [];
    const ws = new DiskWorkspace(dir, (m) => logs.push(m));
    let deleted = false;
    await ws.loadAll('en', (done) => {
      if (done === 250 && !deleted) {
        unlinkSync(path.join(dir, 'p', '0400.md'));
        deleted = true;
      }
    });
    ws.check({ today: parseDay('2026-11-21')!, lang: 'en' });
    assert.ok(logs.some((l) => /0400\.md: ENOENT/.test(l)), logs.join('\n'));
    assert.equal(ws.state.snapshot().policyCount, 599);
    assert.equal(ws.state.coverage().covered, 18);
  });

  it('language server: answers hover while a large index runs', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 4000; i++) files[`d${Math.floor(i / 100)}/p${i}.md`] = GOOD + '本文です。\n'.repeat(40);
    const dir = tempWorkspace(files);
    mkdirSync(path.join(dir, 'open'), { recursive: true });
    const uri = URI.file(path.join(dir, 'open', 'a.md')).toString();
    const client = new TestClient();
    try {
      client.settings = { today: '2026-11-21', language: 'en' };
      await client.initialize(URI.file(dir).toString(), FULL_CAPABILITIES);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: GOOD } });
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } })) as Hover;
      const indexedBefore = client.notifications.some((n) => n.method === 'isms/coverageChanged');
      assert.match((hover.contents as { value: string }).value, /\*\*S-5\*\*/);
      assert.equal(indexedBefore, false, 'the hover came back before the index finished');
      await client.waitFor(() => client.notifications.some((n) => n.method === 'isms/coverageChanged'), 'the index', 60_000);
    } finally {
      await client.stop();
    }
    assert.ok(existsSync(dir));
  });
});
