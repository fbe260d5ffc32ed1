// npm run bench: the benchmark of issue #4 (a script, not a test).
// Generates deterministic workspaces (1,000 and 10,000 policies of ~2 KB, two
// shapes), then measures side by side on the same files, several times each
// (median): isms-check --format json; baseline A (remark parse only);
// baseline B (markdownlint-cli2, default rules); the floor (read + yaml
// front-matter only); and the language server over stdio (initial index,
// then single-character edits). Writes bench/results.json and prints a table.
// Options: --sizes=1000,10000 --reps=3 --edits=200 --dir=PATH --only=lsp
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const SIZES = (args.sizes ?? '1000,10000').split(',').map(Number);
const REPS = Number(args.reps ?? 3);
const EDITS = Number(args.edits ?? 200);
const WORK = args.dir ?? path.join(tmpdir(), 'isms-bench');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Wall seconds and peak RSS (MB) of a command, via GNU time when present. */
function measure(cmd, cmdArgs, cwd = ROOT) {
  const started = process.hrtime.bigint();
  const r = TIME ? spawnSync(TIME, ['-f', '%M', cmd, ...cmdArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }) : spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  const rssKb = TIME ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { wall, rss: rssKb / 1024 };
}

function repeat(cmd, cmdArgs, cwd) {
  const runs = Array.from({ length: REPS }, () => measure(cmd, cmdArgs, cwd));
  return { wall: median(runs.map((r) => r.wall)), rss: median(runs.map((r) => r.rss)), runs: runs.map((r) => +r.wall.toFixed(3)) };
}

async function lspBench(dir, debounceMs) {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = [];
  const on = (pred) => new Promise((resolve) => waiters.push({ pred, resolve }));
  const fire = (msg) => {
    for (const w of [...waiters]) if (w.pred(msg)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(process.hrtime.bigint()));
  };
  let diagnostics = 0;
  conn.onNotification('textDocument/publishDiagnostics', (p) => (diagnostics++, fire({ kind: 'diag', p })));
  conn.onNotification('isms/coverageChanged', () => fire({ kind: 'coverage' }));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ today: '2026-11-21', language: 'ja' })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const rootUri = pathToFileURL(dir).href;
  const init = debounceMs === null ? {} : { debounceMs };
  await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: { workspace: { configuration: true } }, initializationOptions: init });
  const indexed = on((m) => m.kind === 'coverage');
  const t0 = process.hrtime.bigint();
  await conn.sendNotification('initialized', {});
  const t1 = await indexed;
  const indexSeconds = Number(t1 - t0) / 1e9;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

  // One policy of its own: S-1 alternates between a placeholder and an answer, so every edit changes its findings and coverage.
  const file = path.join(dir, 'bench-edit.md');
  const uri = pathToFileURL(file).href;
  let text = '---\nreviewed: 2026-06-01\ncontrols:\n  S-1: TODO\n  S-2: 回答\n---\n\n## 本文\n\nベンチマーク用の文書。\n';
  writeFileSync(file, text);
  let version = 1;
  const opened = on((m) => m.kind === 'diag' && m.p.uri === uri);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  await opened;
  const toDiag = [];
  const toCoverage = [];
  const line = 3;
  const col = '  S-1: TOD'.length;
  for (let i = 0; i < EDITS; i++) {
    version++;
    const ch = text[text.indexOf('S-1: TOD') + 8] === 'O' ? 'X' : 'O';
    text = text.replace(/S-1: TOD./, `S-1: TOD${ch}`);
    const v = version;
    const diag = on((m) => m.kind === 'diag' && m.p.uri === uri && m.p.version === v);
    const cov = on((m) => m.kind === 'coverage');
    const start = process.hrtime.bigint();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: ch }] });
    const [d, c] = await Promise.all([diag, cov]);
    toDiag.push(Number(d - start) / 1e6);
    toCoverage.push(Number(c - start) / 1e6);
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  proc.kill();
  const stats = (xs) => ({ p50: +pct(xs, 50).toFixed(1), p95: +pct(xs, 95).toFixed(1), max: +Math.max(...xs).toFixed(1) });
  return { indexSeconds: +indexSeconds.toFixed(2), rssMB: +rss.toFixed(0), initialDiagnostics: diagnostics, toDiagnosticsMs: stats(toDiag), toCoverageMs: stats(toCoverage) };
}

