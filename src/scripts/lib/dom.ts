/**
 * A few DOM helpers for the browser modules: an element builder that never parses text as
 * markup (only `html`, given the safe HTML core made at build time, is), downloads of
 * generated files, waiting a frame between chunks of work.
 */
type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  /** Safe HTML only: what core rendered and sanitised at build time (stepHtml, expectHtml). */
  html?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  data?: Record<string, string | number | null | undefined>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    if (props.class) el.className = props.class;
    if (props.id) el.id = props.id;
    if (props.text !== undefined) el.textContent = props.text;
    if (props.html !== undefined) el.innerHTML = props.html;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
      if (value === false || value === null || value === undefined) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const [name, value] of Object.entries(props.data ?? {})) {
      if (value !== null && value !== undefined) el.dataset[name] = String(value);
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

/** Offers bytes or text as a file download, without any request. */
export function download(fileName: string, data: string | Uint8Array, mimeType: string): void {
  const part = typeof data === 'string' ? data : (data.slice().buffer as ArrayBuffer);
  const blob = new Blob([part], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Resolves at the next animation frame (or soon, in a hidden tab). */
export function nextFrame(): Promise<void> {
  return new Promise((done) => {
    let settled = false;
    const finish = () => {
      if (!settled) {
        settled = true;
        done();
      }
    };
    requestAnimationFrame(finish);
    setTimeout(finish, 50);
  });
}

/**
 * Resolves in a task once the next frame is painted (the frame after it has begun; or soon, in
 * a hidden tab): for work the person need not wait for before seeing what they did, done
 * before they can do more. Not when the page is idle: while background work runs (the list's
 * controls), that would be at a time of its own, maybe in the middle of the next click.
 */
export async function afterPaint(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await new Promise((done) => setTimeout(done, 0));
}

/**
 * Hooks found, per root: a hook after the checklist's rows would otherwise cost a walk over
 * every row's nodes (a million at 38,000 items) each time a panel repaints.
 */
const found = new WeakMap<ParentNode, Map<string, HTMLElement>>();

/** The element of a `data-part` hook inside `root`; throws when the page frame lacks it. */
export function part<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T {
  let known = found.get(root);
  const cached = known?.get(name);
  // Still the hook, still inside: a panel that replaced its parts finds the new ones.
  if (cached && cached.dataset.part === name && root.contains(cached)) return cached as T;
  const el = root.querySelector<T>(`[data-part="${name}"]`);
  if (!el) throw new Error(`roadbook: the page has no [data-part="${name}"]`);
  if (!known) found.set(root, (known = new Map()));
  known.set(name, el);
  return el;
}

/**
 * Gives the page the hand back (input, rendering) before going on with long work: a new
 * task, so the browser paints and handles what the person did in between. A task of the
 * browser's scheduler where it has one, not a timer: after a few timers set from timers, each
 * waits at least 4 ms, which hundreds of slices add up to seconds of an idle page. Not
 * `scheduler.yield` either: its continuation goes before the page's other tasks (saves,
 * messages from other tabs), which would wait for the whole list.
 */
export function yieldToPage(priority: YieldPriority = 'user-visible'): Promise<void> {
  if (typeof scheduler !== 'undefined') return scheduler.postTask(() => undefined, { priority });
  return new Promise((done) => setTimeout(done, 0));
}

/**
 * How soon the work goes on: `user-visible` among the page's other tasks, `background` only
 * once the page has nothing else to do (it paints and answers first).
 */
export type YieldPriority = 'user-visible' | 'background';
