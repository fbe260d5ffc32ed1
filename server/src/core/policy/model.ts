// What a policy file says, independent of "today": the parse result that the
// evaluation (dates, coverage) works on, and that an editor can cache per text.
import type { Finding, Range, Status } from '../types';
import type { Section } from './sections';

export interface DateField {
  range: Range;
  raw: string;
  /** Day number, or null when the value is not a real YYYY-MM-DD date. */
  day: number | null;
}

export interface ControlEntry {
  /** Canonical ID (well-formed; known to the catalog, or the catalog is unknown). */
  id: string;
  form: 'map' | 'list';
  keyRange: Range;
  /** Range of the whole `key: value` pair (map form) or list item. */
  itemRange: Range;
  valueRange: Range | null;
  /** The value's YAML shape, for edits that must respect it. */
  valueKind: 'null' | 'string' | 'blockString' | 'flowMap' | 'blockMap' | 'other';
  /** The entry's value has the wrong type: it is listed, nothing else is said of it. */
  invalid: boolean;
  answered: boolean;
  /** Offset of the answer: the key, or the first answering heading. */
  answerOffset: number | null;
  /** The answer texts: the entry's own, then answering sections'. */
  answerTexts: string[];
  /** undefined: absent (implemented); null: invalid. */
  status: Status | null | undefined;
  reviewed?: DateField;
}

export type { Section as Heading } from './sections';

export interface PolicyModel {
  path: string;
  /** Findings that do not depend on today. */
  findings: Finding[];
  /** YAML did not parse, or the front-matter is unusable: no answers at all. */
  broken: boolean;
  title?: string;
  reviewed?: DateField;
  reviewIntervalDays?: number;
  scope?: { keyRange: Range; roles: string[] };
  /** Listed controls, first occurrence of each. */
  entries: ControlEntry[];
  headings: Section[];
  /** Layout facts the quick fixes need. */
  layout: {
    frontMatter: { contentStart: number; contentEnd: number } | null;
    controlsKeyRange: Range | null;
    controlsValueRange: Range | null;
    controlsForm: 'map' | 'list' | 'empty' | null;
  };
}
