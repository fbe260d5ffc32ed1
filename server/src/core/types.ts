// Plain data shared by the core, the CLI and the language server.
// Offsets are JavaScript string indices (UTF-16 code units) into the text the
// core was given (without a BOM).

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type FindingCode =
  | 'invalid-front-matter'
  | 'invalid-config'
  | 'unknown-catalog'
  | 'unknown-control'
  | 'duplicate-control'
  | 'invalid-status'
  | 'invalid-date'
  | 'unanswered'
  | 'stale'
  | 'missing-in-scope'
  | 'uncovered'
  | 'unlisted-heading'
  | 'missing-review-date'
  | 'review-due-soon';

export const SEVERITY: Record<FindingCode, Severity> = {
  'invalid-front-matter': 'error',
  'invalid-config': 'error',
  'unknown-catalog': 'error',
  'unknown-control': 'error',
  'duplicate-control': 'error',
  'invalid-status': 'error',
  'invalid-date': 'error',
  unanswered: 'warning',
  stale: 'warning',
  'missing-in-scope': 'warning',
  uncovered: 'warning',
  'unlisted-heading': 'information',
  'missing-review-date': 'information',
  'review-due-soon': 'hint',
};

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export type Lang = 'ja' | 'en';

export interface Range {
  start: number;
  end: number;
}

/** Machine-readable details a quick fix needs; never parsed from the message. */
export interface FindingData {
  /** unknown-control: nearest catalog IDs. */
  suggestions?: string[];
  /** stale: whether the date sits on the entry or the document. */
  dateOn?: 'entry' | 'document';
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  file: string;
  range: Range;
  controlId: string | null;
  message: string;
  data?: FindingData;
  /** 1-based line/column (UTF-16, end exclusive), filled in where the text was at hand. */
  position?: { line: number; column: number; endLine: number; endColumn: number };
}

export type Status = 'implemented' | 'partial' | 'planned' | 'not-applicable';
export const STATUSES: readonly Status[] = ['implemented', 'partial', 'planned', 'not-applicable'];

/** One file handed to the core: a workspace-relative (or display) path and its text. */
export interface SourceFile {
  path: string;
  text: string;
}