async function main() {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  const node = process.execPath;
  const results = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length, date: new Date().toISOString().slice(0, 10) }, reps: REPS, runs: [] };
  for (const shape of ['typical', 'sections']) {
    for (const size of SIZES) {
      const dir = path.join(WORK, `${shape}-${size}`);
      mkdirSync(WORK, { recursive: true });
      const corpus = generate(dir, shape, size);
      process.stderr.write(`${shape} ${size}: ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB\n`);
      const check = repeat(node, [path.join(ROOT, 'dist', 'cli.js'), dir, '--format', 'json', '--today', '2026-11-21', '--fail-on', 'none']);
      const remark = repeat(node, [path.join(ROOT, 'bench', 'remark-baseline.mjs'), dir]);
      const lint = repeat(node, [path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '**/*.md'], dir);
      const floor = repeat(node, [path.join(ROOT, 'bench', 'floor.mjs'), dir]);
      const run = { shape, files: size, mb: +(corpus.bytes / 1e6).toFixed(1), check, remark, markdownlint: lint, floor };
      run.ratios = { vsRemark: +(check.wall / remark.wall).toFixed(2), vsMarkdownlint: +(check.wall / lint.wall).toFixed(2), vsFloor: +(check.wall / floor.wall).toFixed(2) };
      if (shape === 'typical' && size === Math.max(...SIZES)) {
        run.lsp = { debounce0: await lspBench(dir, 0), defaultDebounce: await lspBench(dir, null) };
      }
      results.runs.push(run);
    }
  }
  for (const shape of ['typical', 'sections']) {
    const rs = results.runs.filter((r) => r.shape === shape).sort((a, b) => a.files - b.files);
    if (rs.length > 1) results[`growth_${shape}`] = +(rs[rs.length - 1].check.wall / rs[0].check.wall).toFixed(1);
  }
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const rows = [['shape', 'files', 'isms-check', 'RSS', 'remark (A)', 'markdownlint (B)', 'floor', 'vs A', 'vs B', 'vs floor']];
  for (const r of results.runs) rows.push([r.shape, r.files, `${r.check.wall.toFixed(2)} s`, `${r.check.rss.toFixed(0)} MB`, `${r.remark.wall.toFixed(2)} s`, `${r.markdownlint.wall.toFixed(2)} s`, `${r.floor.wall.toFixed(2)} s`, r.ratios.vsRemark, r.ratios.vsMarkdownlint, r.ratios.vsFloor]);
  const table = rows.map((r) => `| ${r.join(' | ')} |`);
  table.splice(1, 0, `|${rows[0].map(() => ' --- ').join('|')}|`);
  console.log(table.join('\n'));
  for (const r of results.runs) {
    if (!r.lsp) continue;
    for (const [name, l] of Object.entries(r.lsp)) {
      console.log(`\nlanguage server, ${r.files} files, ${name}: index ${l.indexSeconds} s, RSS ${l.rssMB} MB; didChange→diagnostics p50/p95/max ${l.toDiagnosticsMs.p50}/${l.toDiagnosticsMs.p95}/${l.toDiagnosticsMs.max} ms; →coverageChanged ${l.toCoverageMs.p50}/${l.toCoverageMs.p95}/${l.toCoverageMs.max} ms`);
    }
  }
  for (const k of Object.keys(results).filter((k) => k.startsWith('growth_'))) console.log(`${k}: ${results[k]}× from ${Math.min(...SIZES)} to ${Math.max(...SIZES)} files`);
}

async function lspOnly() {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  const size = Math.max(...SIZES);
  const dir = path.join(WORK, `typical-${size}`);
  generate(dir, 'typical', size);
  for (const [name, debounce] of [['debounce0', 0], ['defaultDebounce', null]]) {
    const l = await lspBench(dir, debounce);
    console.log(`language server, ${size} files, ${name}: index ${l.indexSeconds} s, RSS ${l.rssMB} MB; didChange→diagnostics p50/p95/max ${l.toDiagnosticsMs.p50}/${l.toDiagnosticsMs.p95}/${l.toDiagnosticsMs.max} ms; →coverageChanged ${l.toCoverageMs.p50}/${l.toCoverageMs.p95}/${l.toCoverageMs.max} ms`);
  }
}

// --only=lsp: just the language-server part (quicker while working on it; does not write results.json).
await (args.only === 'lsp' ? lspOnly() : main());
