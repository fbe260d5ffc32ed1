// The part of checking a policy that depends on today and on the workspace
// settings: review dates, unanswered entries and scope.
import { SEVERITY, type Finding, type FindingCode, type Lang, type Range, type Status } from '../types';
import { message, type MessageId } from '../messages';
import { formatDay } from '../dates';
import type { Catalog } from '../catalog/types';
import type { DateField, PolicyModel } from '../policy/model';

export interface EvaluateOptions {
  catalog: Catalog | undefined;
  today: number;
  reviewIntervalDays: number;
  dueSoonDays: number;
  lang: Lang;
}

/** One answer to one control by one file. */
export interface Answer {
  controlId: string;
  file: string;
  offset: number;
  /** 1-based line of `offset` (set by checkWorkspace, which has the text). */
  line: number;
  /** null when the written status is invalid. */
  status: Status | null;
  stale: boolean;
  /** The answer texts (entry and sections), for the self-check table. */
  texts: string[];
  /** The review date used, when valid. */
  reviewed: string | null;
}

export interface Evaluation {
  findings: Finding[];
  answers: Answer[];
}

export function evaluatePolicy(model: PolicyModel, opts: EvaluateOptions): Evaluation {
  const findings: Finding[] = [];
  const answers: Answer[] = [];
  if (model.broken) return { findings, answers };
  const add = (code: FindingCode, range: Range, controlId: string | null, id: MessageId, args: Record<string, string | number> = {}, data?: Finding['data']) =>
    findings.push({ code, severity: SEVERITY[code], file: model.path, range, controlId, message: message(opts.lang, id, args), data });
  const { today } = opts;
  const todayText = formatDay(today);
  const valid = (d: DateField) => d.day !== null && d.day <= today + 1;
  const checkDate = (d: DateField | undefined, controlId: string | null) => {
    if (!d || valid(d)) return;
    if (d.day === null) add('invalid-date', d.range, controlId, 'invalidDateFormat', { value: d.raw });
    else add('invalid-date', d.range, controlId, 'invalidDateFuture', { value: d.raw, today: todayText });
  };
  checkDate(model.reviewed, null);
  const interval = model.reviewIntervalDays ?? opts.reviewIntervalDays;

  for (const e of model.entries) {
    if (e.invalid) {
      if (e.answered && e.answerOffset !== null) answers.push({ controlId: e.id, file: model.path, offset: e.answerOffset, line: 0, status: 'implemented', stale: false, texts: e.answerTexts, reviewed: null });
      continue;
    }
    checkDate(e.reviewed, e.id);
    if (!e.answered) {
      add('unanswered', e.keyRange, e.id, 'unanswered', { id: e.id });
      continue;
    }
    const date = e.reviewed ?? model.reviewed;
    let stale = false;
    if (!date) add('missing-review-date', e.keyRange, e.id, 'missingReviewDate', { id: e.id });
    else if (valid(date)) {
      const due = date.day! + interval;
      if (today > due) {
        stale = true;
        add('stale', e.reviewed?.range ?? e.keyRange, e.id, 'stale', { id: e.id, date: date.raw, due: formatDay(due) }, { dateOn: e.reviewed ? 'entry' : 'document' });
      } else if (due - today <= opts.dueSoonDays) {
        add('review-due-soon', e.keyRange, e.id, 'reviewDueSoon', { id: e.id, due: formatDay(due), days: due - today });
      }
    }
    answers.push({
      controlId: e.id,
      file: model.path,
      offset: e.answerOffset!,
      line: 0,
      status: e.status === undefined ? 'implemented' : e.status,
      stale,
      texts: e.answerTexts,
      reviewed: date && valid(date) ? date.raw : null,
    });
  }

  if (model.scope && opts.catalog) {
    const listed = new Set(model.entries.map((e) => e.id));
    for (const item of opts.catalog.items) {
      if (model.scope.roles.includes(item.role) && !listed.has(item.id)) {
        add('missing-in-scope', model.scope.keyRange, item.id, 'missingInScope', { id: item.id, role: item.role });
      }
    }
  }
  return { findings, answers };
}
