import assert from 'node:assert/strict';
import { readConfig } from '../server/src/core/config';
import { checkFiles, policy, where } from './helpers';

describe('isms.yaml', () => {
  it('applies every default without a file', () => {
    const c = readConfig('isms.yaml', undefined, 'en');
    assert.deepEqual(
      { catalog: c.catalog, i: c.reviewIntervalDays, d: c.dueSoonDays, inc: c.include, exc: c.exclude, f: c.findings },
      { catalog: 'mic-telework-v4', i: 365, d: 30, inc: ['**/*.md'], exc: [], f: [] },
    );
  });

  it('reads every key', () => {
    const c = readConfig('isms.yaml', 'catalog: x\nreview_interval_days: 180\ndue_soon_days: 0\ninclude: [policies/**/*.md]\nexclude: [drafts/**]\ncatalogs: [c.yaml]\nplaceholders: [準備中]\n', 'en');
    assert.deepEqual(c.findings, []);
    assert.equal(c.reviewIntervalDays, 180);
    assert.equal(c.dueSoonDays, 0);
    assert.deepEqual(c.include, ['policies/**/*.md']);
    assert.deepEqual(c.catalogs.map((x) => x.path), ['c.yaml']);
  });

  it('reports wrong types at the node and keeps the default', () => {
    const c = readConfig('isms.yaml', 'review_interval_days: 0\ninclude: "*.md"\ncatalog: [a]\n', 'en');
    assert.equal(c.reviewIntervalDays, 365);
    assert.deepEqual(c.include, ['**/*.md']);
    assert.deepEqual(c.findings.map((f) => [f.code, f.range.start, f.range.end]), [
      ['invalid-config', 22, 23],
      ['invalid-config', 33, 39],
      ['invalid-config', 49, 52],
    ]);
  });

  it('reports a YAML error as invalid-config', () => {
    const c = readConfig('isms.yaml', 'catalog: [\n', 'ja');
    assert.equal(c.findings[0].code, 'invalid-config');
    assert.match(c.findings[0].message, /isms\.yaml/);
  });
});

describe('custom catalogs', () => {
  const custom = 'id: acme-v1\ntitle: ACME\nedition: "1"\nsource: internal\nroles: [{id: A, label: エ, name: 監査人}]\ncategories: [{id: c, name: 監査}]\nitems:\n  - {id: A-1, role: A, category: c, text: 監査する, page: 3}\n  - {id: A-2, role: A, category: c, text: 報告する}\n';

  it('registers a catalog file and makes it active', () => {
    const r = checkFiles({ 'p.md': policy('reviewed: 2026-01-01\ncontrols:\n  エ-1: 回答\n  S-5: x') }, { config: 'catalog: acme-v1\ncatalogs: [acme.yaml]\n', catalogs: { 'acme.yaml': custom } });
    assert.deepEqual(r.result.catalog, { id: 'acme-v1', title: 'ACME', total: 2 });
    assert.deepEqual(r.findings.map((f) => `${f.file}:${where(f)}`), ['isms.yaml:uncovered@1:1-1:8', 'p.md:unknown-control@5:3-5:6']);
  });

  it('reports an invalid catalog in its own file, an unreadable one on its isms.yaml entry, and duplicate ids', () => {
    const r = checkFiles({}, { config: 'catalogs: [bad.yaml, missing.yaml, dup.json]\n', catalogs: { 'bad.yaml': 'id: bad\n', 'dup.json': JSON.stringify({ id: 'mic-telework-v4', title: 't', edition: 'e', source: 's', roles: [{ id: 'A', name: 'a' }], categories: [], items: [] }) } });
    const cfg = r.findings.filter((f) => f.code === 'invalid-config');
    assert.deepEqual(cfg.map((f) => `${f.file}:${where(f)}`), ['bad.yaml:invalid-config@1:1-2:1', 'bad.yaml:invalid-config@1:1-2:1', 'bad.yaml:invalid-config@1:1-2:1', 'bad.yaml:invalid-config@1:1-2:1', 'bad.yaml:invalid-config@1:1-2:1', 'bad.yaml:invalid-config@1:1-2:1', 'isms.yaml:invalid-config@1:22-1:34', 'isms.yaml:invalid-config@1:36-1:44']);
    assert.match(cfg[0].message, /bad\.yaml: \/: missing property/);
  });
});
