/**
 * CSV injection (OWASP): a spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, a
 * tab, a carriage return or a line feed (or the full-width `＝ ＋ － ＠`) as a formula. Such a
 * cell gets a leading `'`, which spreadsheets show as text. The one place this rule lives:
 * every CSV-like export goes through it. XLSX does not: its cells have a type, and a string
 * cell is text whatever it starts with.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether a cell would be read as a formula without `neutralise`. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
