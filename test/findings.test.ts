// One case per finding code: code, severity and exact range (1-based, end exclusive).
import assert from 'node:assert/strict';
import { fileFindings, checkFiles, policy, where } from './helpers';

const codes = (text: string, opts = {}) => fileFindings(text, opts).map(where);

describe('findings: one fixture per code', () => {
  it('invalid-front-matter: YAML syntax errors at the parser position, widened to the token or line', () => {
    const f = fileFindings(policy('reviewed: 2026-01-01\ncontrols:\n  S-5: [unclosed\n  S-6:'));
    assert.deepEqual(f.map(where), ['invalid-front-matter@5:3-5:7']);
    assert.deepEqual(codes(policy('reviewed: 2026-01-01\ncontrols:\n  S-5: [unclosed')), ['invalid-front-matter@4:8-4:17']);
    assert.equal(f[0].severity, 'error');
    assert.deepEqual(codes(policy('controls:\n  S-5: "unterminated\n')), ['invalid-front-matter@3:8-3:21']);
    assert.deepEqual(codes(policy('controls:\n  S-5: a\n bad indent: x')), ['invalid-front-matter@4:1-4:15']);
    assert.deepEqual(codes(policy('controls:\n\tS-5: a')), ['invalid-front-matter@3:1-3:8']);
  });

  it('invalid-front-matter: controls of the wrong type, at the value', () => {
    assert.deepEqual(codes(policy('reviewed: 2026-01-01\ncontrols: 42')), ['invalid-front-matter@3:11-3:13']);
  });

  it('invalid-front-matter: entry of the wrong type counts as listed and says nothing else', () => {
    assert.deepEqual(codes(policy('reviewed: 2026-01-01\nscope: [M]\ncontrols:\n  M-1: 42', '## M-1 見出し\n本文')), [
      'missing-in-scope@3:1-3:6',
      'missing-in-scope@3:1-3:6',
      'missing-in-scope@3:1-3:6',
      'missing-in-scope@3:1-3:6',
      'invalid-front-matter@5:8-5:10',
    ]);
  });

  it('invalid-front-matter: bad scope item, bad interval, non-string answer, bad evidence, duplicate key', () => {
    const text = policy(
      'reviewed: 2026-01-01\nreview_interval_days: -5\nscope: [X]\ncontrols:\n  S-5:\n    answer: 42\n    evidence: {a: 1}\n    status: partial\n    status: planned\nreviewed: 2026-02-01',
    );
    assert.deepEqual(codes(text), [
      'invalid-front-matter@3:23-3:25',
      'invalid-front-matter@4:9-4:10',
      'unanswered@6:3-6:6',
      'invalid-front-matter@7:13-7:15',
      'invalid-front-matter@8:15-8:21',
      'invalid-front-matter@10:5-10:11',
      'invalid-front-matter@11:1-11:9',
    ]);
  });

  it('invalid-front-matter: an unclosed front-matter with controls is reported at 1:1', () => {
    assert.deepEqual(codes('---\ncontrols:\n  S-5: x\n'), ['invalid-front-matter@1:1-1:4']);
  });

  it('other Markdown with broken front-matter is ignored silently', () => {
    assert.deepEqual(codes('---\ntitle: [broken\n---\n# hi\n'), []);
    assert.deepEqual(codes('---\n  controls: [x]\n---\n'), []);
  });

  it('unknown-control: at the ID, with suggestions as data', () => {
    const f = fileFindings(policy('reviewed: 2026-01-01\ncontrols:\n  S-19: 回答\n  S-5 URLフィルタ: 回答'));
    assert.deepEqual(f.map(where), ['unknown-control@4:3-4:7', 'unknown-control@5:3-5:14']);
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].controlId, null);
    assert.deepEqual(f[0].data?.suggestions, ['S-18', 'S-17', 'S-16']);
  });

  it('duplicate-control: the later occurrence, by alias or identical key; the first wins', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols:\n  S-5: 回答\n  イ-5: 別の回答\n  S-5: {}');
    assert.deepEqual(codes(text), ['duplicate-control@5:3-5:6', 'duplicate-control@6:3-6:6']);
    const list = policy('reviewed: 2026-01-01\ncontrols: [S-5, s5]', '## S-5 x\n本文');
    assert.deepEqual(codes(list), ['duplicate-control@3:17-3:19']);
  });

  it('invalid-status: at the value; the entry still counts as answered', () => {
    const r = checkFiles({ 'p.md': policy('reviewed: 2026-01-01\ncontrols:\n  S-5:\n    status: Implemented\n    answer: 回答') });
    assert.deepEqual(r.findings.filter((f) => f.code !== 'uncovered').map(where), ['invalid-status@5:13-5:24']);
    const s5 = r.result.controls.find((c) => c.id === 'S-5')!;
    assert.equal(s5.covered, true);
    assert.deepEqual(s5.answeredBy, [{ file: 'p.md', line: 4, status: null }]);
  });

  it('invalid-date: not a real date, a number, a time, or later than today + 1', () => {
    const text = policy(
      'reviewed: 2026-02-30\ncontrols:\n  S-5:\n    answer: a\n    reviewed: 20260101\n  S-6:\n    answer: b\n    reviewed: 2026-01-01T10:00:00\n  S-7:\n    reviewed: 2026-11-23\n  S-8:\n    answer: d\n    reviewed: "2026-11-22"',
    );
    assert.deepEqual(codes(text), ['invalid-date@2:11-2:21', 'invalid-date@6:15-6:23', 'invalid-date@9:15-9:34', 'unanswered@10:3-10:6', 'invalid-date@11:15-11:25']);
  });

  it('unanswered: listed but without an answer or answering section', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols:\n  S-5:\n  S-6: {}\n  S-7: TODO\n  S-8:\n    answer: "TBD: 後で"\n  S-9: 回答');
    assert.deepEqual(codes(text), ['unanswered@4:3-4:6', 'unanswered@5:3-5:6', 'unanswered@6:3-6:6', 'unanswered@7:3-7:6']);
    assert.equal(fileFindings(text)[0].severity, 'warning');
  });

  it('stale: on the entry date when it has one, else on the ID; names the date used', () => {
    const text = policy('reviewed: 2025-01-01\ncontrols:\n  S-5: 回答\n  S-6:\n    answer: 回答\n    reviewed: 2025-06-01\n  S-7:\n    answer: 回答\n    reviewed: 2026-06-01');
    const f = fileFindings(text);
    assert.deepEqual(f.map(where), ['stale@4:3-4:6', 'stale@7:15-7:25']);
    assert.match(f[0].message, /2025-01-01/);
    assert.match(f[1].message, /2025-06-01/);
    assert.deepEqual([f[0].data?.dateOn, f[1].data?.dateOn], ['document', 'entry']);
  });

  it('stale: counts whole calendar days — due day itself is not stale', () => {
    const text = (d: string) => policy(`reviewed: ${d}\ncontrols:\n  S-5: 回答`);
    // 2025-11-21 + 365 days = 2026-11-21 = today: due today is "due soon", not stale.
    assert.deepEqual(codes(text('2025-11-21')), ['review-due-soon@4:3-4:6']);
    assert.deepEqual(codes(text('2025-11-20')), ['stale@4:3-4:6']);
  });

  it('stale: respects the document override and isms.yaml interval', () => {
    const doc = policy('reviewed: 2026-10-01\nreview_interval_days: 30\ncontrols:\n  S-5: 回答');
    assert.deepEqual(codes(doc), ['stale@5:3-5:6']);
    const cfg = policy('reviewed: 2026-10-01\ncontrols:\n  S-5: 回答');
    assert.deepEqual(codes(cfg, { config: 'review_interval_days: 30\ndue_soon_days: 0\n' }), ['stale@4:3-4:6']);
  });

  it('missing-in-scope: one per unlisted item of the scoped role, at the scope key', () => {
    const text = policy('reviewed: 2026-01-01\nscope: ア\ncontrols:\n  M-1: a\n  経営者-2: b\n  M-3: c');
    const f = fileFindings(text);
    assert.deepEqual(f.map(where), ['missing-in-scope@3:1-3:6', 'missing-in-scope@3:1-3:6']);
    assert.deepEqual(f.map((x) => x.controlId), ['M-4', 'M-5']);
  });

  it('uncovered: one per unanswered catalog item, on the catalog: key of isms.yaml', () => {
    const all = checkFiles({ 'p.md': policy('reviewed: 2026-01-01\ncontrols:\n  S-5: a') }, { config: '# manifest\ncatalog: mic-telework-v4\n' });
    const unc = all.findings.filter((f) => f.code === 'uncovered');
    assert.equal(unc.length, 42);
    assert.deepEqual([...new Set(unc.map((f) => `${f.file}:${where(f)}`))], ['isms.yaml:uncovered@2:1-2:8']);
    assert.equal(unc[0].controlId, 'M-1');
  });

  it('uncovered: at 1:1 of isms.yaml when it does not exist, and the message says so', () => {
    const unc = checkFiles({}).findings.filter((f) => f.code === 'uncovered');
    assert.equal(unc.length, 43);
    assert.equal(where(unc[0]), 'uncovered@1:1-1:1');
    assert.match(unc[0].message, /no isms\.yaml/);
  });

  it('unlisted-heading: covers the ID token of a top-level heading', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols:\n  S-5: a', '\n## W-7 ウイルス対策\n本文\n\n- ## S-6 in a list\n\n> ## S-7 quoted\n\n## S-99 unknown\n');
    const f = fileFindings(text);
    assert.deepEqual(f.map(where), ['unlisted-heading@7:4-7:7']);
    assert.equal(f[0].severity, 'information');
    assert.equal(f[0].controlId, 'W-7');
  });

  it('missing-review-date: answered with no date at all', () => {
    const f = fileFindings(policy('controls:\n  S-5: 回答\n  S-6:'));
    assert.deepEqual(f.map(where), ['missing-review-date@3:3-3:6', 'unanswered@4:3-4:6']);
    assert.equal(f[0].severity, 'information');
  });

  it('review-due-soon: due within due_soon_days', () => {
    const f = fileFindings(policy('reviewed: 2025-12-10\ncontrols:\n  S-5: 回答'));
    assert.deepEqual(f.map(where), ['review-due-soon@4:3-4:6']);
    assert.equal(f[0].severity, 'hint');
    assert.deepEqual(codes(policy('reviewed: 2025-12-22\ncontrols:\n  S-5: 回答')), []);
  });

  it('no date findings for an answer whose date is invalid', () => {
    assert.deepEqual(codes(policy('reviewed: 2026-13-01\ncontrols:\n  S-5: 回答')), ['invalid-date@2:11-2:21']);
  });

  it('invalid-config, unknown-catalog: at the node of isms.yaml', () => {
    const r = checkFiles({ 'p.md': policy('reviewed: 2026-01-01\ncontrols:\n  S-5: a\n  S-99: b', '## W-1 x\n本文') }, { config: 'catalog: nosuch\ndue_soon_days: -1\nincldue: []\n' });
    const f = r.findings;
    assert.deepEqual(f.map((x) => `${x.file}:${where(x)}`), [
      'isms.yaml:unknown-catalog@1:10-1:16',
      'isms.yaml:invalid-config@2:16-2:18',
      'isms.yaml:invalid-config@3:1-3:8',
    ]);
    assert.deepEqual(r.result.catalog, { id: 'nosuch', title: null, total: 0 });
    assert.equal(r.result.coverage.percent, 0);
  });

  it('findings that need no catalog are still made with an unknown catalog', () => {
    const r = checkFiles({ 'p.md': policy('reviewed: 2025-01-01\ncontrols:\n  S-5: a\n  S-6:\n  s5: dup') }, { config: 'catalog: nosuch\n' });
    assert.deepEqual(r.findings.filter((x) => x.file === 'p.md').map(where), ['stale@4:3-4:6', 'unanswered@5:3-5:6', 'duplicate-control@6:3-6:5']);
  });
});

