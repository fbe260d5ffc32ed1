// One file's share of a check: parse (if a policy), evaluate, and place its
// findings and answers on lines while its text is at hand. Both the batch
// check and the editor's incremental state are built from this.
import type { Catalog } from '../catalog/types';
import type { WorkspaceConfig } from '../config';
import { parsePolicy } from '../policy/parse';
import type { ParseContext } from '../policy/context';
import type { PolicyModel } from '../policy/model';
import { positionOf } from '../report/locate';
import { LineIndex } from '../text';
import { SEVERITY, type Finding, type Lang } from '../types';
import { message } from '../messages';
import { evaluatePolicy, type Answer } from './evaluate';
import type { ControlCoverage } from './coverage';

/** What evaluation depends on besides the model. */
export interface EvaluationEnv {
  catalog: Catalog | undefined;
  today: number;
  reviewIntervalDays: number;
  dueSoonDays: number;
  lang: Lang;
}

export interface FileResult {
  model: PolicyModel;
  findings: Finding[];
  answers: Answer[];
}

export function evaluateFile(model: PolicyModel, text: string, env: EvaluationEnv): FileResult {
  const evaluation = evaluatePolicy(model, env);
  const raw = [...model.findings, ...evaluation.findings];
  if (raw.length === 0 && evaluation.answers.length === 0) return { model, findings: [], answers: [] };
  const idx = new LineIndex(text);
  return {
    model,
    findings: raw.map((f) => ({ ...f, position: positionOf(idx, f.range.start, f.range.end) })),
    answers: evaluation.answers.map((a) => ({ ...a, line: idx.positionAt(a.offset).line + 1 })),
  };
}

/** Null when the text is not a policy. */
export function checkFile(path: string, text: string, context: ParseContext, env: EvaluationEnv): FileResult | null {
  const model = parsePolicy(path, text, context);
  return model ? evaluateFile(model, text, env) : null;
}

/** One `uncovered` finding per catalog item no policy answers, on isms.yaml's `catalog:` key (or 1:1). */
export function uncoveredFindings(config: WorkspaceConfig, controls: ControlCoverage[], lang: Lang): Finding[] {
  const range = config.catalogKeyRange ?? { start: 0, end: 0 };
  return controls
    .filter((c) => !c.covered)
    .map((c) => ({
      code: 'uncovered' as const,
      severity: SEVERITY.uncovered,
      file: config.path,
      range,
      controlId: c.id,
      message: message(lang, config.exists ? 'uncovered' : 'uncoveredNoConfig', { id: c.id }),
    }));
}
