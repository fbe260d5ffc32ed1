// The editor's incremental state must always equal a full check of the same texts.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkspaceState } from '../server/src/core/check/incremental';
import { checkWorkspace } from '../server/src/core/check/workspace';
import { readConfig } from '../server/src/core/config';
import { parseDay } from '../server/src/core/dates';
import { policy } from './helpers';

const TEXTS = [
  policy('reviewed: 2026-01-01\ncontrols:\n  S-5: 回答\n  S-6:'),
  policy('reviewed: 2024-01-01\nscope: [M]\ncontrols:\n  M-1: a\n  X-1: b'),
  policy('reviewed: 2026-10-01\ncontrols: [W-1, W-2]', '## W-1 x\n本文\n\n## W-3\nTODO\n'),
  policy('controls:\n  S-5: {status: bogus, answer: a}\n  S-5: dup'),
  policy('controls: [unclosed'),
  '# not a policy\n',
  policy('reviewed: 2026-11-01\ncontrols:\n  S-5:\n    answer: 新しい回答\n    reviewed: 2025-01-01'),
];
const today = parseDay('2026-11-21')!;

describe('incremental state ≡ checkWorkspace', () => {
  it('after any sequence of file changes, settings changes included', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('file' as const), path: fc.constantFrom('a.md', 'b.md', 'c.md'), text: fc.option(fc.constantFrom(...TEXTS), { nil: undefined }) }),
      fc.record({ kind: fc.constant('config' as const), config: fc.constantFrom('', 'review_interval_days: 30\n', 'catalog: nosuch\n', 'placeholders: [回答]\n', 'due_soon_days: 400\n') }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        const state = new WorkspaceState();
        const files = new Map<string, string>();
        let configText = '';
        const settings = () => ({ config: readConfig('isms.yaml', configText || undefined, 'en'), catalogFiles: [], today, lang: 'en' as const });
        state.configure(settings());
        for (const o of ops) {
          if (o.kind === 'file') {
            if (o.text === undefined) files.delete(o.path);
            else files.set(o.path, o.text);
            state.setFile(o.path, o.text);
          } else {
            configText = o.config;
            state.configure(settings());
          }
          const full = checkWorkspace({ ...settings(), files: [...files].map(([path, text]) => ({ path, text })) });
          const snap = state.snapshot();
          assert.deepEqual(snap.findings, full.findings);
          assert.deepEqual(snap.coverage, full.coverage);
          assert.deepEqual(snap.controls.map(({ answers: _a, ...c }) => c), full.controls.map(({ answers: _a, ...c }) => c));
          assert.equal(snap.policyCount, full.policyCount);
        }
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('reports only the files whose findings changed, and bumps the coverage version only when coverage moved', () => {
    const state = new WorkspaceState();
    state.configure({ config: readConfig('isms.yaml', undefined, 'en'), catalogFiles: [], today, lang: 'en' });
    assert.equal(state.setFile('a.md', TEXTS[0]), true);
    const v = state.coverageVersion;
    assert.equal(state.setFile('a.md', TEXTS[0]), false, 'same text: nothing changed');
    assert.equal(state.setFile('a.md', TEXTS[0].replace('回答', '別の回答')), false, 'same findings');
    assert.equal(state.coverageVersion, v, 'same answers: same coverage');
    assert.equal(state.setFile('a.md', TEXTS[0].replace('回答', 'TODO')), true);
    assert.ok(state.coverageVersion > v);
  });
});
