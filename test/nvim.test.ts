// A second real client: Neovim's built-in LSP client, headless.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SERVER } from './lsp-client';

describe('Neovim built-in LSP client', function () {
  this.timeout(60_000);

  it('opens a policy and receives the diagnostics', function () {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(nvim.status, 0, 'nvim is installed (.ci/run installs Debian neovim)');
    const dir = mkdtempSync(path.join(tmpdir(), 'isms-nvim-'));
    mkdirSync(path.join(dir, 'policies'));
    const file = path.join(dir, 'policies', '規程.md');
    writeFileSync(file, '---\nreviewed: 2026-06-01\ncontrols:\n  S-5: 回答\n  S-99: 間違い\n  W-1:\n---\n');
    const out = path.join(dir, 'out.json');
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'nvim', 'receive-diagnostics.lua')}`], {
      env: { ...process.env, ISMS_SERVER: SERVER, ISMS_ROOT: dir, ISMS_FILE: file, ISMS_OUT: out },
      encoding: 'utf8',
      timeout: 50_000,
    });
    assert.equal(r.status, 0, `nvim exited ${r.status}: ${r.stderr}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; diagnostics: { code: string; lnum: number; col: number; end_col: number; source: string }[] };
    assert.equal(result.ok, true, 'diagnostics arrived');
    const got = result.diagnostics.map((d) => `${d.code}@${d.lnum}:${d.col}-${d.end_col}`).sort();
    assert.deepEqual(got, ['unanswered@5:2-5', 'unknown-control@4:2-6']);
    assert.ok(result.diagnostics.every((d) => d.source === 'isms'));
  });
});
