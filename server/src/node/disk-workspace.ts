// A workspace folder as the language server sees it: the files on disk, with
// open documents' unsaved text laid over them, kept checked one file at a time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { selectCatalog, type CatalogSelection } from '../core/check/workspace';
import { WorkspaceState } from '../core/check/incremental';
import { CONFIG_FILE, readConfig, type WorkspaceConfig } from '../core/config';
import type { CatalogFile } from '../core/catalog/registry';
import type { Finding, Lang } from '../core/types';
import { parsePolicy } from '../core/policy/parse';
import type { PolicyModel } from '../core/policy/model';
import { createMatcher, readText, toPosix, walkMarkdown, type Matcher } from './files';

export interface CheckOptions {
  today: number;
  lang: Lang;
  catalogOverride?: string;
  reviewIntervalDays?: number | null;
  dueSoonDays?: number | null;
}

export class DiskWorkspace {
  readonly configPath: string;
  readonly state = new WorkspaceState();
  private configText: string | undefined;
  private catalogFiles: CatalogFile[] = [];
  private catalogPaths = new Set<string>();
  private matcher: Matcher = () => false;
  /** Markdown files on disk (absolute path → text); only those include/exclude admit. */
  private readonly disk = new Map<string, string>();
  /** Open documents (absolute path → unsaved text). */
  private readonly overlays = new Map<string, string>();
  /** Files whose text changed since the last check. */
  private readonly dirty = new Set<string>();
  private lang: Lang = 'ja';
  /** Bumped whenever isms.yaml or a catalog's text is read anew: settings are re-applied only then. */
  private configVersion = 0;
  private configCache: { key: string; config: WorkspaceConfig } | undefined;
  private configureKey = '';

  constructor(
    readonly root: string,
    private readonly log: (message: string) => void,
  ) {
    this.configPath = path.join(root, CONFIG_FILE);
  }

  rel(abs: string): string {
    return toPosix(path.relative(this.root, abs));
  }

  abs(rel: string): string {
    return path.resolve(this.root, rel);
  }

  contains(abs: string): boolean {
    const r = path.relative(this.root, abs);
    return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
  }

  /** The config as it reads now (without editor settings applied). */
  config(lang: Lang = this.lang): WorkspaceConfig {
    const key = `${this.configVersion}|${lang}`;
    if (this.configCache?.key !== key) this.configCache = { key, config: readConfig(CONFIG_FILE, this.overlays.get(this.configPath) ?? this.configText, lang) };
    return this.configCache.config;
  }

  /**
   * Reads isms.yaml, the catalogs it lists and every matching Markdown file.
   * `progress` is awaited between batches, so the caller can answer requests meanwhile.
   */
  async loadAll(lang: Lang, progress?: (done: number, total: number) => Promise<void> | void): Promise<void> {
    this.lang = lang;
    this.loadConfig();
    this.disk.clear();
    const walked = walkMarkdown(this.root, this.root, this.matcher);
    for (const s of walked.skipped) this.log(`skipped ${s.path}: ${s.reason}`);
    for (let i = 0; i < walked.files.length; i++) {
      if (i % 250 === 0) await progress?.(i, walked.files.length);
      this.readMarkdown(walked.files[i]);
    }
    await progress?.(walked.files.length, walked.files.length);
    for (const abs of this.disk.keys()) this.dirty.add(abs);
  }

  private loadConfig(): void {
    const read = fs.existsSync(this.configPath) ? readText(this.configPath) : undefined;
    if (read && !read.ok) this.log(`cannot read ${this.configPath}: ${read.reason}`);
    this.configText = read?.ok ? read.text : undefined;
    this.configVersion++;
    const config = this.config();
    this.matcher = createMatcher(config.include, config.exclude);
    this.catalogPaths.clear();
    this.catalogFiles = config.catalogs.map((ref) => {
      const abs = this.abs(ref.path);
      this.catalogPaths.add(abs);
      const text = this.overlays.get(abs);
      const r = text === undefined ? readText(abs) : { ok: true as const, text };
      return { ref, displayPath: this.rel(abs), text: r.ok ? r.text : undefined };
    });
  }

  private readMarkdown(abs: string): void {
    const r = readText(abs);
    if (r.ok) this.disk.set(abs, r.text);
    else {
      this.disk.delete(abs);
      this.log(`skipped ${abs}: ${r.reason}`);
    }
    this.dirty.add(abs);
  }

  /** Whether a path is one this workspace reads as a policy candidate. */
  isRelevant(abs: string): boolean {
    return this.contains(abs) && abs.toLowerCase().endsWith('.md') && this.matcher(this.rel(abs)) && !/(^|\/)(node_modules|\.git)\//.test(this.rel(abs));
  }

