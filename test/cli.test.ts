// The CLI, run as a user runs it: the bundled dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync, cpSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { tempWorkspace } from './helpers';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SAMPLES = path.join(ROOT, 'sample-policies');

function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}


const today = ['--today', '2026-11-21'];

describe('isms-check CLI', function () {
  before(() => assert.ok(existsSync(CLI), 'dist/cli.js is built (npm test builds first)'));

  describe('formats', () => {
    it('text: one line per finding, then the coverage summary; exit 0 on the samples', () => {
      const r = cli(['sample-policies', ...today]);
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines[0], /^sample-policies\/02-システム管理基準\.md:\d+:\d+ hint review-due-soon /);
      assert.ok(lines.some((l) => /^sample-policies\/.+:\d+:\d+ warning stale S-11 /.test(l)));
      assert.match(r.stdout, /43\/43（100\.0%）· 要見直し 1 · 経営者 5\/5, システム管理者 18\/18, テレワーク勤務者 20\/20/);
      assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when stdout is not a TTY');
    });

    it('text: --lang en changes the messages and summary, not codes', () => {
      const r = cli(['sample-policies', ...today, '--lang', 'en']);
      assert.match(r.stdout, / warning stale review of S-11 is overdue \(reviewed 2025-09-01, due 2026-09-01\)/);
      assert.match(r.stdout, /covered 43\/43 \(100\.0%\) · 1 stale · Management 5\/5/);
    });

    it('json: the documented shape', () => {
      const r = cli(['sample-policies', ...today, '--format', 'json']);
      assert.equal(r.code, 0);
      const j = JSON.parse(r.stdout);
      assert.deepEqual(Object.keys(j), ['catalog', 'today', 'coverage', 'controls', 'findings']);
      assert.deepEqual(j.catalog, { id: 'mic-telework-v4', title: 'テレワークセキュリティガイドライン（第4版）', total: 43 });
      assert.equal(j.today, '2026-11-21');
      assert.deepEqual(Object.keys(j.coverage), ['covered', 'stale', 'total', 'percent', 'byRole', 'byCategory']);
      assert.deepEqual(j.coverage.byRole, { M: { covered: 5, total: 5 }, S: { covered: 18, total: 18 }, W: { covered: 20, total: 20 } });
      assert.deepEqual(j.coverage.byCategory[2], { name: '端末の紛失・盗難に対する対策', nameEn: 'Measures against loss or theft of devices', covered: 3, total: 3 });
      assert.equal(j.controls.length, 43);
      const w18 = j.controls.find((c: { id: string }) => c.id === 'W-18');
      assert.deepEqual(w18, { id: 'W-18', covered: true, stale: false, answeredBy: [{ file: 'sample-policies/04-クラウド・SNS利用規程.md', line: 12, status: 'implemented' }] });
      const s11 = j.findings.find((f: { code: string }) => f.code === 'stale');
      assert.deepEqual(Object.keys(s11), ['code', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'controlId', 'message']);
      assert.equal(s11.controlId, 'S-11');
    });

    it('json: percent rounds down to one decimal; findings sorted; paths relative to cwd', () => {
      const dir = tempWorkspace({
        'b.md': '---\nreviewed: 2026-01-01\ncontrols:\n  S-1: a\n  S-2: b\n  X-1: c\n---\n',
        'a.md': '---\nreviewed: 2026-01-01\ncontrols: [M-1]\n---\n## M-1\n本文\n',
      });
      const r = cli([dir, ...today, '--format', 'json'], path.dirname(dir));
      const j = JSON.parse(r.stdout);
      assert.equal(j.coverage.percent, 6.9); // 3/43 = 6.976…
      const base = path.basename(dir);
      assert.deepEqual(j.findings.slice(0, 2).map((f: { file: string; code: string }) => `${f.file} ${f.code}`), [`${base}/b.md unknown-control`, 'isms.yaml uncovered']);
      assert.equal(r.code, 1, 'an error finding fails by default');
    });

    it('sarif: valid against the official SARIF 2.1.0 schema, Japanese paths percent-encoded', () => {
      const r = cli(['sample-policies', ...today, '--format', 'sarif']);
      const log = JSON.parse(r.stdout);
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      const validate = ajv.compile<unknown>(sarifSchema as object);
      assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors?.slice(0, 3)));
      const results = log.runs[0].results;
      const stale = results.find((x: { ruleId: string }) => x.ruleId === 'stale');
      assert.equal(stale.level, 'warning');
      assert.equal(stale.locations[0].physicalLocation.artifactLocation.uri, `sample-policies/${encodeURIComponent('02-システム管理基準.md')}`);
      const hint = results.find((x: { ruleId: string }) => x.ruleId === 'review-due-soon');
      assert.equal(hint.level, 'note');
      assert.equal(hint.properties.severity, 'hint');
      assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    });

    it('sarif: the schema check can fail (a broken log is rejected)', () => {
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      assert.equal(ajv.compile<unknown>(sarifSchema as object)({ version: '2.1.0', runs: [{ results: [] }] }), false);
    });

    it('markdown: the self-check table in catalog order, escaped', () => {
      const dir = tempWorkspace({
        'p.md': '---\nreviewed: 2026-01-01\ncontrols:\n  S-5:\n    status: partial\n    answer: "A | B"\n  S-6: {status: not-applicable, answer: 私用端末なし}\n---\n## S-5 x\n一行目\n二行目\n',
      });
      const r = cli([dir, ...today, '--format', 'markdown']);
      const rows = r.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| --- '));
      assert.equal(rows.length, 44);
      assert.equal(rows[0], '| 大分類 | No. | 確認内容 | 対応 | 詳細・補足 | ID | 対策分野 | ファイル | レビュー日 |');
      const s5 = rows.find((l) => l.includes('| S-5 |'))!;
      assert.ok(s5.startsWith('| (イ) システム管理者 | 5 | フィルタリング等を用いて'), s5);
      assert.ok(s5.includes('| 一部実施 | A \\| B<br>一行目<br>二行目 | S-5 | 悪意のソフトウェアに対する対策 |'), s5);
      assert.ok(rows.find((l) => l.includes('| S-6 |'))!.includes('| 対象外 |'));
      assert.ok(rows.find((l) => l.includes('| M-1 |'))!.includes('| 未回答 |'));
    });

    it('csv: RFC 4180 with CRLF, a BOM, stale marks and defused formulas', () => {
      const dir = tempWorkspace({
        'p.md': '---\nreviewed: 2024-01-01\ncontrols:\n  S-5: "=HYPERLINK(\\"x\\")"\n  S-6: "-5 台, 残り"\n---\n',
      });
      const r = cli([dir, ...today, '--format', 'csv', '--lang', 'en']);
      assert.ok(r.stdout.startsWith('\uFEFFRole,No.,Check item,Status,Details,ID,Category,File,Reviewed\r\n'));
      const lines = r.stdout.slice(1).split('\r\n');
      assert.equal(lines.length, 45); // header + 43 + trailing empty
      const s5 = lines.find((l) => l.includes(',S-5,'))!;
      assert.ok(s5.includes(',Implemented (review overdue),"\'=HYPERLINK(""x"")",S-5,'), s5);
      assert.ok(lines.find((l) => l.includes(',S-6,'))!.includes(`"'-5 台, 残り"`));
    });
  });

  describe('exit codes', () => {
    it('--fail-on warning fails on warnings; none never fails on findings', () => {
      assert.equal(cli(['sample-policies', ...today, '--fail-on', 'warning']).code, 1);
      assert.equal(cli(['sample-policies', ...today, '--fail-on', 'information']).code, 1);
      const dir = tempWorkspace({ 'p.md': '---\ncontrols:\n  X-1: a\n---\n' });
      assert.equal(cli([dir, ...today]).code, 1);
      assert.equal(cli([dir, ...today, '--fail-on', 'none']).code, 0);
    });

    it('--min-coverage compares exactly', () => {
      const dir = tempWorkspace({ 'p.md': '---\nreviewed: 2026-01-01\ncontrols:\n  M-1: a\n  M-2: b\n---\n' }); // 2/43 = 4.651…%
      assert.equal(cli([dir, ...today, '--fail-on', 'none', '--min-coverage', '4.65']).code, 0);
      assert.equal(cli([dir, ...today, '--fail-on', 'none', '--min-coverage', '4.66']).code, 1);
      assert.equal(cli(['sample-policies', ...today, '--min-coverage', '100']).code, 0);
    });

    for (const [name, args, pattern] of [
      ['an unknown flag', ['--nope'], /nope/],
      ['an impossible --today', ['--today', '2026-02-30'], /--today/],
      ['--min-coverage 150', ['--min-coverage', '150'], /--min-coverage/],
      ['--min-coverage abc', ['--min-coverage', 'abc'], /--min-coverage/],
      ['--format xml', ['--format', 'xml'], /--format/],
      ['--fail-on hint', ['--fail-on', 'hint'], /--fail-on/],
      ['--lang fr', ['--lang', 'fr'], /--lang/],
      ['--catalog nosuch', ['sample-policies', '--catalog', 'nosuch'], /nosuch/],
      ['a missing PATH', ['no/such/dir'], /no\/such\/dir/],
      ['an unreadable --config', ['--config', 'no-such.yaml'], /no-such\.yaml/],
      ['a non-.md file', ['package.json'], /package\.json/],
    ] as const) {
      it(`exits 2 on ${name}, with one line on stderr and no stack trace`, () => {
        const r = cli([...args]);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        const lines = r.stderr.trimEnd().split('\n');
        assert.equal(lines.length, 1, r.stderr);
        assert.match(lines[0], /^isms-check: /);
        assert.match(lines[0], pattern);
        assert.doesNotMatch(r.stderr, /\n\s+at /);
      });
    }
  });

  describe('workspace', () => {
    it('no policy file: a warning on stderr, coverage 0', () => {
      const dir = tempWorkspace({ 'readme.md': '# just notes\n' });
      const r = cli([dir, ...today, '--format', 'json', '--fail-on', 'none']);
      assert.equal(r.code, 0);
      assert.match(r.stderr, /ポリシーファイルが見つかりません/);
      assert.equal(JSON.parse(r.stdout).coverage.covered, 0);
    });

    it('finds isms.yaml above the PATH, applies include/exclude, skips dot-folders, node_modules and folder links', () => {
      const dir = tempWorkspace({
        'isms.yaml': 'catalog: mic-telework-v4\nexclude: ["docs/drafts/**"]\n',
        'docs/a.md': '---\nreviewed: 2026-01-01\ncontrols: {M-1: a}\n---\n',
        'docs/drafts/b.md': '---\nreviewed: 2026-01-01\ncontrols: {M-2: b}\n---\n',
        'docs/.hidden/c.md': '---\nreviewed: 2026-01-01\ncontrols: {M-3: c}\n---\n',
        'docs/node_modules/d.md': '---\nreviewed: 2026-01-01\ncontrols: {M-4: d}\n---\n',
        'elsewhere/e.md': '---\nreviewed: 2026-01-01\ncontrols: {M-5: e}\n---\n',
      });
      symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'docs', 'link'));
      symlinkSync(path.join(dir, 'docs'), path.join(dir, 'docs', 'loop'));
      const r = cli(['docs', ...today, '--format', 'json'], dir);
      const j = JSON.parse(r.stdout);
      assert.deepEqual(j.controls.filter((c: { covered: boolean }) => c.covered).map((c: { id: string }) => c.id), ['M-1']);
      assert.equal(j.findings.find((f: { code: string }) => f.code === 'uncovered').file, 'isms.yaml');
      assert.equal(j.findings.find((f: { code: string }) => f.code === 'uncovered').line, 1);
    });

    it('takes an explicit file as given and de-duplicates by real path', () => {
      const dir = tempWorkspace({ 'isms.yaml': 'exclude: ["*.md"]\n', 'a.md': '---\nreviewed: 2026-01-01\ncontrols: {M-1: a}\n---\n' });
      const r = cli(['a.md', './a.md', dir, ...today, '--format', 'json'], dir);
      const j = JSON.parse(r.stdout);
      assert.deepEqual(j.controls.find((c: { id: string }) => c.id === 'M-1').answeredBy, [{ file: 'a.md', line: 3, status: 'implemented' }]);
    });

    it('--config FILE sets the root and receives the uncovered findings', () => {
      const dir = tempWorkspace({ 'conf/custom.yaml': 'due_soon_days: 0\n', 'p.md': '---\nreviewed: 2026-01-01\ncontrols: {M-1: a}\n---\n' });
      const r = cli(['p.md', '--config', 'conf/custom.yaml', ...today, '--format', 'json'], dir);
      const j = JSON.parse(r.stdout);
      assert.equal(j.findings.find((f: { code: string }) => f.code === 'uncovered').file, 'conf/custom.yaml');
    });

    it('reads the samples from another folder with paths relative to cwd', () => {
      const copy = tempWorkspace({});
      cpSync(SAMPLES, path.join(copy, 'ポリシー'), { recursive: true });
      const r = cli(['ポリシー', ...today, '--format', 'json'], copy);
      const j = JSON.parse(r.stdout);
      assert.equal(j.coverage.covered, 43);
      assert.ok(j.findings.every((f: { file: string }) => f.file.startsWith('ポリシー/')));
    });
  });
});
