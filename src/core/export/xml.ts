/**
 * Text for XML elements: XML 1.0 cannot hold most control characters, even escaped, so they
 * are removed (tab, line feed and carriage return stay). The XML builder escapes the rest.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}
