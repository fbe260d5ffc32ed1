// Bad input never crashes the checker: random and mutated front-matter.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkFiles, policy } from './helpers';
import { textReport } from '../server/src/core/report/text';
import { locateFindings } from '../server/src/core/report/locate';

const SEED = policy(
  'title: 規程\nreviewed: 2026-04-01\nreview_interval_days: 365\nscope: [S, イ]\ncontrols:\n  S-5:\n    status: implemented\n    answer: 回答\n    reviewed: 2026-04-01\n    evidence: [a.md]\n  S-6: TODO\n  W-7: {}\n  イ-8: 😀',
  '## W-7 確認\n本文\n\n### S-6\n\n<!-- x -->\n',
);

const fragments = ['---', 'controls:', '\n', '\r\n', ':', '- ', '  ', '[', ']', '{', '}', '"', "'", '&a', '*a', '!!str', '#', '|', '>', 'S-5', 'イ-5', '（イ）５', '2026-02-30', '20260101', 'status: x', 'answer:', '\uFEFF', '😀', '\u0000', '\t', '? ', '%YAML 1.2'];

function assertWellFormed(files: Record<string, string>) {
  const r = checkFiles(files);
  for (const f of r.findings) {
    assert.ok(f.range.start >= 0 && f.range.end >= f.range.start, `range of ${f.code}`);
    assert.ok(f.line >= 1 && f.column >= 1, `position of ${f.code}`);
    assert.equal(typeof f.message, 'string');
  }
  assert.ok(r.result.coverage.covered <= r.result.coverage.total);
}

describe('robustness (fast-check)', () => {
  it('random text after an opening fence never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        assertWellFormed({ 'p.md': `---\ncontrols:\n${s}\n---\n${s}` });
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('mutations of a valid policy (insert, delete, replace) never throw', () => {
    const mutation = fc.tuple(fc.nat({ max: SEED.length }), fc.nat({ max: 20 }), fc.constantFrom(...fragments));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (muts) => {
        let text = SEED;
        for (const [at, del, ins] of muts) {
          const i = Math.min(at, text.length);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        assertWellFormed({ 'p.md': text });
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('random isms.yaml never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('catalog: ', 'include: ', 'catalogs: ', 'placeholders: ', 'due_soon_days: ', '[', ']', '- ', 'x', '1', '-3', '\n', '{', '}', ':'), { maxLength: 30 }), (parts) => {
        const r = checkFiles({ 'p.md': SEED }, { config: parts.join('') });
        assert.ok(Array.isArray(r.findings));
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('a YAML alias bomb is a clear invalid-front-matter or a bounded parse', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const text = policy(`${bomb.join('\n')}\ncontrols:\n  S-5: *j`);
    const started = process.hrtime.bigint();
    const f = checkFiles({ 'p.md': text }).findings.filter((x) => x.file === 'p.md');
    assert.ok(process.hrtime.bigint() - started < 5_000_000_000n);
    assert.deepEqual(f.map((x) => x.code), ['invalid-front-matter']);
  });
});

describe('text report colour', () => {
  it('colours severities only when asked', () => {
    const r = checkFiles({ 'p.md': policy('controls:\n  X-1: a') });
    const located = locateFindings(r.result.findings, () => '');
    assert.match(textReport(r.result, located, 'ja', true), /\x1b\[31merror\x1b\[0m/);
    assert.doesNotMatch(textReport(r.result, located, 'ja', false), /\x1b\[/);
  });
});
