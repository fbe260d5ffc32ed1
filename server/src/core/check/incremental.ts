// The editor's view of a workspace, kept up to date one file at a time: each
// change re-parses only that file, moves only its answers in the per-control
// tallies, and says which files' findings changed. Its results equal
// checkWorkspace's on the same texts (a test compares them).
import type { CatalogFile } from '../catalog/registry';
import type { WorkspaceConfig } from '../config';
import { formatDay } from '../dates';
import type { Finding, Lang } from '../types';
import type { Answer } from './evaluate';
import { controlCoverage, summarizeCoverage, type ControlCoverage, type Coverage } from './coverage';
import { evaluateFile, uncoveredFindings, type EvaluationEnv, type FileResult } from './file-check';
import { parsePolicy } from '../policy/parse';
import type { PolicyModel } from '../policy/model';
import { selectCatalog, type CatalogSelection, type WorkspaceResult } from './workspace';
import { sortFindings } from './sort';

export interface StateSettings {
  config: WorkspaceConfig;
  catalogFiles: CatalogFile[];
  today: number;
  lang: Lang;
  catalogOverride?: string;
}

interface FileState {
  text: string;
  result: FileResult | null;
}


export class WorkspaceState {
  private readonly files = new Map<string, FileState>();
  /** controlId → file → that file's answers to it. */
  private readonly answers = new Map<string, Map<string, Answer[]>>();
  private readonly controlCache = new Map<string, ControlCoverage>();
  private readonly dirtyControls = new Set<string>();
  private settings: StateSettings | undefined;
  private selection: CatalogSelection | undefined;
  private env: EvaluationEnv | undefined;
  private parseSignature = '';
  private evalSignature = '';
  /** Increases whenever coverage may have changed. */
  coverageVersion = 0;

  /** Applies settings; returns the paths whose findings may have changed (all, when anything relevant did). */
  configure(settings: StateSettings): string[] {
    this.settings = settings;
    const { config, lang, today } = settings;
    this.selection = selectCatalog(config, settings.catalogFiles, lang, settings.catalogOverride);
    this.env = { catalog: this.selection.catalog, today, reviewIntervalDays: config.reviewIntervalDays, dueSoonDays: config.dueSoonDays, lang };
    const parseSignature = JSON.stringify([this.selection.id, config.placeholders, lang, settings.catalogFiles.map((f) => f.text ?? null)]);
    const evalSignature = JSON.stringify([parseSignature, today, config.reviewIntervalDays, config.dueSoonDays]);
    if (parseSignature === this.parseSignature && evalSignature === this.evalSignature) return [];
    const reparse = parseSignature !== this.parseSignature;
    this.parseSignature = parseSignature;
    this.evalSignature = evalSignature;
    for (const [path, state] of this.files) this.recompute(path, state, reparse);
    this.dirtyAll();
    return [...this.files.keys()];
  }

  /** Sets (or, with undefined, removes) a file's text; returns whether its findings changed. */
  setFile(path: string, text: string | undefined): boolean {
    const state = this.files.get(path);
    if (text === undefined) {
      if (!state) return false;
      this.files.delete(path);
      this.moveAnswers(path, state.result?.answers ?? [], []);
      return (state.result?.findings.length ?? 0) > 0;
    }
    if (state && state.text === text) return false;
    const next: FileState = { text, result: null };
    const before = state?.result?.findings ?? [];
    this.files.set(path, next);
    this.recompute(path, next, true, state?.result?.answers ?? []);
    return !sameFindings(before, next.result?.findings ?? []);
  }

  private recompute(path: string, state: FileState, reparse: boolean, oldAnswers = state.result?.answers ?? []): void {
    if (!this.selection || !this.env) return;
    const model = reparse || !state.result ? parsePolicy(path, state.text, this.selection.context) : state.result.model;
    state.result = model ? evaluateFile(model, state.text, this.env) : null;
    this.moveAnswers(path, oldAnswers, state.result?.answers ?? []);
  }

