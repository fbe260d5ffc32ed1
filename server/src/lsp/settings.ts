// Settings: pulled per resource when the client answers workspace/configuration,
// else taken from didChangeConfiguration or initializationOptions, else defaults.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type ServerSettings } from '../protocol';

export function normalizeSettings(raw: unknown): ServerSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const int = (v: unknown, min: number) => (typeof v === 'number' && Number.isInteger(v) && v >= min ? v : null);
  return {
    catalog: typeof s.catalog === 'string' ? s.catalog.trim() : DEFAULT_SETTINGS.catalog,
    reviewIntervalDays: int(s.reviewIntervalDays, 1),
    dueSoonDays: int(s.dueSoonDays, 0),
    today: typeof s.today === 'string' ? s.today.trim() : '',
    language: s.language === 'ja' || s.language === 'en' ? s.language : 'auto',
  };
}

export class SettingsSource {
  private pushed: ServerSettings;
  private cached: ServerSettings | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.pushed = normalizeSettings(initial);
  }

  /** didChangeConfiguration: settings may come with it (clients without pull send them). */
  changed(settings: unknown): void {
    this.cached = undefined;
    const isms = (settings as { isms?: unknown } | null)?.isms;
    if (isms) this.pushed = normalizeSettings(isms);
  }

  async get(scopeUri: string | undefined): Promise<ServerSettings> {
    if (this.cached) return this.cached;
    if (!this.canPull) return this.pushed;
    try {
      const [raw] = await this.connection.workspace.getConfiguration([{ scopeUri, section: 'isms' }]);
      this.cached = raw == null ? this.pushed : normalizeSettings(raw);
    } catch {
      this.cached = this.pushed;
    }
    return this.cached;
  }
}
