export interface Role {
  id: string;
  label?: string;
  name: string;
  nameEn?: string;
  aliases?: string[];
}

export interface Category {
  id: string;
  name: string;
  nameEn?: string;
}

export interface Item {
  id: string;
  aliases?: string[];
  role: string;
  category: string;
  page?: number | null;
  text: string;
  textEn?: string;
}

export interface CatalogData {
  id: string;
  title: string;
  titleEn?: string;
  edition: string;
  publisher?: string;
  published?: string;
  source: string;
  note?: string;
  noteEn?: string;
  roles: Role[];
  categories: Category[];
  items: Item[];
}

/** A validated catalog with the look-ups every check needs. */
export interface Catalog extends CatalogData {
  /** Canonical ID → position in catalog order. */
  order: Map<string, number>;
  itemById: Map<string, Item>;
  roleById: Map<string, Role>;
  categoryById: Map<string, Category>;
  /** NFKC, upper-cased alias → canonical ID. */
  aliasIndex: Map<string, string>;
}
