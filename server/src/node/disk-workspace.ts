// A workspace folder as the language server sees it: the files on disk, with
// open documents' unsaved text laid over them, checked by the core.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, createPolicyCache, selectCatalog, type CatalogSelection, type WorkspaceResult } from '../core/check/workspace';
import { parsePolicy } from '../core/policy/parse';
import type { PolicyModel } from '../core/policy/model';
import { CONFIG_FILE, readConfig, type WorkspaceConfig } from '../core/config';
import type { CatalogFile } from '../core/catalog/registry';
import type { Lang, SourceFile } from '../core/types';
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
  private configText: string | undefined;
  private catalogFiles: CatalogFile[] = [];
  private catalogPaths = new Set<string>();
  private matcher: Matcher = () => false;
  /** Markdown files on disk (absolute path → text); only those include/exclude admit. */
  private readonly disk = new Map<string, string>();
  /** Open documents (absolute path → unsaved text). */
  private readonly overlays = new Map<string, string>();
  private readonly cache = createPolicyCache();
  private lang: Lang = 'ja';

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

  /** The config as last read (without editor settings applied). */
  config(lang: Lang = this.lang): WorkspaceConfig {
    return readConfig(CONFIG_FILE, this.overlays.get(this.configPath) ?? this.configText, lang);
  }

  /** Reads isms.yaml, the catalogs it lists and every matching Markdown file. */
  loadAll(lang: Lang, progress?: (done: number, total: number) => void): void {
    this.lang = lang;
    this.loadConfig();
    this.disk.clear();
    const walked = walkMarkdown(this.root, this.root, this.matcher);
    for (const s of walked.skipped) this.log(`skipped ${s.path}: ${s.reason}`);
    walked.files.forEach((file, i) => {
      this.readMarkdown(file);
      if (i % 200 === 0) progress?.(i, walked.files.length);
    });
    progress?.(walked.files.length, walked.files.length);
  }

  private loadConfig(): void {
    const read = fs.existsSync(this.configPath) ? readText(this.configPath) : undefined;
    if (read && !read.ok) this.log(`cannot read ${this.configPath}: ${read.reason}`);
    this.configText = read?.ok ? read.text : undefined;
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
  }

  /** Whether a path is one this workspace reads (policy candidates, isms.yaml, catalogs). */
  isRelevant(abs: string): boolean {
    if (abs === this.configPath || this.catalogPaths.has(abs)) return true;
    return this.contains(abs) && abs.toLowerCase().endsWith('.md') && this.matcher(this.rel(abs)) && !/(^|\/)(node_modules|\.git)\//.test(this.rel(abs));
  }

  /** A file changed, appeared or disappeared on disk. Returns true when a full reload happened. */
  refresh(abs: string): boolean {
    if (abs === this.configPath || this.catalogPaths.has(abs)) {
      this.loadAll(this.lang);
      return true;
    }
    if (!this.isRelevant(abs)) return false;
    if (fs.existsSync(abs)) this.readMarkdown(abs);
    else this.disk.delete(abs);
    return false;
  }

  /** Lays an open document's text over the disk (undefined: closed). */
  setOverlay(abs: string, text: string | undefined): void {
    const wasConfig = abs === this.configPath || this.catalogPaths.has(abs);
    if (text === undefined) this.overlays.delete(abs);
    else this.overlays.set(abs, text);
    if (wasConfig) this.loadConfig();
  }

  textOf(abs: string): string | undefined {
    if (this.overlays.has(abs)) return this.overlays.get(abs);
    if (abs === this.configPath) return this.configText;
    const cat = this.catalogFiles.find((c) => this.abs(c.displayPath) === abs);
    if (cat) return cat.text;
    return this.disk.get(abs);
  }

  check(opts: CheckOptions & { sectionTexts?: boolean }): WorkspaceResult {
    if (opts.lang !== this.lang) {
      this.lang = opts.lang;
      this.loadConfig();
    }
    const config = this.config(opts.lang);
    if (!config.explicit.has('review_interval_days') && opts.reviewIntervalDays) config.reviewIntervalDays = opts.reviewIntervalDays;
    if (!config.explicit.has('due_soon_days') && opts.dueSoonDays != null) config.dueSoonDays = opts.dueSoonDays;
    const files: SourceFile[] = [];
    const seen = new Set<string>();
    for (const [abs, text] of this.overlays) {
      if (this.isRelevant(abs) && abs !== this.configPath && !this.catalogPaths.has(abs)) {
        files.push({ path: this.rel(abs), text });
        seen.add(abs);
      }
    }
    for (const [abs, text] of this.disk) if (!seen.has(abs)) files.push({ path: this.rel(abs), text });
    return checkWorkspace({ config, catalogFiles: this.catalogFiles, files, today: opts.today, lang: opts.lang, catalogOverride: opts.catalogOverride || undefined, cache: opts.sectionTexts ? undefined : this.cache, sectionTexts: opts.sectionTexts });
  }

  /** The catalog selection the next check would use. */
  selection(lang: Lang, catalogOverride?: string): CatalogSelection {
    return selectCatalog(this.config(lang), this.catalogFiles, lang, catalogOverride || undefined);
  }

  /** A fresh parse of one text (for code actions, hover, completion). */
  parse(abs: string, text: string, selection: CatalogSelection): PolicyModel | null {
    return parsePolicy(this.rel(abs), text, selection.context);
  }

  get fileCount(): number {
    return this.disk.size;
  }
}
