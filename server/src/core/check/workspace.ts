// The one answer to "what are the findings for this workspace state": the CLI
// and the language server both call checkWorkspace.
import { SEVERITY, type Finding, type Lang, type SourceFile } from '../types';
import { message } from '../messages';
import { formatDay } from '../dates';
import { builtinCatalog } from '../catalog/load';
import { createIdGrammar } from '../catalog/ids';
import { registerCatalogs, type CatalogFile } from '../catalog/registry';
import type { Catalog } from '../catalog/types';
import { createPlaceholderTest } from '../placeholders';
import type { WorkspaceConfig } from '../config';
import type { ParseContext } from '../policy/context';
import type { PolicyModel } from '../policy/model';
import type { Answer } from './evaluate';
import { checkFile, uncoveredFindings, type EvaluationEnv } from './file-check';
import { computeCoverage, type ControlCoverage, type Coverage } from './coverage';
import { sortFindings } from './sort';

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
  const context = input.sectionTexts ? { ...selection.context, sectionTexts: true } : selection.context;
  const env: EvaluationEnv = { catalog, today, reviewIntervalDays: config.reviewIntervalDays, dueSoonDays: config.dueSoonDays, lang };
  let policyCount = 0;
  for (const file of input.files) {
    const r = checkFile(file.path, file.text, context, env);
    if (!r) continue;
    policyCount++;
    if (input.keepModels) policies.push(r.model);
    findings.push(...r.findings);
    answers.push(...r.answers);
  }
  const { coverage, controls } = computeCoverage(catalog, answers);
  if (catalog) findings.push(...uncoveredFindings(config, controls, lang));
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
