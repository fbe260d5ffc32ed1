// Answers that only look like answers (SPEC §3, §9).
import { normalize } from './text';

export const DEFAULT_PLACEHOLDERS = ['TODO', 'TBD', 'FIXME', 'XXX', '-', '...', '…', '未記入', '未回答', '未定', '検討中', '記入してください'];

const DASHES_ONLY = /^[-\u2010-\u2015\u2212\uFF0D\u30FC]+$/;
const PREFIX = /^(TODO|TBD|FIXME|XXX)(:|\s)/i;

export type PlaceholderTest = (text: string) => boolean;

export function createPlaceholderTest(extra: readonly string[] = []): PlaceholderTest {
  const words = new Set([...DEFAULT_PLACEHOLDERS, ...extra].map((w) => normalize(w).toLowerCase()));
  return (raw) => {
    const s = normalize(raw);
    return s === '' || words.has(s.toLowerCase()) || DASHES_ONLY.test(s) || PREFIX.test(s);
  };
}
