import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinCatalog, loadCatalog } from '../server/src/core/catalog/load';
import { createIdGrammar } from '../server/src/core/catalog/ids';

describe('catalog mic-telework-v4', () => {
  const c = builtinCatalog();

  it('has 43 items, 5/18/20 per role, in guideline order', () => {
    assert.equal(c.items.length, 43);
    const count = (r: string) => c.items.filter((i) => i.role === r).length;
    assert.deepEqual([count('M'), count('S'), count('W')], [5, 18, 20]);
    assert.deepEqual(
      c.items.map((i) => i.id),
      [
        ...Array.from({ length: 5 }, (_, i) => `M-${i + 1}`),
        ...Array.from({ length: 18 }, (_, i) => `S-${i + 1}`),
        ...Array.from({ length: 20 }, (_, i) => `W-${i + 1}`),
      ],
    );
  });

  it('has the six categories in order with 13/13/3/4/6/4 items', () => {
    assert.deepEqual(
      c.categories.map((x) => x.name),
      ['情報セキュリティ保全対策の大枠', '悪意のソフトウェアに対する対策', '端末の紛失・盗難に対する対策', '重要情報の盗聴に対する対策', '不正侵入・踏み台に対する対策', '外部サービスの利用に対する対策'],
    );
    assert.deepEqual(
      c.categories.map((cat) => c.items.filter((i) => i.category === cat.id).length),
      [13, 13, 3, 4, 6, 4],
    );
    const inCat = (id: string) => c.items.filter((i) => i.category === id).map((i) => i.id);
    assert.deepEqual(inCat('loss'), ['S-12', 'W-11', 'W-12']);
    assert.deepEqual(inCat('eavesdropping'), ['S-13', 'W-13', 'W-14', 'W-15']);
    assert.deepEqual(inCat('cloud'), ['S-17', 'S-18', 'W-19', 'W-20']);
  });

  it('carries the guideline texts and new page numbers exactly', () => {
    const item = (id: string) => c.itemById.get(id)!;
    assert.equal(item('M-1').page, 20);
    assert.equal(item('M-3').text, 'テレワーク勤務者が情報セキュリティ対策の重要性を理解した上で作業を行えるようにするため、定期的に教育・啓発活動を実施させる。');
    assert.equal(item('S-13').text, 'テレワーク端末において無線LANの脆弱性対策が適切に講じられるようにする。');
    assert.equal(item('S-13').page, 44);
    assert.match(item('W-6').text, /のみをインストールする。（私用端末利用の場合）テレワークで利用する端末に/);
    assert.equal(item('W-9').text.includes('root化'), true);
    assert.equal(item('W-20').page, 54);
    for (const i of c.items) {
      assert.ok(i.textEn && i.textEn.length > 20, `${i.id} has an English text`);
      assert.doesNotMatch(i.text, /\s/, `${i.id} has no PDF spaces`);
      assert.ok(Number.isInteger(i.page) && i.page! >= 20 && i.page! <= 54, `${i.id} page`);
    }
  });

  it('says that the 5th edition superseded it', () => {
    assert.match(c.note ?? '', /第5版/);
    assert.match(c.noteEn ?? '', /5th edition/);
  });

  it('validates as a catalog file through the same loader as workspace catalogs', () => {
    const text = readFileSync(new URL('../server/src/core/catalog/mic-telework-v4.json', import.meta.url), 'utf8');
    const { catalog, errors } = loadCatalog(text);
    assert.deepEqual(errors, []);
    assert.equal(catalog?.items.length, 43);
  });
});

describe('catalog schema errors', () => {
  it('names the path inside the file and what is wrong, at the node', () => {
    const text = 'id: mine\ntitle: T\nedition: "1"\nsource: x\nroles: [{id: A, name: 役割}]\ncategories: [{id: c, name: C}]\nitems:\n  - id: A-1\n    role: A\n    category: c\n    text: 項目\n    colour: red\n';
    const { catalog, errors } = loadCatalog(text);
    assert.equal(catalog, undefined);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].pointer, '/items/0');
    assert.match(errors[0].message, /unknown property "colour"/);
    assert.equal(text.slice(errors[0].range.start, errors[0].range.start + 5), 'id: A');
  });

  it('rejects references to undeclared roles and categories', () => {
    const text = 'id: mine\ntitle: T\nedition: "1"\nsource: x\nroles: [{id: A, name: 役割}]\ncategories: [{id: c, name: C}]\nitems:\n  - {id: A-1, role: A, category: nope, text: 項目}\n';
    const { errors } = loadCatalog(text);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].pointer, '/items/0/category');
    assert.equal(text.slice(errors[0].range.start, errors[0].range.end), 'nope');
  });

  it('reports a YAML syntax error with its position', () => {
    const { errors } = loadCatalog('id: [unclosed\n');
    assert.equal(errors.length > 0, true);
  });
});

describe('ID grammar (SPEC §2, §9)', () => {
  const c = builtinCatalog();
  const g = createIdGrammar(c.roles, c);
  const whole = (s: string) => g.matchWhole(s)?.id ?? null;
  const lead = (s: string) => g.matchLeading(s)?.id ?? null;

  it('resolves every documented form of S-5', () => {
    for (const s of ['S-5', 's5', 'S5', 'S-05', 'Ｓ－５', 'イ-5', 'イ5', '(イ)5', '（イ）５', '(イ)-5', 'システム管理者-5', '管理者－5', '管理者ー5', 'S‐5', 'S–5', 'S—5', 'S−5', ' S-5 ', 'ｲ5']) {
      assert.equal(whole(s), 'S-5', s);
    }
  });

  it('resolves the other roles and their names', () => {
    assert.equal(whole('経営者-3'), 'M-3');
    assert.equal(whole('(ア)1'), 'M-1');
    assert.equal(whole('テレワーク勤務者-20'), 'W-20');
    assert.equal(whole('勤務者-7'), 'W-7');
    assert.equal(whole('ウ１０'), 'W-10');
  });

  it('rejects near misses', () => {
    for (const s of ['S 5', 'S-5 URLフィルタ', 'S-5.1', 'S-5-2', 'S-5_x', 'S-5a', 'システム管理者5', '(イ5', 'イ)5', 'X-5', 'S-', '-5', 'SS-5', 'S--5']) {
      assert.equal(whole(s), null, s);
    }
  });

  it('marks well-formed IDs outside the catalog as unknown', () => {
    assert.deepEqual(g.matchWhole('S-19'), { id: 'S-19', known: false, length: 4 });
    assert.equal(g.matchWhole('S-0')?.known, false);
  });

  it('reads the leading token of headings: W-1 is never W-10', () => {
    assert.equal(lead('W-1 作業'), 'W-1');
    assert.equal(lead('W-10 作業'), 'W-10');
    assert.equal(lead('W-1：作業'), 'W-1');
    assert.equal(lead('S-1 2段階の監査'), 'S-1');
    assert.equal(lead('イ5 フィルタリング'), 'S-5');
    assert.equal(lead('（イ）５ フィルタリング'), 'S-5');
    assert.equal(lead('S3 bucket'), null);
    assert.equal(lead('M1 Mac'), null);
    assert.equal(lead('S-5.1 細目'), null);
    assert.equal(lead('アプリの導入'), null);
    assert.equal(lead('システム管理者 5'), null);
  });

  it('maps the token length back to the source text', () => {
    assert.equal(g.matchLeading('（イ）５ フィルタ')?.length, 4);
    assert.equal(g.matchLeading('S-05 x')?.length, 4);
  });
});
