// Human-readable text, in Japanese and English. Codes, keys and IDs never
// change with the language; only these strings do.
import type { Lang } from './types';

type Args = Record<string, string | number>;
type Template = (a: Args) => string;

const ja = {
  yamlError: (a: Args) => `front-matter の YAML が不正です: ${a.detail}`,
  unclosedFrontMatter: () => 'front-matter が閉じられていません（終わりの --- がありません）',
  frontMatterNotMap: () => 'front-matter はキーと値のマッピングでなければなりません',
  duplicateKey: (a: Args) => `キー "${a.key}" が重複しています（最初のものが有効です）`,
  controlsShape: () => 'controls は ID をキーとするマッピングか、ID のリストでなければなりません',
  listItemNotString: () => 'controls のリスト要素は ID の文字列でなければなりません',
  entryShape: (a: Args) => `${a.id} の値は answer の文字列、マッピング、{} または null でなければなりません`,
  aliasNotAllowed: () => 'YAML のエイリアス（*name）はここでは使えません',
  answerNotString: (a: Args) => `${a.id} の answer は文字列でなければなりません`,
  evidenceShape: (a: Args) => `${a.id} の evidence は文字列か文字列のリストでなければなりません`,
  intervalShape: (a: Args) => `${a.key} は ${a.min} 以上の整数でなければなりません（既定値を使います）`,
  scopeShape: (a: Args) => `scope の "${a.value}" は役割（${a.roles}）ではありません`,
  unknownControl: (a: Args) => `"${a.raw}" は ${a.catalog} の項目 ID ではありません${a.suggest ? `（候補: ${a.suggest}）` : ''}`,
  duplicateControl: (a: Args) => `${a.id} はこのファイルで既に ${a.line} 行目に記載されています`,
  invalidStatus: (a: Args) => `status "${a.value}" は不正です（implemented / partial / planned / not-applicable）`,
  invalidDateFormat: (a: Args) => `"${a.value}" は YYYY-MM-DD 形式の実在する日付ではありません`,
  invalidDateFuture: (a: Args) => `日付 ${a.value} は未来の日付です（今日は ${a.today}）`,
  unanswered: (a: Args) => `${a.id} は記載されていますが回答がありません`,
  stale: (a: Args) => `${a.id} の見直し期限が過ぎています（レビュー日 ${a.date}、期限 ${a.due}）`,
  missingInScope: (a: Args) => `scope ${a.role} の ${a.id} がこのファイルに記載されていません`,
  uncovered: (a: Args) => `${a.id} に回答しているポリシーがありません`,
  uncoveredNoConfig: (a: Args) => `${a.id} に回答しているポリシーがありません（isms.yaml はありません）`,
  unlistedHeading: (a: Args) => `見出しの ${a.id} が front-matter の controls に記載されていません`,
  missingReviewDate: (a: Args) => `${a.id} にはレビュー日（reviewed）がありません`,
  reviewDueSoon: (a: Args) => `${a.id} の見直し期限が近づいています（期限 ${a.due}、あと ${a.days} 日）`,
  configYaml: (a: Args) => `isms.yaml の YAML が不正です: ${a.detail}`,
  configNotMap: () => 'isms.yaml はマッピングでなければなりません',
  configUnknownKey: (a: Args) => `isms.yaml の不明なキー "${a.key}" です（${a.keys}）`,
  configType: (a: Args) => `${a.key} は ${a.expected} でなければなりません`,
  catalogUnreadable: (a: Args) => `カタログファイル ${a.path} を読めません`,
  catalogInvalid: (a: Args) => `カタログ ${a.path} が不正です: ${a.pointer}: ${a.detail}`,
  catalogDuplicate: (a: Args) => `カタログ ID "${a.id}" は既に登録されています`,
  unknownCatalog: (a: Args) => `カタログ "${a.id}" は登録されていません（${a.ids}）`,
  fixInsertScope: (a: Args) => `scope の未記載の項目 ${a.n} 件を controls に追加`,
  fixInsertUncovered: (a: Args) => `どのポリシーも回答していない項目 ${a.n} 件を controls に追加`,
  fixReplaceId: (a: Args) => `${a.id} に置き換える`,
  fixMarkReviewed: (a: Args) => `${a.id} を本日（${a.date}）レビュー済みにする`,
  fixMarkDocReviewed: (a: Args) => `文書全体のレビュー日を本日（${a.date}）にする（日付のない全項目に適用）`,
  fixAddHeading: (a: Args) => `${a.id} を controls に追加`,
} satisfies Record<string, Template>;

