// isms-check flags (SPEC §7). A bad flag or value is a UsageError: exit 2.
import { parseArgs } from 'node:util';
import { parseDay } from '../core/dates';
import type { Lang, Severity } from '../core/types';

export class UsageError extends Error {}

export type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'csv';

export interface CliOptions {
  paths: string[];
  format: Format;
  today?: number;
  catalog?: string;
  config?: string;
  failOn: Severity | 'none';
  /** --min-coverage as an exact fraction: numerator / 10^scale percent. */
  minCoverage: { numerator: bigint; scale: bigint };
  lang: Lang;
  help: boolean;
  version: boolean;
}

const FORMATS: Format[] = ['text', 'json', 'sarif', 'markdown', 'csv'];
const FAIL_ON = ['error', 'warning', 'information', 'none'] as const;

export const USAGE = `usage: isms-check [PATH ...] [--format text|json|sarif|markdown|csv] [--today YYYY-MM-DD]
                  [--catalog ID] [--config FILE] [--fail-on error|warning|information|none]
                  [--min-coverage PERCENT] [--lang ja|en]`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag}: "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        today: { type: 'string' },
        catalog: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        'min-coverage': { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const v = parsed.values;
  let today: number | undefined;
  if (v.today !== undefined) {
    const day = parseDay(v.today);
    if (day === null) throw new UsageError(`--today: "${v.today}" is not a real date in YYYY-MM-DD form`);
    today = day;
  }
  let minCoverage = { numerator: 0n, scale: 0n };
  if (v['min-coverage'] !== undefined) {
    const m = /^(\d{1,3})(?:\.(\d{1,6}))?$/.exec(v['min-coverage'].trim());
    const frac = m?.[2] ?? '';
    const numerator = m ? BigInt(m[1] + frac) : -1n;
    const scale = BigInt(frac.length);
    if (!m || numerator > 100n * 10n ** scale) throw new UsageError(`--min-coverage: "${v['min-coverage']}" is not a number from 0 to 100`);
    minCoverage = { numerator, scale };
  }
  if (v.catalog !== undefined && v.catalog.trim() === '') throw new UsageError('--catalog: empty catalog id');
  if (v.config !== undefined && v.config.trim() === '') throw new UsageError('--config: empty file name');
  return {
    paths: parsed.positionals.length ? parsed.positionals : ['.'],
    format: oneOf('format', v.format, FORMATS, 'text'),
    today,
    catalog: v.catalog,
    config: v.config,
    failOn: oneOf('fail-on', v['fail-on'], FAIL_ON, 'error'),
    minCoverage,
    lang: oneOf('lang', v.lang, ['ja', 'en'] as const, 'ja'),
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

/** covered × 100 ≥ min × total, in exact integers. */
export function meetsMinCoverage(covered: number, total: number, min: CliOptions['minCoverage']): boolean {
  // An empty catalog cannot meet any positive minimum.
  if (total === 0) return min.numerator === 0n;
  return BigInt(covered) * 100n * 10n ** min.scale >= min.numerator * BigInt(total);
}
