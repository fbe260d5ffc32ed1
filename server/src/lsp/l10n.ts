// Server-side strings through @vscode/l10n, configured before first use
// (never at module load): Japanese bundle for a Japanese display language.
import * as l10n from '@vscode/l10n';
import ja from '../../../l10n/bundle.l10n.ja.json';

export function configureL10n(locale: string): void {
  if (locale.toLowerCase().startsWith('ja')) l10n.config({ contents: ja as Record<string, string> });
}
