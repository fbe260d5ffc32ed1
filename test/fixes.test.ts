// Quick fixes: apply the edit, re-check, the finding is gone, nothing else changed.
import assert from 'node:assert/strict';
import { applyEdits, insertUncoveredFix, quickFixes, type FixContext } from '../server/src/core/fixes';
import { checkFiles, policy, TODAY } from './helpers';

function contextFor(text: string, opts: { config?: string } = {}) {
  const run = checkFiles({ 'p.md': text }, opts);
  const model = run.result.policies[0];
  const ctx: FixContext = { text, model, catalog: run.result.activeCatalog, today: TODAY, lang: 'en' };
  return { run, ctx };
}

function fixOnce(text: string, code: string, pick = 0) {
  const { run, ctx } = contextFor(text);
  const finding = run.findings.find((f) => f.code === code && f.file === 'p.md');
  assert.ok(finding, `a ${code} finding`);
  const fixes = quickFixes(finding, ctx);
  assert.ok(fixes.length > pick, `a fix for ${code}`);
  return { fix: fixes[pick], after: applyEdits(text, fixes[pick].edits) };
}

const codesOf = (text: string) => checkFiles({ 'p.md': text }).findings.filter((f) => f.file === 'p.md').map((f) => f.code);

describe('quick fixes', () => {
  it('missing-in-scope: inserts the missing entries with their text as a comment, keeping the rest', () => {
    const text = policy('title: 方針  # 表題\nreviewed: 2026-01-01\nscope: [M]\ncontrols:\n  M-1: a   # 既存のコメント\n  M-2:\n    answer: b\n# 末尾のコメント\nowner: 総務');
    const { fix, after } = fixOnce(text, 'missing-in-scope');
    assert.equal(fix.isPreferred, true);
    assert.equal(
      after,
      policy('title: 方針  # 表題\nreviewed: 2026-01-01\nscope: [M]\ncontrols:\n  M-1: a   # 既存のコメント\n  M-2:\n    answer: b\n  M-3: # テレワーク勤務者が情報セキュリティ対策の重要性を理解した上で作業を行えるようにするため、定期的に教育・啓発活動を実施させる。\n  M-4: # 情報セキュリティ事故の発生に備えて、迅速な対応がとれるように連絡体制を整えるとともに、事故時の対応についての訓練を実施させる。\n  M-5: # テレワークにおける情報セキュリティ対策に適切な理解を示した上で、必要な人材・資源に必要な予算を割り当てる。\n# 末尾のコメント\nowner: 総務'),
    );
    assert.deepEqual(codesOf(after).filter((c) => c !== 'uncovered'), ['unanswered', 'unanswered', 'unanswered']);
    // Idempotent: nothing left to fix.
    assert.equal(contextFor(after).run.findings.some((f) => f.code === 'missing-in-scope'), false);
  });

  it('missing-in-scope: list forms and CRLF keep their shape and line ending', () => {
    const flow = policy('reviewed: 2026-01-01\nscope: M\ncontrols: [M-1, M-2, M-3, M-4]', '## M-1\na\n').replace(/\n/g, '\r\n');
    const { after } = fixOnce(flow, 'missing-in-scope');
    assert.ok(after.includes('controls: [M-1, M-2, M-3, M-4, M-5]\r\n# M-5 テレワークにおける'), after);
    assert.equal(after.replace(/\r\n/g, '').length + (after.match(/\r\n/g) ?? []).length * 2, after.length);
    assert.ok(!/[^\r]\n/.test(after), 'only CRLF line endings');
    const block = policy('reviewed: 2026-01-01\nscope: M\ncontrols:\n    - M-1\n    - M-2\n    - M-3\n    - M-4');
    assert.ok(fixOnce(block, 'missing-in-scope').after.includes('    - M-4\n    - M-5 # テレワークにおける'));
    const empty = policy('reviewed: 2026-01-01\nscope: M\ncontrols: ~  # 後で');
    const afterEmpty = fixOnce(empty, 'missing-in-scope').after;
    assert.ok(afterEmpty.includes('controls:  # 後で\n  M-1: # 経営者は'), afterEmpty);
    assert.equal(codesOf(afterEmpty).filter((c) => c === 'missing-in-scope' || c === 'invalid-front-matter').length, 0);
  });

  it('unknown-control: replaces the ID with the nearest ones', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols:\n  S-19: 回答 # コメント');
    const { fix, after } = fixOnce(text, 'unknown-control');
    assert.equal(fix.title, 'Replace with S-18');
    assert.equal(after, text.replace('S-19', 'S-18'));
    assert.equal(codesOf(after).includes('unknown-control'), false);
  });

  it('stale: replaces the entry date, or gives the entry its own date', () => {
    const cases: [string, string][] = [
      ['  S-5:\n    answer: a\n    reviewed: 2025-01-01', '  S-5:\n    answer: a\n    reviewed: 2026-11-21'],
      ['  S-5:\n    answer: a  # メモ\n    status: partial', '  S-5:\n    answer: a  # メモ\n    status: partial\n    reviewed: 2026-11-21'],
      ['  S-5: "引用: された回答"  # メモ', '  S-5:\n    answer: "引用: された回答"\n    reviewed: 2026-11-21  # メモ'],
      ['  S-5: {answer: a}', '  S-5: {answer: a, reviewed: 2026-11-21}'],
    ];
    for (const [entry, expected] of cases) {
      const text = policy(`reviewed: 2024-01-01\ncontrols:\n${entry}`);
      const { fix, after } = fixOnce(text, 'stale');
      assert.equal(after, policy(`reviewed: 2024-01-01\ncontrols:\n${expected}`), entry);
      assert.match(fix.title, /Mark S-5 reviewed today/);
      assert.equal(codesOf(after).includes('stale'), false, entry);
    }
  });

  it('stale in the list form: the document date, and the title says so', () => {
    const text = policy('reviewed: 2024-01-01\ncontrols: [S-5]', '## S-5\n回答\n');
    const { fix, after } = fixOnce(text, 'stale');
    assert.match(fix.title, /whole document/);
    assert.equal(after, text.replace('2024-01-01', '2026-11-21'));
  });

  it('unlisted-heading: adds the control to controls', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols:\n  S-5: a', '## W-7 確認\n本文\n');
    const { after } = fixOnce(text, 'unlisted-heading');
    assert.ok(after.includes('  S-5: a\n  W-7: # 作業開始前に'));
    assert.deepEqual(codesOf(after).filter((c) => c !== 'uncovered'), []);
  });

  it('insert all uncovered: a source action that skips what the file lists', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols:\n  S-5: a\n  S-6:');
    const { run, ctx } = contextFor(text);
    const uncovered = run.result.controls.filter((c) => !c.covered).map((c) => c.id);
    const fix = insertUncoveredFix(ctx, uncovered)!;
    assert.equal(fix.kind, 'source');
    assert.match(fix.title, /Add the 41 controls/);
    const after = applyEdits(text, fix.edits);
    assert.equal((after.match(/^  [MSW]-\d+:/gm) ?? []).length, 43);
    assert.equal(insertUncoveredFix(contextFor(after).ctx, uncovered), null, 'a second application changes nothing');
  });
});