describe('severities (SPEC §6 table)', () => {
  const TABLE: Record<string, string> = {
    'invalid-front-matter': 'error', 'invalid-config': 'error', 'unknown-catalog': 'error', 'unknown-control': 'error',
    'duplicate-control': 'error', 'invalid-status': 'error', 'invalid-date': 'error', unanswered: 'warning', stale: 'warning',
    'missing-in-scope': 'warning', uncovered: 'warning', 'unlisted-heading': 'information', 'missing-review-date': 'information',
    'review-due-soon': 'hint',
  };

  it('every code is produced with its documented severity', () => {
    const files = {
      'a.md': policy('reviewed: 2025-01-01\nreview_interval_days: x\nscope: [M]\ncontrols:\n  M-1: a\n  M-1: b\n  X-9: c\n  M-2: {status: nope, answer: d, reviewed: 2026-02-30}\n  M-3:', '## W-1 x\n本文\n'),
      'b.md': policy('controls:\n  S-1: a\n  S-2:\n    answer: b\n    reviewed: 2025-12-01'),
    };
    const seen = new Map<string, Set<string>>();
    for (const run of [checkFiles(files, { config: 'catalog: mic-telework-v4\nbogus: 1\n' }), checkFiles(files, { config: 'catalog: nosuch\n' })]) {
      for (const f of run.findings) seen.set(f.code, (seen.get(f.code) ?? new Set()).add(f.severity));
    }
    assert.deepEqual([...seen.keys()].sort(), Object.keys(TABLE).sort());
    for (const [code, sev] of seen) assert.deepEqual([...sev], [TABLE[code]], code);
  });
});

