// Deterministic synthetic workspaces for the benchmark: N policy files of about
// 2 KB of Japanese text each, in two shapes (typical, sections), fixed seed.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

function rng(seed) {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IDS = [...Array.from({ length: 5 }, (_, i) => `M-${i + 1}`), ...Array.from({ length: 18 }, (_, i) => `S-${i + 1}`), ...Array.from({ length: 20 }, (_, i) => `W-${i + 1}`)];
const WORDS = ['テレワーク', '端末', '暗号化', '情報資産', '多要素認証', 'VPN', '定義ファイル', '持ち出し', '管理台帳', '教育', '訓練', '連絡体制', 'バックアップ', 'パスワード', '無線LAN', 'クラウド', 'SNS', '覗き見防止', 'アップデート', '申請'];
const VERBS = ['を確認している', 'を徹底している', 'を定めている', 'を実施している', 'を記録している', 'を年1回見直している'];
const STATUSES = ['implemented', 'implemented', 'implemented', 'partial', 'planned', 'not-applicable'];

function sentence(r) {
  const n = 2 + Math.floor(r() * 3);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]);
  return `${words.join('と')}${VERBS[Math.floor(r() * VERBS.length)]}。`;
}

function date(r, fresh) {
  const y = fresh ? 2026 : 2024 + Math.floor(r() * 2);
  const m = 1 + Math.floor(r() * (fresh ? 10 : 12));
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function pick(r, k) {
  const ids = [...IDS];
  const out = [];
  while (out.length < k) out.push(ids.splice(Math.floor(r() * ids.length), 1)[0]);
  return out.sort((a, b) => IDS.indexOf(a) - IDS.indexOf(b));
}

function paragraph(r, bytes) {
  let s = '';
  while (Buffer.byteLength(s) < bytes) s += sentence(r);
  return s;
}

export function typical(r, i) {
  const ids = pick(r, 6 + Math.floor(r() * 5));
  const lines = ['---', `title: 部署別テレワーク規程 ${i}`, `owner: 部署${i % 97}`, `reviewed: ${date(r, r() < 0.8)}`, 'controls:'];
  for (const id of ids) {
    const x = r();
    if (x < 0.08) lines.push(`  ${id}: TODO`);
    else if (x < 0.35) lines.push(`  ${id}: ${sentence(r)}`);
    else {
      lines.push(`  ${id}:`, `    status: ${x < 0.37 ? 'done' : STATUSES[Math.floor(r() * STATUSES.length)]}`, `    answer: ${sentence(r)}${sentence(r)}`);
      if (r() < 0.5) lines.push(`    reviewed: ${date(r, r() < 0.7)}`);
      if (r() < 0.3) lines.push(`    evidence: [records/${i}-${id}.md]`);
    }
  }
  if (r() < 0.05) lines.push('  X-9: 不明な項目');
  lines.push('---', '', `# 部署別テレワーク規程 ${i}`, '', paragraph(r, 500), '');
  const extra = IDS[Math.floor(r() * IDS.length)];
  if (r() < 0.3 && !ids.includes(extra)) lines.push(`## ${extra} 補足`, '', paragraph(r, 200), '');
  lines.push('## 運用', '', paragraph(r, 2000 - Buffer.byteLength(lines.join('\n'))), '');
  return lines.join('\n');
}

export function sections(r, i) {
  const ids = pick(r, 6 + Math.floor(r() * 5));
  const lines = ['---', `title: 部署別テレワーク規程 ${i}`, `reviewed: ${date(r, r() < 0.8)}`, `controls: [${ids.join(', ')}]`, '---', '', `# 部署別テレワーク規程 ${i}`, ''];
  for (const id of ids) {
    lines.push(`## ${id} 対策`, '');
    lines.push(r() < 0.08 ? 'TODO' : paragraph(r, 120 + Math.floor(r() * 100)), '');
    if (r() < 0.2) lines.push('### 手順', '', `- ${sentence(r)}`, `- ${sentence(r)}`, '');
  }
  lines.push('## 付則', '', paragraph(r, Math.max(100, 2000 - Buffer.byteLength(lines.join('\n')))), '');
  return lines.join('\n');
}

/** Writes `count` files of `shape` into `dir` (recreated), 100 per folder. */
export function generate(dir, shape, count, seed = 20261121) {
  rmSync(dir, { recursive: true, force: true });
  const r = rng(seed);
  const make = shape === 'sections' ? sections : typical;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `dept-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const text = make(r, i);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(folder, `policy-${String(i).padStart(5, '0')}.md`), text);
  }
  writeFileSync(path.join(dir, 'isms.yaml'), 'catalog: mic-telework-v4\n');
  return { files: count, bytes };
}
