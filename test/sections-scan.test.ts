// The line scanner must find exactly the sections remark finds.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinCatalog } from '../server/src/core/catalog/load';
import { createIdGrammar } from '../server/src/core/catalog/ids';
import { createPlaceholderTest } from '../server/src/core/placeholders';
import { parsePolicy } from '../server/src/core/policy/parse';
import type { ParseContext } from '../server/src/core/policy/context';
import { findSections } from '../server/src/core/policy/sections';

const catalog = builtinCatalog();
const base: ParseContext = { catalog, catalogId: catalog.id, roles: catalog.roles, grammar: createIdGrammar(catalog.roles, catalog), isPlaceholder: createPlaceholderTest(), lang: 'en' };

function same(text: string, sectionTexts: boolean) {
  const scanned = parsePolicy('p.md', text, { ...base, sectionMode: 'auto', sectionTexts });
  const reference = parsePolicy('p.md', text, { ...base, sectionMode: 'remark', sectionTexts });
  assert.deepEqual(scanned, reference, JSON.stringify(text));
}

const BLOCKS = [
  '## S-5 フィルタ', '### S-6', '# 総則', '## W-1：管理', '#### W-10 細目', '## S3 bucket', '## **S-7** 強調', '## S-7*x*', '## S-8 ##', '##S-9', '## イ-5 カナ', '## S-99 未知',
  '回答の本文です。', 'TODO', 'TODO: 後で', '未定', '- TODO', '**TODO**', '1. 手順', '- 項目\n  続き', '> ## S-6 引用', '> 引用文',
  '<!-- コメント -->', '<!--\n## S-5 in comment\n-->', '<div>\n## S-5 in html\n</div>', '[TODO][x]', '[x]: https://example.invalid',
  '```\n## S-5 in code\n```', '~~~~\n## S-6\n~~~', '    ## S-5 indented code', '  ## S-5 two spaces', '\t## S-5 tab',
  '見出し候補\n---', '見出し\n===', '---', '***', '- - -', 'テキスト  \n改行', '&amp; 実体', 'URL <https://example.invalid>', '| 表 | 表 |\n|---|---|\n| a | b |',
];

const body = fc.tuple(fc.array(fc.constantFrom(...BLOCKS), { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([blocks, eol, tight]) => blocks.join(tight ? '\n' : '\n\n').replace(/\n/g, eol));

describe('section scanner ≡ remark', () => {
  it('random bodies: identical headings, sections, answers and findings', () => {
    let scannerTaken = 0;
    fc.assert(
      fc.property(body, fc.boolean(), (b, texts) => {
        const text = `---\nreviewed: 2026-01-01\ncontrols: [S-5, S-6, W-1, W-10]\n---\n${b}\n`;
        const probe = findSections(text, text.indexOf('---\n', 4) + 4, { grammar: base.grammar, isPlaceholder: base.isPlaceholder, needText: () => false });
        if (probe !== null) scannerTaken++;
        same(text, texts);
      }),
      { numRuns: 4000, seed: 5 },
    );
    assert.ok(scannerTaken > 0);
  });

  it('the benchmark shapes take the scanner and agree with remark', async () => {
    const gen = await import('../bench/generate.mjs');
    let seed = 7;
    const r = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 200; i++) {
      for (const text of [gen.typical(r, i), gen.sections(r, i)]) {
        same(text, false);
        same(text, true);
      }
    }
  });
});
