import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkWorkspace, type WorkspaceResult } from '../server/src/core/check/workspace';
import { readConfig } from '../server/src/core/config';
import { parseDay } from '../server/src/core/dates';
import { locateFindings, type LocatedFinding } from '../server/src/core/report/locate';
import { stripBom } from '../server/src/core/text';
import type { Lang, SourceFile } from '../server/src/core/types';
import type { CatalogFile } from '../server/src/core/catalog/registry';

export const TODAY = '2026-11-21';

export interface Run {
  result: WorkspaceResult;
  findings: LocatedFinding[];
}

/** Checks in-memory files the way the CLI does (BOM stripped first). */
export function checkFiles(
  files: Record<string, string>,
  opts: { config?: string; today?: string; lang?: Lang; catalogs?: Record<string, string>; catalogOverride?: string } = {},
): Run {
  const lang = opts.lang ?? 'en';
  const sources: SourceFile[] = Object.entries(files).map(([path, text]) => ({ path, text: stripBom(text).text }));
  const config = readConfig('isms.yaml', opts.config, lang);
  const catalogFiles: CatalogFile[] = config.catalogs.map((ref) => ({ ref, displayPath: ref.path, text: opts.catalogs?.[ref.path] }));
  const result = checkWorkspace({ config, catalogFiles, files: sources, today: parseDay(opts.today ?? TODAY)!, lang, catalogOverride: opts.catalogOverride, keepModels: true });
  const texts = new Map<string, string>([...sources.map((s) => [s.path, s.text] as const), ['isms.yaml', opts.config ?? ''], ...Object.entries(opts.catalogs ?? {})]);
  return { result, findings: locateFindings(result.findings, (f) => texts.get(f)) };
}

/** Findings of one file, without the workspace-level `uncovered` ones. */
export function fileFindings(text: string, opts: Parameters<typeof checkFiles>[1] = {}): LocatedFinding[] {
  return checkFiles({ 'p.md': text }, opts).findings.filter((f) => f.code !== 'uncovered');
}

/** Compact form for exact assertions: code@line:col-endLine:endCol. */
export function where(f: LocatedFinding): string {
  return `${f.code}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
}

/** A policy with the given front-matter lines and body. */
export function policy(frontMatter: string, body = ''): string {
  return `---\n${frontMatter}\n---\n${body}`;
}

/** A temporary folder holding the given files (relative path → text). */
export function tempWorkspace(files: Record<string, string>, prefix = 'isms-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
