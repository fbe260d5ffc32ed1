import type { Catalog, Role } from '../catalog/types';
import type { IdGrammar } from '../catalog/ids';
import type { PlaceholderTest } from '../placeholders';
import type { Lang } from '../types';

/** Everything a policy parse depends on besides the text (not on today). */
export interface ParseContext {
  /** The active catalog; undefined when the configured one is unknown. */
  catalog: Catalog | undefined;
  /** The catalog id as written, for messages. */
  catalogId: string;
  roles: Role[];
  grammar: IdGrammar;
  isPlaceholder: PlaceholderTest;
  lang: Lang;
  /** Off: always use the `yaml` Document API (the property test compares both paths). */
  fastYaml?: boolean;
  /** 'remark': always parse the whole body with remark (the reference for the scanner). */
  sectionMode?: 'auto' | 'remark';
  /** Work out every listed control's section text (the self-check table shows them). */
  sectionTexts?: boolean;
}
