// The one place offsets become LSP ranges and findings become diagnostics.
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../core/types';
import type { TextEdit } from '../core/fixes';
import { README_URL } from '../core/report/sarif';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export interface DiagnosticData {
  controlId: string | null;
  suggestions?: string[];
  dateOn?: 'entry' | 'document';
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const data: DiagnosticData = { controlId: f.controlId, ...f.data };
  return {
    range: toRange(doc, f.range.start, f.range.end),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: `${README_URL}-${f.code}` },
    source: 'isms',
    message: f.message,
    data,
  };
}

export function toTextEdit(doc: TextDocument, e: TextEdit): LspTextEdit {
  return { range: toRange(doc, e.start, e.end), newText: e.newText };
}
