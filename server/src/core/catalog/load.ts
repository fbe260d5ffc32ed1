// Loading and validating catalog files (YAML or JSON). The built-in catalog
// goes through the same code as a workspace's own.
import Ajv, { type ErrorObject } from 'ajv';
import { isNode, parseDocument, type Document } from 'yaml';
import schema from './catalog.schema.json';
import builtinData from './mic-telework-v4.json';
import type { Catalog, CatalogData } from './types';
import type { Range } from '../types';
import { normalize } from '../text';

export interface CatalogError {
  range: Range;
  /** Path inside the file, as a JSON pointer. */
  pointer: string;
  message: string;
}

export interface CatalogLoadResult {
  catalog?: Catalog;
  errors: CatalogError[];
}

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(value: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

function rangeOf(doc: Document | undefined, pointer: string): Range {
  if (!doc) return { start: 0, end: 0 };
  const path = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  // Walk up until a node with a source range exists.
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return { start: node.range[0], end: node.range[1] };
  }
  return { start: 0, end: 0 };
}

function ajvMessage(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'required') return `missing property "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === 'enum') return `${e.message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return e.message ?? e.keyword;
}

/** Builds the look-up tables and checks what a schema cannot (references, uniqueness). */
function index(data: CatalogData, doc: Document | undefined): CatalogLoadResult {
  const errors: CatalogError[] = [];
  const err = (pointer: string, message: string) => errors.push({ pointer, message, range: rangeOf(doc, pointer) });
  const roleById = new Map(data.roles.map((r) => [r.id, r]));
  const categoryById = new Map(data.categories.map((c) => [c.id, c]));
  data.roles.forEach((r, i) => {
    if (data.roles.findIndex((x) => x.id === r.id) !== i) err(`/roles/${i}/id`, `duplicate role id "${r.id}"`);
  });
  data.categories.forEach((c, i) => {
    if (data.categories.findIndex((x) => x.id === c.id) !== i) err(`/categories/${i}/id`, `duplicate category id "${c.id}"`);
  });
  const itemById = new Map<string, CatalogData['items'][number]>();
  const order = new Map<string, number>();
  const aliasIndex = new Map<string, string>();
  data.items.forEach((item, i) => {
    if (itemById.has(item.id)) return err(`/items/${i}/id`, `duplicate item id "${item.id}"`);
    if (!roleById.has(item.role)) err(`/items/${i}/role`, `role "${item.role}" is not declared in roles`);
    else if (!item.id.startsWith(`${item.role}-`)) err(`/items/${i}/id`, `item id "${item.id}" must start with its role "${item.role}-"`);
    if (!categoryById.has(item.category)) err(`/items/${i}/category`, `category "${item.category}" is not declared in categories`);
    itemById.set(item.id, item);
    order.set(item.id, i);
    (item.aliases ?? []).forEach((alias, j) => {
      const key = normalize(alias).toUpperCase();
      const prev = aliasIndex.get(key);
      if (prev && prev !== item.id) err(`/items/${i}/aliases/${j}`, `alias "${alias}" already names ${prev}`);
      else aliasIndex.set(key, item.id);
    });
  });
  if (errors.length) return { errors };
  return { errors, catalog: { ...data, order, itemById, roleById, categoryById, aliasIndex } };
}

/** Parses and validates a catalog file. Errors carry offsets into `text`. */
export function loadCatalog(text: string): CatalogLoadResult {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((e) => ({ pointer: '', message: e.message.split('\n')[0], range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) } })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { errors: [{ pointer: '', message: (e as Error).message, range: { start: 0, end: 0 } }] };
  }
  const schemaErrors = validate(value);
  if (schemaErrors.length) {
    return {
      errors: schemaErrors.map((e) => ({ pointer: e.instancePath || '/', message: ajvMessage(e), range: rangeOf(doc, e.instancePath) })),
    };
  }
  return index(value as CatalogData, doc);
}

let builtin: Catalog | undefined;
/** The default catalog, mic-telework-v4 (validated once, on first use). */
export function builtinCatalog(): Catalog {
  if (!builtin) {
    const errors = validate(builtinData);
    const result = errors.length ? undefined : index(builtinData as CatalogData, undefined);
    if (!result?.catalog) throw new Error(`built-in catalog is invalid: ${JSON.stringify(errors.length ? errors : result?.errors)}`);
    builtin = result.catalog;
  }
  return builtin;
}

export const BUILTIN_CATALOG_ID = 'mic-telework-v4';
