// isms-check: finds the workspace on disk, hands it to the core, prints a
// report and decides the exit code. No logic about policies lives here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, selectCatalog } from '../core/check/workspace';
import { CONFIG_FILE, readConfig } from '../core/config';
import { localToday } from '../core/dates';
import { locateFindings } from '../core/report/locate';
import { jsonReport } from '../core/report/json';
import { sarifText } from '../core/report/sarif';
import { csvTable, markdownTable } from '../core/report/table';
import { textReport } from '../core/report/text';
import { SEVERITY_RANK, type SourceFile } from '../core/types';
import type { CatalogFile } from '../core/catalog/registry';
import { createMatcher, readText, toPosix, walkMarkdown } from '../node/files';
import { meetsMinCoverage, parseCliArgs, UsageError, USAGE, type CliOptions } from './args';

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  colour: boolean;
  version: string;
}

export function run(argv: string[], io: CliIo): number {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`isms-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (opts.version) {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  try {
    return check(opts, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`isms-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function check(opts: CliOptions, io: CliIo): number {
  const display = (abs: string) => toPosix(path.relative(io.cwd, abs)) || '.';
  const targets = opts.paths.map((p) => {
    const abs = path.resolve(io.cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (stat.isFile() && !abs.toLowerCase().endsWith('.md')) throw new UsageError(`${p}: not a Markdown (.md) file`);
    return { abs, isDir: stat.isDirectory() };
  });

  // The workspace root: --config's folder, else the nearest isms.yaml at or above the first PATH, else cwd.
  let root: string;
  let configAbs: string;
  let configText: string | undefined;
  if (opts.config !== undefined) {
    configAbs = path.resolve(io.cwd, opts.config);
    const read = readText(configAbs);
    if (!read.ok) throw new UsageError(`--config ${opts.config}: cannot read (${read.reason})`);
    configText = read.text;
    root = path.dirname(configAbs);
  } else {
    const first = targets[0];
    const found = findUp(first.isDir ? first.abs : path.dirname(first.abs));
    root = found ?? io.cwd;
    configAbs = path.join(root, CONFIG_FILE);
    if (found) {
      const read = readText(configAbs);
      if (!read.ok) throw new UsageError(`${display(configAbs)}: cannot read (${read.reason})`);
      configText = read.text;
    }
  }
  const config = readConfig(display(configAbs), configText, opts.lang);
  const texts = new Map<string, string>();
  if (configText !== undefined) texts.set(config.path, configText);

  const catalogFiles: CatalogFile[] = config.catalogs.map((ref) => {
    const abs = path.resolve(root, ref.path);
    const read = readText(abs);
    if (read.ok) texts.set(display(abs), read.text);
    return { ref, displayPath: display(abs), text: read.ok ? read.text : undefined };
  });
  const selection = selectCatalog(config, catalogFiles, opts.lang, opts.catalog);
  if (opts.catalog !== undefined && !selection.catalog) {
    throw new UsageError(`--catalog: "${opts.catalog}" is not a registered catalog (${selection.available.join(', ')})`);
  }

  // Files: a folder is searched with the root's include/exclude; a file is taken as given.
  const matcher = createMatcher(config.include, config.exclude);
  const seen = new Set<string>();
  const paths: string[] = [];
  const take = (abs: string) => {
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch {
      real = abs;
    }
    if (seen.has(real)) return;
    seen.add(real);
    paths.push(abs);
  };
  for (const t of targets) {
    if (!t.isDir) {
      take(t.abs);
      continue;
    }
    const inside = !path.relative(root, t.abs).startsWith('..');
    const walked = walkMarkdown(t.abs, inside ? root : t.abs, matcher);
    for (const s of walked.skipped) io.stderr(`isms-check: skipped ${display(s.path)}: ${s.reason}\n`);
    walked.files.forEach(take);
  }
  // Read lazily, one file at a time: the core keeps what it needs, not the texts.
  function* files(): Generator<SourceFile> {
    for (const abs of paths) {
      const read = readText(abs);
      if (read.ok) yield { path: display(abs), text: read.text };
      else io.stderr(`isms-check: skipped ${display(abs)}: ${read.reason}\n`);
    }
  }

  const result = checkWorkspace({ config, catalogFiles, files: files(), today: opts.today ?? localToday(), lang: opts.lang, catalogOverride: opts.catalog, selection, sectionTexts: opts.format === 'markdown' || opts.format === 'csv' });
  if (result.policyCount === 0) {
    io.stderr(opts.lang === 'ja' ? 'isms-check: 警告: ポリシーファイルが見つかりません（front-matter に controls: がある .md ファイル）\n' : 'isms-check: warning: no policy file found (a .md file whose front-matter has controls:)\n');
  }
  const findings = locateFindings(result.findings, (file) => texts.get(file));

  switch (opts.format) {
    case 'json':
      io.stdout(jsonReport(result, findings));
      break;
    case 'sarif':
      io.stdout(sarifText(findings, io.version));
      break;
    case 'markdown':
      io.stdout(markdownTable(result, opts.lang));
      break;
    case 'csv':
      io.stdout(csvTable(result, opts.lang));
      break;
    default:
      io.stdout(textReport(result, findings, opts.lang, io.colour));
  }

  const failing = opts.failOn !== 'none' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[opts.failOn as keyof typeof SEVERITY_RANK]);
  return failing || !meetsMinCoverage(result.coverage.covered, result.coverage.total, opts.minCoverage) ? 1 : 0;
}

function findUp(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
