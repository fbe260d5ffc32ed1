// The catalogs a workspace can choose from: the built-in one plus the files
// listed under `catalogs:` in isms.yaml (registered, never merged).
import { SEVERITY, type Finding, type Lang, type Range } from '../types';
import { message } from '../messages';
import { builtinCatalog, loadCatalog } from './load';
import type { Catalog } from './types';

export interface CatalogFile {
  /** The list item in isms.yaml that names the file. */
  ref: { path: string; range: Range };
  /** The file's path as findings name it. */
  displayPath: string;
  /** Its text, or undefined when it cannot be read. */
  text: string | undefined;
}

export interface CatalogRegistry {
  catalogs: Map<string, Catalog>;
  findings: Finding[];
}

export function registerCatalogs(configPath: string, files: CatalogFile[], lang: Lang): CatalogRegistry {
  const builtin = builtinCatalog();
  const catalogs = new Map<string, Catalog>([[builtin.id, builtin]]);
  const findings: Finding[] = [];
  const fail = (file: string, range: Range, text: string) =>
    findings.push({ code: 'invalid-config', severity: SEVERITY['invalid-config'], file, range, controlId: null, message: text });
  for (const f of files) {
    if (f.text === undefined) {
      fail(configPath, f.ref.range, message(lang, 'catalogUnreadable', { path: f.ref.path }));
      continue;
    }
    const { catalog, errors } = loadCatalog(f.text);
    for (const e of errors) fail(f.displayPath, e.range, message(lang, 'catalogInvalid', { path: f.displayPath, pointer: e.pointer || '/', detail: e.message }));
    if (!catalog) continue;
    if (catalogs.has(catalog.id)) fail(configPath, f.ref.range, message(lang, 'catalogDuplicate', { id: catalog.id }));
    else catalogs.set(catalog.id, catalog);
  }
  return { catalogs, findings };
}
