// The stable JSON output of SPEC §7 (documented in the README). Written one
// control and one finding per line: still one JSON document, readable and
// diffable, and without building a second copy of a large result in memory.
import type { WorkspaceResult } from '../check/workspace';
import type { LocatedFinding } from './locate';

/** A JSON document whose large arrays are written one element per line. */
export function jsonWithArrayLines(head: Record<string, unknown>, arrays: Record<string, unknown[]>): string {
  const parts: string[] = ['{'];
  const keys = Object.keys(head);
  keys.forEach((k) => parts.push(`${JSON.stringify(k)}:${JSON.stringify(head[k])},`));
  const names = Object.keys(arrays);
  names.forEach((name, n) => {
    const items = arrays[name];
    parts.push(`${JSON.stringify(name)}:[`);
    items.forEach((item, i) => parts.push(JSON.stringify(item) + (i < items.length - 1 ? ',' : '')));
    parts.push(n < names.length - 1 ? '],' : ']');
  });
  parts.push('}');
  return parts.join('\n') + '\n';
}

export function jsonReport(result: WorkspaceResult, findings: LocatedFinding[]): string {
  return jsonWithArrayLines(
    { catalog: result.catalog, today: result.today, coverage: result.coverage },
    {
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
    },
  );
}