  isConfigOrCatalog(abs: string): boolean {
    return abs === this.configPath || this.catalogPaths.has(abs);
  }

  /** A file changed, appeared or disappeared on disk. */
  refresh(abs: string): void {
    if (this.isConfigOrCatalog(abs)) {
      // include/exclude may have changed: find the files again.
      const before = new Set(this.disk.keys());
      this.loadConfig();
      const walked = walkMarkdown(this.root, this.root, this.matcher);
      const now = new Set(walked.files);
      for (const f of before) if (!now.has(f)) this.forget(f);
      for (const f of walked.files) if (!before.has(f)) this.readMarkdown(f);
      return;
    }
    if (!this.isRelevant(abs)) return;
    if (fs.existsSync(abs)) this.readMarkdown(abs);
    else this.forget(abs);
  }

  private forget(abs: string): void {
    this.disk.delete(abs);
    this.dirty.add(abs);
  }

  /** Lays an open document's text over the disk (undefined: closed). */
  setOverlay(abs: string, text: string | undefined): void {
    if (text === undefined) this.overlays.delete(abs);
    else this.overlays.set(abs, text);
    if (this.isConfigOrCatalog(abs)) this.loadConfig();
    else this.dirty.add(abs);
  }

  textOf(abs: string): string | undefined {
    if (this.overlays.has(abs)) return this.overlays.get(abs);
    if (abs === this.configPath) return this.configText;
    const cat = this.catalogFiles.find((c) => this.abs(c.displayPath) === abs);
    if (cat) return cat.text;
    return this.disk.get(abs);
  }

  private effectiveConfig(opts: CheckOptions): WorkspaceConfig {
    const config = { ...this.config(opts.lang) };
    if (!config.explicit.has('review_interval_days') && opts.reviewIntervalDays) config.reviewIntervalDays = opts.reviewIntervalDays;
    if (!config.explicit.has('due_soon_days') && opts.dueSoonDays != null) config.dueSoonDays = opts.dueSoonDays;
    return config;
  }

  /**
   * Brings the state up to date: settings first, then the files that changed.
   * Returns the absolute paths whose findings changed.
   */
  check(opts: CheckOptions): Set<string> {
    if (opts.lang !== this.lang) {
      this.lang = opts.lang;
      this.loadConfig();
    }
    const changed = new Set<string>();
    // Settings are applied (catalogs registered, signatures compared) only when something they depend on moved, not per keystroke.
    const configureKey = JSON.stringify([this.configVersion, opts]);
    if (configureKey !== this.configureKey) {
      this.configureKey = configureKey;
      for (const rel of this.state.configure({ config: this.effectiveConfig(opts), catalogFiles: this.catalogFiles, today: opts.today, lang: opts.lang, catalogOverride: opts.catalogOverride || undefined })) changed.add(this.abs(rel));
    }
    for (const abs of this.dirty) {
      const text = this.isRelevant(abs) ? (this.overlays.get(abs) ?? this.disk.get(abs)) : undefined;
      if (this.state.setFile(this.rel(abs), text)) changed.add(abs);
    }
    this.dirty.clear();
    return changed;
  }

  findingsOf(abs: string): Finding[] {
    return this.state.findingsOf(this.rel(abs));
  }

  /** The catalog selection the next check would use. */
  selection(lang: Lang, catalogOverride?: string): CatalogSelection {
    return this.state.selectionNow ?? selectCatalog(this.config(lang), this.catalogFiles, lang, catalogOverride || undefined);
  }

  /** A fresh parse of one text (for code actions, hover, completion). */
  parse(abs: string, text: string, selection: CatalogSelection): PolicyModel | null {
    if (selection === this.state.selectionNow) {
      const known = this.state.modelFor(this.rel(abs), text);
      if (known !== undefined) return known;
    }
    return parsePolicy(this.rel(abs), text, selection.context);
  }

  /** Every file's current text, for a one-off full check (the self-check table). */
  *sources(): Generator<{ path: string; text: string }> {
    const seen = new Set<string>();
    for (const [abs, text] of this.overlays) {
      if (this.isRelevant(abs)) {
        seen.add(abs);
        yield { path: this.rel(abs), text };
      }
    }
    for (const [abs, text] of this.disk) if (!seen.has(abs)) yield { path: this.rel(abs), text };
  }

  get catalogFileList(): CatalogFile[] {
    return this.catalogFiles;
  }

  effective(opts: CheckOptions): WorkspaceConfig {
    return this.effectiveConfig(opts);
  }
}
