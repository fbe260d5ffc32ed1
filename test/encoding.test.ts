// BOM, CRLF and non-BMP characters: positions in UTF-16 code units, line 1 = first line after the BOM.
import assert from 'node:assert/strict';
import { fileFindings, policy, where } from './helpers';
import { LineIndex } from '../server/src/core/text';

const base = policy('reviewed: 2026-01-01\ncontrols:\n  S-5:\n    status: bogus\n    answer: 回答', '## W-7 x\n本文\n');
const expected = ['invalid-status@5:13-5:18', 'unlisted-heading@8:4-8:7'];

describe('encodings and line endings', () => {
  it('LF baseline', () => {
    assert.deepEqual(fileFindings(base).map(where), expected);
  });

  it('UTF-8 BOM: same lines and columns', () => {
    assert.deepEqual(fileFindings(`\uFEFF${base}`).map(where), expected);
  });

  it('CRLF: same lines and columns', () => {
    assert.deepEqual(fileFindings(base.replace(/\n/g, '\r\n')).map(where), expected);
  });

  it('BOM + CRLF together', () => {
    assert.deepEqual(fileFindings(`\uFEFF${base.replace(/\n/g, '\r\n')}`).map(where), expected);
  });

  it('an emoji before the error shifts the column by two UTF-16 code units', () => {
    const text = policy('reviewed: 2026-01-01\ncontrols:\n  S-5: {answer: "🔐 暗号化", status: bogus}');
    assert.deepEqual(fileFindings(text).map(where), ['invalid-status@4:35-4:40']);
    const heading = policy('reviewed: 2026-01-01\ncontrols: [S-5]', '## S-5 🔐\n本文\n\n## 😀 W-7\n\n## W-8 😀\n');
    assert.deepEqual(fileFindings(heading).map(where), ['unlisted-heading@10:4-10:7']);
  });

  it('LineIndex puts the end of a CRLF line before the \\r', () => {
    const idx = new LineIndex('ab\r\ncd');
    assert.deepEqual(idx.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(idx.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
  });
});
