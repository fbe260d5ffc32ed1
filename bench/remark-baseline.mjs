// Baseline A: parse every file with unified + remark-parse + remark-frontmatter, nothing else.
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { listMarkdown } from './floor.mjs';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let n = 0;
for (const file of listMarkdown(process.argv[2])) n += parser.parse(readFileSync(file, 'utf8')).children.length;
process.stdout.write(`${n}\n`);
