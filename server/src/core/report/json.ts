// The stable JSON output of SPEC §7 (documented in the README).
import type { WorkspaceResult } from '../check/workspace';
import type { LocatedFinding } from './locate';

export function jsonReport(result: WorkspaceResult, findings: LocatedFinding[]): object {
  return {
    catalog: result.catalog,
    today: result.today,
    coverage: result.coverage,
    controls: result.controls.map((c) => ({ id: c.id, covered: c.covered, stale: c.stale, answeredBy: c.answeredBy })),
    findings: findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      controlId: f.controlId,
      message: f.message,
    })),
  };
}
