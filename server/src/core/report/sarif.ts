// SARIF 2.1.0 (validated against the official schema in the tests).
import { SEVERITY, type FindingCode } from '../types';
import type { LocatedFinding } from './locate';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export const README_URL = 'https://github.com/isms-policy/isms-policy#findings';

/** Percent-encodes each path segment (Japanese file names) and keeps the slashes. */
export function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The SARIF log as text, one result per line (large logs stay one copy in memory). */
export function sarifText(findings: LocatedFinding[], version: string): string {
  const log = sarifReport([], version) as { runs: { results: unknown[] }[] };
  const head = JSON.stringify(log, null, 2);
  const marker = '"results": []';
  const at = head.lastIndexOf(marker);
  const results = sarifResults(findings).map((r) => JSON.stringify(r));
  return `${head.slice(0, at)}"results": [\n${results.join(',\n')}\n]${head.slice(at + marker.length)}\n`;
}

export function sarifReport(findings: LocatedFinding[], version: string): object {
  const codes = Object.keys(SEVERITY) as FindingCode[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'isms-check',
            version,
            informationUri: README_URL,
            rules: codes.map((code) => ({
              id: code,
              helpUri: `${README_URL}-${code}`,
              defaultConfiguration: { level: LEVEL[SEVERITY[code]] },
              properties: { severity: SEVERITY[code] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults(findings),
      },
    ],
  };
}

function sarifResults(findings: LocatedFinding[]): object[] {
  const codes = Object.keys(SEVERITY) as FindingCode[];
  return findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: codes.indexOf(f.code),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(f.file) },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    properties: { severity: f.severity, controlId: f.controlId },
  }));
}
