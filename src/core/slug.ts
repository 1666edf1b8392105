/**
 * The one slug rule: what an automatic item id, an entry id made from a title and a file name
 * made from a product name are built from. Browser-safe.
 */

/** Letters NFD does not split into a base letter and a mark. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

/**
 * Lowercased, accents removed, every run of characters outside `a-z0-9` replaced by `-`,
 * trimmed of `-`; with `maxLength`, cut there at a `-` where possible. Empty when nothing
 * is left (punctuation or emoji only): each caller picks its own fallback.
 */
export function slugify(text: string, maxLength = Infinity): string {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œæßøđłı]/g, (c) => LIGATURES[c]!);
  let slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > maxLength) {
    // Cut between words when a `-` lies at or before the limit; a cut right after the limit
    // (`slug[maxLength] === '-'`) keeps the whole `maxLength` characters.
    const cut = slug.lastIndexOf('-', maxLength);
    slug = slug.slice(0, cut > 0 ? cut : maxLength).replace(/-+$/, '');
  }
  return slug;
}