  private moveAnswers(path: string, before: Answer[], after: Answer[]): void {
    // Unchanged answers (the usual keystroke) leave coverage, and its version, alone.
    if (sameAnswers(before, after)) return;
    for (const a of before) this.answers.get(a.controlId)?.delete(path);
    for (const a of after) {
      let byFile = this.answers.get(a.controlId);
      if (!byFile) this.answers.set(a.controlId, (byFile = new Map()));
      const list = byFile.get(path);
      if (list) list.push(a);
      else byFile.set(path, [a]);
    }
    for (const a of [...before, ...after]) this.dirtyControls.add(a.controlId);
    this.coverageVersion++;
  }

  private dirtyAll(): void {
    this.controlCache.clear();
    this.coverageVersion++;
  }

  findingsOf(path: string): Finding[] {
    return this.files.get(path)?.result?.findings ?? [];
  }

  /** The model already parsed from exactly this text, if any (saves a parse per hover or completion). */
  modelFor(path: string, text: string): PolicyModel | null | undefined {
    const state = this.files.get(path);
    return state && state.text === text ? (state.result?.model ?? null) : undefined;
  }

  isPolicy(path: string): boolean {
    return Boolean(this.files.get(path)?.result);
  }

  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  /** Per-control coverage, recomputing only the controls whose answers moved. */
  controls(): ControlCoverage[] {
    const catalog = this.selection?.catalog;
    if (!catalog) return [];
    return catalog.items.map((item) => {
      const cached = this.controlCache.get(item.id);
      if (cached && !this.dirtyControls.has(item.id)) return cached;
      const c = controlCoverage(item.id, [...(this.answers.get(item.id)?.values() ?? [])].flat());
      this.controlCache.set(item.id, c);
      this.dirtyControls.delete(item.id);
      return c;
    });
  }

  coverage(controls = this.controls()): Coverage {
    return summarizeCoverage(this.selection?.catalog, controls);
  }

  /** isms.yaml's and the catalogs' own findings, plus `uncovered`. */
  workspaceFindings(): Finding[] {
    if (!this.settings || !this.selection) return [];
    const { config, lang } = this.settings;
    const own = [...config.findings, ...this.selection.findings];
    return this.selection.catalog ? [...own, ...uncoveredFindings(config, this.controls(), lang)] : own;
  }

  /** Everything at once, in the shape checkWorkspace returns. */
  snapshot(): WorkspaceResult {
    const catalog = this.selection?.catalog;
    const controls = this.controls();
    const findings = [...this.workspaceFindings()];
    let policyCount = 0;
    for (const state of this.files.values()) {
      if (!state.result) continue;
      policyCount++;
      findings.push(...state.result.findings);
    }
    return {
      catalog: { id: this.selection?.id ?? '', title: catalog ? catalog.title : null, total: catalog?.items.length ?? 0 },
      activeCatalog: catalog,
      today: formatDay(this.settings?.today ?? 0),
      coverage: this.coverage(controls),
      controls,
      findings: sortFindings(findings, catalog),
      policies: [],
      policyCount,
    };
  }

  get selectionNow(): CatalogSelection | undefined {
    return this.selection;
  }

  get todayNow(): number {
    return this.settings?.today ?? 0;
  }
}

function sameFindings(a: Finding[], b: Finding[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((f, i) => {
    const g = b[i];
    // Diagnostics are lines and columns: an edit that shifts offsets but not positions changes nothing.
    const p = f.position;
    const q = g.position;
    const samePlace = p && q ? p.line === q.line && p.column === q.column && p.endLine === q.endLine && p.endColumn === q.endColumn : f.range.start === g.range.start && f.range.end === g.range.end;
    return f.code === g.code && f.message === g.message && samePlace && f.controlId === g.controlId;
  });
}

function sameAnswers(a: Answer[], b: Answer[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return x.controlId === y.controlId && x.line === y.line && x.status === y.status && x.stale === y.stale;
  });
}
