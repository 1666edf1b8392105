/**
 * Finding the verification sections of a body (content-format.md, "Verification sections"):
 * the one place for that rule, used by the analysis (which reads them as items) and by the
 * render (which removes them from the page). Browser-safe.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { plainText } from './plain-text.ts';

export interface VerifySection {
  heading: Heading;
  /** Index of the heading in `root.children`. */
  start: number;
  /** Index after the section's last node (the next heading of the same or a higher level, or the end). */
  end: number;
}

/**
 * The name a heading is compared by: plain text, trimmed, without a trailing colon (also
 * ` :` with a space, a no-break space or a narrow no-break space before it, as French
 * typography writes it), inner whitespace collapsed, case and Unicode normal form ignored.
 */
export function headingKey(text: string): string {
  // Trimmed before the colon is taken off, rather than one pattern `\s*:\s*$`, which would
  // rescan a long run of spaces from each of them.
  const trimmed = text.normalize('NFC').trimEnd();
  const name = trimmed.endsWith(':') ? trimmed.slice(0, -1) : trimmed;
  return name
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A matcher for the headings named in `verifyHeadings` (roadbook.yml). */
export function verifyHeadingMatcher(verifyHeadings: readonly string[]): (heading: Heading) => boolean {
  const keys = new Set(verifyHeadings.map(headingKey));
  return (heading) => keys.size > 0 && keys.has(headingKey(plainText(heading)));
}

/**
 * The verification sections of `root`, in order. Only headings that are direct children of
 * the root count. A section runs to the next heading of the same or a higher level (depth
 * number lower or equal); a deeper heading inside it, even one named like a verification
 * heading, belongs to it.
 */
export function findVerifySections(root: Root, verifyHeadings: readonly string[]): VerifySection[] {
  const sections: VerifySection[] = [];
  if (verifyHeadings.length === 0) return sections;
  const matches = verifyHeadingMatcher(verifyHeadings);
  let open: VerifySection | null = null;
  root.children.forEach((node: RootContent, index) => {
    if (node.type !== 'heading') return;
    if (open && node.depth <= open.heading.depth) {
      open.end = index;
      open = null;
    }
    if (!open && matches(node)) {
      open = { heading: node, start: index, end: root.children.length };
      sections.push(open);
    }
  });
  return sections;
}
