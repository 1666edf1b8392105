import { Document, isSeq, visit } from 'yaml';

/**
 * A Markdown file with YAML front matter, the values written through the YAML library so
 * every one is quoted where YAML needs it (`"5501"`, `"oui"`, a title with `: `). Undefined
 * values are left out; lists are written on one line, as the sample road book writes them.
 */
export function frontMatterFile(values: Record<string, unknown>, body: string): string {
  const doc = new Document(values, { version: '1.2' });
  visit(doc, {
    Seq(_key, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${body}`;
}
