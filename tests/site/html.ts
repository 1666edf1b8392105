import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root } from 'hast';

/** Small helpers over a real HTML parser's tree (hast), for asserting on built pages. */

export async function page(dir: string, path: string): Promise<Root> {
  return fromHtml(await readFile(join(dir, path), 'utf8'));
}

export function all(tree: Nodes, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'element') {
      if (test(node)) found.push(node);
      if (node.tagName === 'template' && node.content) walk(node.content);
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}

export function one(tree: Nodes, test: (el: Element) => boolean): Element {
  const found = all(tree, test);
  if (found.length === 0) throw new Error('no element matches');
  return found[0]!;
}

export const tag = (name: string) => (el: Element) => el.tagName === name;
export const cls = (name: string) => (el: Element) => classes(el).includes(name);
export const id = (value: string) => (el: Element) => el.properties.id === value;
export const has = (property: string) => (el: Element) => el.properties[property] !== undefined;
export const both =
  (...tests: ((el: Element) => boolean)[]) =>
  (el: Element) =>
    tests.every((t) => t(el));

/** The verification items under `tree`: the rows of its item lists (EntryItems.astro). */
export function items(tree: Nodes): Element[] {
  return all(tree, cls('item-list')).flatMap((list) =>
    list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li'),
  );
}

/** The entry a list row links to, by its page's address (`/versions/<v>/<id>/`). */
export function linkedEntry(row: Element): string | undefined {
  return href(one(row, tag('a')))?.match(/\/([^/]+)\/$/)?.[1];
}

function href(el: Element): string | undefined {
  return prop(el, 'href');
}

export function classes(el: Element): string[] {
  const value = el.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

export function prop(el: Element, name: string): string | undefined {
  const value = el.properties[name];
  return value === undefined || value === null ? undefined : Array.isArray(value) ? value.join(' ') : String(value);
}

/** Text content, whitespace collapsed (non-breaking spaces included). */
export function text(node: Nodes): string {
  const parts: string[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'text') parts.push(n.value);
    if ('children' in n) for (const child of n.children) walk(child as Nodes);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
export async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}