describe('sections (SPEC §3, §9)', () => {
  it('a level-3 heading answer is closed by a level-2 heading', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols: [S-5, S-6]', '## 総則\n\n### S-5 フィルタ\n\n## 付則\n\nこの段落は S-5 の回答ではない。\n');
    assert.deepEqual(codes(text), ['unanswered@3:12-3:15', 'unanswered@3:17-3:20']);
  });

  it('a section ends at any heading led by an ID, even a deeper one', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols: [S-5, S-6]', '## S-5\n\n### S-6 細目\n\n本文\n');
    assert.deepEqual(codes(text), ['unanswered@3:12-3:15']);
  });

  it('a deeper heading without an ID stays inside the section', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols: [S-5]', '## S-5\n\n### 手順\n\n本文\n');
    assert.deepEqual(codes(text), []);
  });

  it('placeholder-only sections and answers do not answer', () => {
    for (const body of ['TODO', '  todo  ', 'TBD', 'FIXME: 後で', 'XXX 要確認', '-', '...', '…', '未記入', '未回答', '未定', '検討中', '記入してください', 'ーーー', '<!-- 後で書く -->', '']) {
      const text = policy('reviewed: 2026-01-01\ncontrols: [S-5]', `## S-5 フィルタ\n\n${body}\n`);
      assert.deepEqual(codes(text), ['unanswered@3:12-3:15'], JSON.stringify(body));
    }
    for (const body of ['TODOリストを管理している。', '- - -x', '未定義の端末は接続させない。']) {
      const text = policy('reviewed: 2026-01-01\ncontrols: [S-5]', `## S-5 フィルタ\n\n${body}\n`);
      assert.deepEqual(codes(text), [], JSON.stringify(body));
    }
  });

  it('isms.yaml may add placeholder words', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols:\n  S-5: 準備中');
    assert.deepEqual(codes(text), []);
    assert.deepEqual(codes(text, { config: 'placeholders: [準備中]\n' }), ['unanswered@4:3-4:6']);
  });

  it('an answer in the entry and in a section is one answer, on the key line', () => {
    const r = checkFiles({ 'p.md': policy('reviewed: 2026-01-01\ncontrols:\n  S-5: 回答', '## S-5 x\n本文\n\n## S-5 y\n別の本文\n') });
    assert.deepEqual(r.result.controls.find((c) => c.id === 'S-5')!.answeredBy, [{ file: 'p.md', line: 4, status: 'implemented' }]);
  });

  it('a section answer is placed on its heading line', () => {
    const r = checkFiles({ 'p.md': policy('reviewed: 2026-01-01\ncontrols: [W-1]', '# 規程\n\n## W-1 管理責任\n本文\n') });
    assert.deepEqual(r.result.controls.find((c) => c.id === 'W-1')!.answeredBy, [{ file: 'p.md', line: 7, status: 'implemented' }]);
  });
});
