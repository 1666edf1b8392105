/**
 * One list item of a verification section read as a verification item (content-format.md,
 * "Verification sections"). Browser-safe.
 *
 * Decisions where the contract is silent:
 * - The arrow is looked for in the item's own paragraphs (not in nested items), outside
 *   inline code; `-->` counts as one arrow.
 * - Expected results from an arrow and from `Attendu :` nested items are all kept, in that
 *   order, joined with " — " (plain text and HTML alike).
 * - Other nested items stay in the step: `stepHtml` holds them as a nested list, the plain
 *   `step` appends their text after the main text, each after " — ".
 * - A step is empty when the item's own text is (nested details alone do not make a step),
 *   or is only a task-list box (`- [ ]` with nothing after), invisible characters aside
 *   (a step of no-break or zero-width spaces shows nothing to do).
 * - An item may hold several blocks (a loose list): the first paragraph is rendered inline,
 *   the next blocks as blocks; their plain texts are joined with a space.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { collapseWhitespace, findArrow, isBlankText, plainText, sliceInline, trimInline } from './plain-text.ts';

/** Joins the parts of a step or of an expected result. */
export const PART_SEPARATOR = ' — ';

/** `Attendu`, `Résultat attendu` or `Expected`, optional spaces (no-break too), a colon. */
const EXPECT_LABEL = /^\s*(?:attendu|r(?:é|e\u0301|e)sultat\s+attendu|expected)[\u0020\u00a0\u202f]*:/i;

/** A task-list box left as text when nothing follows it (`- [ ]`). */
const TASK_BOX = /^\[[ xX]?\]/;

/** An item as read: plain texts, and the Markdown pieces its HTML is made of. */
export interface ReadItem {
  step: string;
  /** The step's blocks, other nested items as a nested list. */
  stepBlocks: RootContent[];
  expect: string | null;
  /** Each expected result, in order (arrow first, then `Attendu :` items); joined with `PART_SEPARATOR`. */
  expectParts: RootContent[][];
}

type Blocks = RootContent[];

/** Reads one top-level list item; null when its step is empty. */
export function readItem(item: ListItem): ReadItem | null {
  const own = item.children.filter((c) => c.type !== 'list') as Blocks;
  const expectParts: Blocks[] = [];
  const nestedLists: List[] = [];
  for (const child of item.children) {
    if (child.type !== 'list') continue;
    const rest: ListItem[] = [];
    for (const nested of child.children) {
      const expected = expectedOf(nested);
      if (expected) expectParts.push(expected);
      else rest.push(nested);
    }
    if (rest.length > 0) nestedLists.push({ ...child, children: rest });
  }

  let stepBlocks = own;
  const split = splitAtArrow(own);
  if (split) {
    stepBlocks = split.before;
    expectParts.unshift(split.after);
  }

  // The step is the item's own text; nested details alone do not make one.
  const main = plainOf(stepBlocks);
  if (isBlankText(main.replace(TASK_BOX, ''))) return null;
  const step = joinParts([main, ...nestedLists.map((l) => plainOf([l]))]);

  const expects = expectParts.filter((blocks) => !isBlankText(plainOf(blocks)));
  return {
    step,
    stepBlocks: [...stepBlocks, ...nestedLists],
    expect: expects.length > 0 ? joinParts(expects.map(plainOf)) : null,
    expectParts: expects,
  };
}

/** The expected result a nested item gives (its content after the label), or null. */
function expectedOf(item: ListItem): Blocks | null {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph') return null;
  const m = EXPECT_LABEL.exec(plainText(first));
  if (!m) return null;
  const children = trimInline(sliceInline(first.children, m[0].length, Number.POSITIVE_INFINITY));
  return [...(children.length > 0 ? [{ ...first, children }] : []), ...rest] as Blocks;
}

/** The item's own blocks cut at the first arrow of its paragraphs. */
function splitAtArrow(blocks: Blocks): { before: Blocks; after: Blocks } | null {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'paragraph') continue;
    const arrow = findArrow(block.children);
    if (!arrow) continue;
    const left = paragraph(block, trimInline(sliceInline(block.children, 0, arrow[0])));
    const right = paragraph(block, trimInline(sliceInline(block.children, arrow[1], Number.POSITIVE_INFINITY)));
    return { before: [...blocks.slice(0, i), ...left], after: [...right, ...blocks.slice(i + 1)] };
  }
  return null;
}

function paragraph(model: Paragraph, children: PhrasingContent[]): Paragraph[] {
  return children.length > 0 ? [{ ...model, children }] : [];
}

/** Plain text of blocks: paragraphs joined with a space, list items with " — ". */
function plainOf(blocks: readonly RootContent[]): string {
  const parts = blocks.map((b) =>
    b.type === 'list' ? joinParts(b.children.map((item) => plainOf(item.children))) : collapseWhitespace(plainText(b)),
  );
  return joinParts(parts, ' ');
}

function joinParts(parts: readonly string[], separator = PART_SEPARATOR): string {
  return parts.filter((p) => p !== '').join(separator);
}
