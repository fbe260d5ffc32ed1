// Floor: read every file and parse only its front-matter with `yaml`.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';

export function listMarkdown(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.md')) out.push(path.join(e.parentPath ?? e.path, e.name));
  return out.sort();
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv[2]);
function main(dir) {
let n = 0;
for (const file of listMarkdown(dir)) {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n---', 3);
  if (text.startsWith('---') && end !== -1) n += parseDocument(text.slice(4, end)).contents ? 1 : 0;
}
process.stdout.write(`${n}\n`);
}