export type MessageId = keyof typeof ja;

const en: Record<MessageId, Template> = {
  yamlError: (a) => `invalid YAML in front-matter: ${a.detail}`,
  unclosedFrontMatter: () => 'front-matter is never closed (no closing ---)',
  frontMatterNotMap: () => 'front-matter must be a mapping of keys to values',
  duplicateKey: (a) => `duplicate key "${a.key}" (the first one wins)`,
  controlsShape: () => 'controls must be a mapping keyed by ID or a list of IDs',
  listItemNotString: () => 'an item of the controls list must be an ID string',
  entryShape: (a) => `the value of ${a.id} must be an answer string, a mapping, {} or null`,
  aliasNotAllowed: () => 'YAML aliases (*name) are not allowed here',
  answerNotString: (a) => `answer of ${a.id} must be a string`,
  evidenceShape: (a) => `evidence of ${a.id} must be a string or a list of strings`,
  intervalShape: (a) => `${a.key} must be an integer of at least ${a.min} (the default applies)`,
  scopeShape: (a) => `"${a.value}" in scope is not a role (${a.roles})`,
  unknownControl: (a) => `"${a.raw}" is not an item ID of ${a.catalog}${a.suggest ? ` (did you mean ${a.suggest}?)` : ''}`,
  duplicateControl: (a) => `${a.id} is already listed in this file on line ${a.line}`,
  invalidStatus: (a) => `invalid status "${a.value}" (implemented / partial / planned / not-applicable)`,
  invalidDateFormat: (a) => `"${a.value}" is not a real calendar date in YYYY-MM-DD form`,
  invalidDateFuture: (a) => `date ${a.value} is in the future (today is ${a.today})`,
  unanswered: (a) => `${a.id} is listed but not answered`,
  stale: (a) => `review of ${a.id} is overdue (reviewed ${a.date}, due ${a.due})`,
  missingInScope: (a) => `${a.id} of scope ${a.role} is not listed in this file`,
  uncovered: (a) => `no policy answers ${a.id}`,
  uncoveredNoConfig: (a) => `no policy answers ${a.id} (there is no isms.yaml)`,
  unlistedHeading: (a) => `heading names ${a.id}, which the front-matter controls do not list`,
  missingReviewDate: (a) => `${a.id} has no review date (reviewed)`,
  reviewDueSoon: (a) => `review of ${a.id} is due soon (due ${a.due}, in ${a.days} days)`,
  configYaml: (a) => `invalid YAML in isms.yaml: ${a.detail}`,
  configNotMap: () => 'isms.yaml must be a mapping',
  configUnknownKey: (a) => `unknown key "${a.key}" in isms.yaml (${a.keys})`,
  configType: (a) => `${a.key} must be ${a.expected}`,
  catalogUnreadable: (a) => `cannot read catalog file ${a.path}`,
  catalogInvalid: (a) => `invalid catalog ${a.path}: ${a.pointer}: ${a.detail}`,
  catalogDuplicate: (a) => `catalog id "${a.id}" is already registered`,
  unknownCatalog: (a) => `catalog "${a.id}" is not registered (${a.ids})`,
  fixInsertScope: (a) => `Add the ${a.n} missing in-scope controls to controls`,
  fixInsertUncovered: (a) => `Add the ${a.n} controls no policy answers to controls`,
  fixReplaceId: (a) => `Replace with ${a.id}`,
  fixMarkReviewed: (a) => `Mark ${a.id} reviewed today (${a.date})`,
  fixMarkDocReviewed: (a) => `Mark the whole document reviewed today (${a.date}; applies to every entry without its own date)`,
  fixAddHeading: (a) => `Add ${a.id} to controls`,
};

const tables: Record<Lang, Record<MessageId, Template>> = { ja, en };

export function message(lang: Lang, id: MessageId, args: Args = {}): string {
  return tables[lang][id](args);
}
