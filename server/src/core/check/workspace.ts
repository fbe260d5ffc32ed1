// The one answer to "what are the findings for this workspace state": the CLI
// and the language server both call checkWorkspace.
import { SEVERITY, type Finding, type Lang, type SourceFile } from '../types';
import { message } from '../messages';
import { formatDay } from '../dates';
import { LineIndex } from '../text';
import { builtinCatalog } from '../catalog/load';
import { createIdGrammar } from '../catalog/ids';
import { registerCatalogs, type CatalogFile } from '../catalog/registry';
import type { Catalog } from '../catalog/types';
import { createPlaceholderTest } from '../placeholders';
import type { WorkspaceConfig } from '../config';
import { parsePolicy } from '../policy/parse';
import type { ParseContext } from '../policy/context';
import type { PolicyModel } from '../policy/model';
import { evaluatePolicy, type Answer } from './evaluate';
import { computeCoverage, type ControlCoverage, type Coverage } from './coverage';
import { sortFindings } from './sort';
import { positionOf } from '../report/locate';

export interface WorkspaceInput {
  config: WorkspaceConfig;
  catalogFiles: CatalogFile[];
  /** Candidate Markdown files (read once, in order; a generator lets a caller stream them); non-policies are ignored. */
  files: Iterable<SourceFile>;
  /** Today as a day number (see dates.ts). */
  today: number;
  lang: Lang;
  /** A catalog chosen outside isms.yaml (CLI --catalog, editor setting). */
  catalogOverride?: string;
  /** A selection already made from the same config and catalog files. */
  selection?: CatalogSelection;
  /** Return the parsed models (tests and quick fixes want them; a big CLI run does not). */
  keepModels?: boolean;
  /** Work out every section's text (the self-check table shows them; findings do not need them). */
  sectionTexts?: boolean;
  /** Parse results kept between runs (an editor re-checks often; most files do not change). */
  cache?: PolicyCache;
}

export interface PolicyCache {
  signature?: string;
  entries: Map<string, { text: string; model: PolicyModel | null }>;
}

export function createPolicyCache(): PolicyCache {
  return { entries: new Map() };
}

export interface WorkspaceResult {
  catalog: { id: string; title: string | null; total: number };
  /** The active catalog, when known. */
  activeCatalog: Catalog | undefined;
  today: string;
  coverage: Coverage;
  controls: ControlCoverage[];
  findings: Finding[];
  /** The parsed policies, with keepModels. */
  policies: PolicyModel[];
  policyCount: number;
}

export interface CatalogSelection {
  catalog: Catalog | undefined;
  id: string;
  context: ParseContext;
  findings: Finding[];
  available: string[];
}

/** Registers the workspace's catalogs and picks the active one. */
export function selectCatalog(config: WorkspaceConfig, catalogFiles: CatalogFile[], lang: Lang, override?: string): CatalogSelection {
  const registry = registerCatalogs(config.path, catalogFiles, lang);
  const findings = [...registry.findings];
  const id = override ?? config.catalog;
  const catalog = registry.catalogs.get(id);
  const available = [...registry.catalogs.keys()];
  if (!catalog && override === undefined) {
    findings.push({
      code: 'unknown-catalog',
      severity: SEVERITY['unknown-catalog'],
      file: config.path,
      range: config.catalogValueRange ?? { start: 0, end: 0 },
      controlId: null,
      message: message(lang, 'unknownCatalog', { id, ids: available.join(', ') }),
    });
  }
  // Without a known catalog the built-in roles still tell what an ID looks like.
  const roles = catalog?.roles ?? builtinCatalog().roles;
  const context: ParseContext = {
    catalog,
    catalogId: id,
    roles,
    grammar: createIdGrammar(roles, catalog),
    isPlaceholder: createPlaceholderTest(config.placeholders),
    lang,
  };
  return { catalog, id, context, findings, available };
}

export function checkWorkspace(input: WorkspaceInput): WorkspaceResult {
  const { config, lang, today } = input;
  const selection = input.selection ?? selectCatalog(config, input.catalogFiles, lang, input.catalogOverride);
  const { catalog } = selection;
  const findings: Finding[] = [...config.findings, ...selection.findings];
  const answers: Answer[] = [];
  const policies: PolicyModel[] = [];
  const seen = new Set<string>();
  let policyCount = 0;
  const context = input.sectionTexts ? { ...selection.context, sectionTexts: true } : selection.context;
  const cache = input.cache;
  if (cache) {
    // A parse depends on the catalog, the placeholders and the language: when they change, start over.
    const signature = JSON.stringify([selection.id, config.placeholders, lang, input.sectionTexts === true, input.catalogFiles.map((f) => f.text ?? null)]);
    if (cache.signature !== signature) cache.entries.clear();
    cache.signature = signature;
  }
  for (const file of input.files) {
    seen.add(file.path);
    let model: PolicyModel | null;
    const hit = cache?.entries.get(file.path);
    if (hit && hit.text === file.text) model = hit.model;
    else {
      model = parsePolicy(file.path, file.text, context);
      cache?.entries.set(file.path, { text: file.text, model });
    }
    if (!model) continue;
    policyCount++;
    if (input.keepModels) policies.push(model);
    const evaluation = evaluatePolicy(model, { catalog, today, reviewIntervalDays: config.reviewIntervalDays, dueSoonDays: config.dueSoonDays, lang });
    // Positions now, while the text is at hand, so callers need not keep every file's text.
    const fileFindings = [...model.findings, ...evaluation.findings];
    if (fileFindings.length || evaluation.answers.length) {
      const idx = new LineIndex(file.text);
      for (const f of fileFindings) findings.push({ ...f, position: positionOf(idx, f.range.start, f.range.end) });
      for (const a of evaluation.answers) answers.push({ ...a, line: idx.positionAt(a.offset).line + 1 });
    }
  }
  if (cache) for (const key of cache.entries.keys()) if (!seen.has(key)) cache.entries.delete(key);
  const { coverage, controls } = computeCoverage(catalog, answers);
  if (catalog) {
    const range = config.catalogKeyRange ?? { start: 0, end: 0 };
    for (const c of controls) {
      if (c.covered) continue;
      findings.push({
        code: 'uncovered',
        severity: SEVERITY.uncovered,
        file: config.path,
        range,
        controlId: c.id,
        message: message(lang, config.exists ? 'uncovered' : 'uncoveredNoConfig', { id: c.id }),
      });
    }
  }
  return {
    catalog: { id: selection.id, title: catalog ? catalog.title : null, total: catalog?.items.length ?? 0 },
    activeCatalog: catalog,
    today: formatDay(today),
    coverage,
    controls,
    findings: sortFindings(findings, catalog),
    policies,
    policyCount,
  };
}
