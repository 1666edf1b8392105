/**
 * XML for the exports and reports (TestRail, JUnit, the feed): the characters XML 1.0 cannot
 * hold are removed, and the XML builder is set up so that what a parser reads back is the
 * text that was written.
 */
import { XMLBuilder, type XmlBuilderOptions } from 'fast-xml-parser';

/**
 * XML 1.0 cannot hold most control characters, even escaped, so they are removed (tab, line
 * feed and carriage return stay).
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Character data: the markup characters escaped. */
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Attribute values: parsers replace every tab, line feed and carriage return by a space
 * (attribute-value normalisation) unless it is written as a character reference.
 */
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function escaper(table: Record<string, string>): (value: unknown) => unknown {
  const pattern = new RegExp(`[${Object.keys(table).join('')}]`, 'g');
  return (value) => (typeof value === 'string' ? xmlText(value).replace(pattern, (c) => table[c]!) : value);
}

export const escapeXmlText = escaper(TEXT_ESCAPES);
export const escapeXmlAttribute = escaper(ATTRIBUTE_ESCAPES);

const CDATA = '#cdata';

/**
 * Text whose every character a parser gives back, leading and trailing whitespace included
 * (parsers that trim text keep what is inside a CDATA section): `{ '#cdata': text }` to
 * spread into an element, nothing for an empty text. For a builder without `format`: its
 * indentation would be read as part of the text.
 */
export function xmlCdata(text: string): Partial<Record<typeof CDATA, string>> {
  const kept = xmlText(text);
  return kept ? { [CDATA]: kept } : {};
}

/**
 * A fast-xml-parser builder that writes every text and attribute through the escapes above
 * (its own entity replacement is off, so nothing is escaped twice), writes `xmlCdata`
 * values as CDATA sections (the builder splits a `]]>` inside), and writes an attribute
 * whose value is `true` as `name="true"` (the builder's default would leave a bare name,
 * which is not XML).
 */
export function xmlBuilder(options: XmlBuilderOptions = {}): XMLBuilder {
  return new XMLBuilder({
    ignoreAttributes: false,
    cdataPropName: CDATA,
    ...options,
    processEntities: false,
    suppressBooleanAttributes: false,
    tagValueProcessor: (_name, value) => escapeXmlText(value),
    attributeValueProcessor: (_name, value) => escapeXmlAttribute(value),
  });
}
