// Finding and reading workspace files on disk (shared by the CLI and the
// language server). Nothing read here is ever executed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { stripBom } from '../core/text';

/** Folders never searched, whatever include says. */
const ALWAYS_EXCLUDED = new Set(['node_modules', '.git']);

/** Files larger than this are not read as policies (a policy is a few KB). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface Matcher {
  (relPath: string): boolean;
}

export function createMatcher(include: string[], exclude: string[]): Matcher {
  const inc = picomatch(include, { dot: false });
  const exc = exclude.length ? picomatch(exclude, { dot: false }) : () => false;
  return (rel) => inc(rel) && !exc(rel);
}

export interface WalkResult {
  files: string[];
  skipped: { path: string; reason: string }[];
}

/**
 * Markdown files under `dir` whose path relative to `root` matches. Symbolic
 * links to folders are not followed (no loops); node_modules/.git never entered.
 */
export function walkMarkdown(dir: string, root: string, matches: Matcher): WalkResult {
  const result: WalkResult = { files: [], skipped: [] };
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch (e) {
      result.skipped.push({ path: current, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_EXCLUDED.has(entry.name)) stack.push(full);
        continue;
      }
      if (!entry.name.toLowerCase().endsWith('.md')) continue;
      if (entry.isSymbolicLink()) {
        // A link to a file is taken; a link to a folder is not followed.
        try {
          if (!fs.statSync(full).isFile()) continue;
        } catch {
          continue;
        }
      } else if (!entry.isFile()) continue;
      const rel = toPosix(path.relative(root, full));
      if (matches(rel)) result.files.push(full);
    }
  }
  return result;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export type ReadResult = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a text file: BOM stripped, UTF-8 required, size bounded. */
export function readText(file: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    // A FIFO or device named .md would block or never end: only regular files are read.
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    if (st.size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  if (buf.includes(0)) return { ok: false, reason: 'binary file (NUL byte)' };
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
  const stripped = stripBom(text);
  return { ok: true, text: stripped.text, bom: stripped.bom };
}
