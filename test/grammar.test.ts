// The injection grammar: vscode-tmgrammar-test on the ASCII fixture, and the
// Japanese ID forms tokenized directly with vscode-textmate (the same engine).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '..');
const HOST = 'test/grammar/markdown-host.tmLanguage.json';
const INJECTION = 'syntaxes/isms-frontmatter.injection.tmLanguage.json';

describe('TextMate injection grammar', function () {
  this.timeout(30_000);

  it('passes vscode-tmgrammar-test', () => {
    const bin = path.join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
    const r = spawnSync(process.execPath, [bin, '-g', HOST, '-g', INJECTION, 'test/grammar/*.test.md'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /run successfuly/);
  });

  it('scopes the Japanese ID forms, and not the near misses', async () => {
    const wasm = readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const files: Record<string, string> = { 'text.html.markdown': HOST, 'isms.frontmatter.injection': INJECTION };
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => (files[scope] ? vsctm.parseRawGrammar(readFileSync(path.join(ROOT, files[scope]), 'utf8'), files[scope]) : null),
      getInjections: (scope) => (scope === 'text.html.markdown' ? ['isms.frontmatter.injection'] : []),
    });
    const grammar = (await registry.loadGrammar('text.html.markdown'))!;
    const ids = (lines: string[]) => {
      let stack = vsctm.INITIAL;
      const found: string[] = [];
      for (const line of ['---', ...lines, '---']) {
        const r = grammar.tokenizeLine(line, stack);
        stack = r.ruleStack;
        for (const t of r.tokens) if (t.scopes.includes('constant.other.control-id.isms')) found.push(line.slice(t.startIndex, t.endIndex));
      }
      return found;
    };
    assert.deepEqual(ids(['  イ-6: a', '  （イ）５: b', '  システム管理者-5: c', '  管理者－5: d', '  経営者-3: e']), ['イ-6', '（イ）５', 'システム管理者-5', '管理者－5', '経営者-3']);
    assert.deepEqual(ids(['  システム管理者5: a', '  S-5_x: b', 'title: S-5 outside is still front-matter']), ['S-5']);
    let stack = vsctm.INITIAL;
    for (const line of ['---', 'x: 1', '---']) stack = grammar.tokenizeLine(line, stack).ruleStack;
    const body = grammar.tokenizeLine('## S-5 in the body', stack);
    assert.ok(body.tokens.every((t) => !t.scopes.includes('constant.other.control-id.isms')), 'nothing outside the front-matter');
  });
});
