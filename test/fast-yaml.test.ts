// The fast front-matter path must give exactly what the `yaml` Document path gives.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinCatalog } from '../server/src/core/catalog/load';
import { createIdGrammar } from '../server/src/core/catalog/ids';
import { createPlaceholderTest } from '../server/src/core/placeholders';
import { parsePolicy } from '../server/src/core/policy/parse';
import { fastParseYaml } from '../server/src/core/policy/fast-yaml';
import type { ParseContext } from '../server/src/core/policy/context';

const catalog = builtinCatalog();
const base: ParseContext = { catalog, catalogId: catalog.id, roles: catalog.roles, grammar: createIdGrammar(catalog.roles, catalog), isPlaceholder: createPlaceholderTest(), lang: 'en' };

function bothPaths(text: string) {
  const fast = parsePolicy('p.md', text, { ...base, fastYaml: true });
  const slow = parsePolicy('p.md', text, { ...base, fastYaml: false });
  assert.deepEqual(fast, slow, text);
}

const VALUES = ['TODO', '回答です。', '365', '0', '-5', '+3', '2026-02-30', '2026-11-21', 'true', 'False', 'null', '~', '', 'implemented', 'partial', 'Implemented', 'a: b', 'x #y', "'quoted'", '"double"', '1.5', '0x1F', '.inf', 'イ-5', '（イ）５', '[S-5, W-1]', '[]', '[ a , b ]', '[a, [b]]', '[a,]', '{}', '{answer: x}', '|', '> folded', '*alias', '&a x', '!tag x', 'a, b', 'S-5 URLフィルタ', '   spaced   ', '12345678901234567890'];
const KEYS = ['title', 'owner', 'reviewed', 'review_interval_days', 'scope', 'status', 'answer', 'evidence', 'S-5', 's5', 'イ-5', 'X-1', '5', 'controls', 'a b', '"q"', '-x', 'title '];

const PLAIN = ['TODO', '回答です。', '365', '0', '2026-11-21', '2025-01-01', 'implemented', 'partial', 'not-applicable', 'イ-5', '[S-5, W-1]', '[]', 'true', 'null', ''];
// Mostly plain values, so the fast path is taken often; the rest make it give up.
const value = fc.oneof({ arbitrary: fc.constantFrom(...PLAIN), weight: 12 }, { arbitrary: fc.constantFrom(...VALUES), weight: 1 });
const key = fc.oneof({ arbitrary: fc.constantFrom('title', 'reviewed', 'status', 'answer', 'evidence', 'S-5', 's5', 'イ-5', 'W-7', 'X-1'), weight: 10 }, { arbitrary: fc.constantFrom(...KEYS), weight: 1 });
const entry = fc.oneof(
  fc.tuple(key, value).map(([k, v]) => [`${k}: ${v}`]),
  fc.tuple(key, fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 4 }), fc.constantFrom('  ', '    ', '   ')).map(([k, kids, ind]) => [`${k}:`, ...kids.map(([kk, vv]) => `${ind}${kk}: ${vv}`)]),
);
const frontMatter = fc.tuple(
  fc.array(fc.tuple(key, value), { maxLength: 4 }),
  fc.array(entry, { minLength: 0, maxLength: 6 }),
  fc.constantFrom('  ', '    '),
  fc.constantFrom('\n', '\r\n'),
  fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  fc.boolean(),
).map(([top, controls, indent, eol, blank, trailing]) => {
  const lines = top.map(([k, v]) => `${k}: ${v}`);
  lines.push('controls:');
  for (const e of controls) for (const l of e) lines.push(`${indent}${l}`);
  if (blank) lines.splice(Math.min(1, lines.length), 0, '');
  if (trailing) lines[lines.length - 1] += ' ';
  return `---${eol}${lines.join(eol)}${eol}---${eol}本文${eol}`;
});

describe('fast front-matter path ≡ yaml Document path', () => {
  it('random plain and not-so-plain front-matter: identical models and findings', () => {
    let fastTaken = 0;
    fc.assert(
      fc.property(frontMatter, (text) => {
        const body = text.slice(text.indexOf('\n') + 1, text.lastIndexOf('---'));
        if (fastParseYaml(body)) fastTaken++;
        bothPaths(text);
      }),
      { numRuns: 3000, seed: 11 },
    );
    assert.ok(fastTaken > 900, `the fast path was exercised (${fastTaken} of 3000)`);
  });

  it('the fast path really is taken for plain front-matter', () => {
    assert.ok(fastParseYaml('title: 規程\nreviewed: 2026-01-01\ncontrols:\n  S-5: 回答\n  S-6:\n    status: partial\n    evidence: [a.md, b]\n'));
    assert.equal(fastParseYaml('controls:\n  S-5: "quoted"\n'), null);
    assert.equal(fastParseYaml('controls:\n  S-5: a # comment\n'), null);
  });

  it('the sample policies and the benchmark shapes: identical models', async () => {
    const dir = path.resolve(__dirname, '..', 'sample-policies');
    for (const f of ['01-情報セキュリティ基本方針.md', '02-システム管理基準.md', '03-テレワーク勤務規程.md', '04-クラウド・SNS利用規程.md']) bothPaths(readFileSync(path.join(dir, f), 'utf8'));
    const gen = await import('../bench/generate.mjs');
    let seed = 1;
    const r = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 300; i++) {
      bothPaths(gen.typical(r, i));
      bothPaths(gen.sections(r, i));
    }
  });
});
