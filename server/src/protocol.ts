// Custom LSP messages shared by the server and the VS Code client (and any
// other client): plain names and payload types, no transport imports.
import type { ControlCoverage, Coverage } from './core/check/coverage';

export const COVERAGE_REQUEST = 'isms/coverage';
export const COVERAGE_CHANGED_NOTIFICATION = 'isms/coverageChanged';
/** The self-check table (SPEC §7 markdown/csv) of the current workspace state. */
export const SELF_CHECK_TABLE_REQUEST = 'isms/selfCheckTable';
/** Text edits that list the given controls in an open policy (coverage view: insert an uncovered item). */
export const INSERT_CONTROLS_REQUEST = 'isms/insertControls';

export interface SelfCheckTableParams {
  format: 'markdown' | 'csv';
}

export interface InsertControlsParams {
  uri: string;
  ids: string[];
}

/** The `coverage` and `controls` objects of the CLI's JSON (SPEC §7), plus catalog, today and the items. `file` is relative to the workspace folder. */
export interface CoveragePayload {
  catalog: { id: string; title: string | null; total: number };
  today: string;
  coverage: Coverage;
  controls: Omit<ControlCoverage, 'answers'>[];
  /** Catalog items with their texts, so a client can draw the coverage tree without a catalog of its own. */
  items: { id: string; role: string; roleName: string; category: string; categoryName: string; text: string; page: number | null }[];
}

export interface ServerSettings {
  /** Catalog id; empty: the one isms.yaml names. */
  catalog: string;
  /** Used when isms.yaml does not set review_interval_days; null: 365. */
  reviewIntervalDays: number | null;
  /** Used when isms.yaml does not set due_soon_days; null: 30. */
  dueSoonDays: number | null;
  /** YYYY-MM-DD; empty: the local date. */
  today: string;
  /** Language of messages and item texts: auto follows the editor. */
  language: 'auto' | 'ja' | 'en';
}

export const DEFAULT_SETTINGS: ServerSettings = { catalog: '', reviewIntervalDays: null, dueSoonDays: null, today: '', language: 'auto' };

/** initializationOptions a client may pass. */
export interface InitializationOptions {
  settings?: Partial<ServerSettings>;
  /** Delay between a change and its re-check, in ms (default 50). */
  debounceMs?: number;
  locale?: string;
}
