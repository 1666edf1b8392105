/**
 * <rb-search>: turns on pagefind's component UI when the site has a search index. The page
 * shows a light trigger of its own; pagefind's interface files, beside the index
 * (`<base>pagefind/`), are loaded when the reader is about to search, after the index is
 * found: where there is none (the dev preview) the box shows a message instead.
 * pagefind's elements are made here from the words of the site's search settings (one file,
 * pages/search.json.ts, whose address the page gives), not written into every page.
 */

/** A filter dropdown of the search: pagefind's filter name and the label it shows. */
export interface SearchFilter {
  filter: string;
  label: string;
}

/** The search box's words and settings: `/search.json` under the site's base. */
export interface SearchSettings {
  /** Where pagefind's index and interface files are. */
  bundle: string;
  lang: string;
  placeholder: string;
  filters: SearchFilter[];
  /** How many results pagefind lists (the summary counts them all). */
  maxResults: number;
  /** Said where the site has no index (the dev preview). */
  unavailable: string;
  /** Said when pagefind's files cannot be loaded. */
  failed: string;
}

/** What pagefind's component UI script gives the page (the part used here). */
declare global {
  interface Window {
    PagefindComponents?: {
      getInstanceManager(): { getInstance(name: string): { triggerLoad(): Promise<void> } };
    };
  }
}

/** Events that say a reader is about to search. */
const INTENT = ['pointerenter', 'focusin', 'touchstart'] as const;

/** An element with attributes (never parsed markup). */
function el(tag: string, attrs: Record<string, string> = {}, ...children: Element[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** pagefind's modal search: trigger, input, filters, summary, results (hidden until its script is in). */
function searchUi(d: SearchSettings): HTMLElement {
  const { placeholder, filters } = d;
  const ui = el(
    'div',
    { 'data-search-ui': '' },
    el('pagefind-config', { 'bundle-path': d.bundle, lang: d.lang }),
    el('pagefind-modal-trigger', { placeholder, 'hide-shortcut': 'true' }),
    el(
      'pagefind-modal',
      {},
      el('pagefind-modal-header', {}, el('pagefind-input', { placeholder })),
      el(
        'pagefind-modal-body',
        {},
        el(
          'div',
          { class: 'search-filters' },
          ...filters.map(({ filter, label }) => el('pagefind-filter-dropdown', { filter, label })),
        ),
        el('pagefind-summary'),
        el('pagefind-results', { 'max-results': String(d.maxResults) }),
      ),
      el('pagefind-modal-footer', {}, el('pagefind-keyboard-hints')),
    ),
  );
  ui.hidden = true;
  return ui;
}

/** pagefind's own shortcut for its modal (mod+k), taken by the light trigger until pagefind is in. */
function isShortcut(event: KeyboardEvent): boolean {
  if (event.key.toLowerCase() !== 'k' || event.altKey || event.shiftKey) return false;
  if (!(event.ctrlKey || event.metaKey)) return false;
  const active = document.activeElement as HTMLElement | null;
  return !(active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.isContentEditable));
}

class RoadbookSearch extends HTMLElement {
  private settings: SearchSettings | null = null;
  private loading: Promise<void> | null = null;
  /** A click or the shortcut came before pagefind was in: its modal opens once it is. */
  private openWhenLoaded = false;
  private readonly onShortcut = (event: KeyboardEvent): void => {
    if (!isShortcut(event)) return;
    event.preventDefault();
    this.openWhenLoaded = true;
    void this.load();
  };

  connectedCallback(): void {
    if (this.dataset.state) return;
    this.dataset.state = 'loading';
    void this.start();
  }

  private trigger(): HTMLButtonElement | null {
    return this.querySelector<HTMLButtonElement>('[data-search-trigger]');
  }

  /**
   * pagefind's interface weighs about 230 KB (script and styles) and most page views never
   * search: the page shows a light button of its own, looking like pagefind's, and loads
   * pagefind only when the reader is about to search (points at it, focuses it, touches it,
   * clicks it, or presses the shortcut).
   */
  private async start(): Promise<void> {
    // Without its words the box has nothing to show, not even why.
    this.settings = await fetch(this.dataset.settings ?? '/search.json').then(
      (response) => (response.ok ? (response.json() as Promise<SearchSettings>) : null),
      () => null,
    );
    if (!this.settings) {
      this.dataset.state = 'failed';
      return;
    }
    // The dev preview never has an index: say so without asking the server.
    if (import.meta.env.DEV) return this.say(this.settings.unavailable, 'unavailable');
    const trigger = this.trigger();
    if (!trigger) return;
    const intent = () => void this.load();
    for (const type of INTENT) trigger.addEventListener(type, intent, { passive: true, once: true });
    trigger.addEventListener('click', () => {
      this.openWhenLoaded = true;
      void this.load();
    });
    document.addEventListener('keydown', this.onShortcut);
    // Said here rather than in the markup: only a working button has them, and every page's frame is smaller.
    trigger.setAttribute('aria-haspopup', 'dialog');
    trigger.setAttribute('aria-keyshortcuts', 'Control+K Meta+K');
    trigger.hidden = false;
    this.dataset.state = 'idle';
  }

  /** Loads pagefind's interface once, then puts it in place of the light trigger. */
  private load(): Promise<void> {
    this.loading ??= this.loadUi();
    return this.loading;
  }

  private async loadUi(): Promise<void> {
    const settings = this.settings;
    if (!settings) return;
    this.dataset.state = 'loading';
    const trigger = this.trigger();
    trigger?.setAttribute('aria-busy', 'true');
    const { bundle } = settings;
    const found = await fetch(`${bundle}pagefind-entry.json`, { cache: 'no-cache' }).then(
      (response) => response.ok,
      () => false,
    );
    if (!found) return this.giveUp(settings.unavailable, 'unavailable');
    // In the page before pagefind's script defines its elements, as written markup would be.
    const ui = searchUi(settings);
    this.append(ui);
    try {
      await Promise.all([
        loadStyle(`${bundle}pagefind-component-ui.css`),
        loadScript(`${bundle}pagefind-component-ui.js`),
      ]);
    } catch {
      ui.remove();
      return this.giveUp(settings.failed, 'failed');
    }
    // pagefind's trigger (and shortcut) take over: one button in the page, where the light one was.
    document.removeEventListener('keydown', this.onShortcut);
    const focused = trigger !== null && trigger === document.activeElement;
    trigger?.remove();
    ui.hidden = false;
    this.nameFilterButtons();
    const button = ui.querySelector<HTMLButtonElement>('pagefind-modal-trigger button');
    if (focused) button?.focus();
    // The reader is about to search: pagefind's index (about 230 KB at 10,000 entries) loads now.
    void window.PagefindComponents?.getInstanceManager().getInstance('default').triggerLoad();
    this.dataset.state = 'ready';
    if (this.openWhenLoaded) button?.click();
  }

  private giveUp(text: string, state: string): void {
    document.removeEventListener('keydown', this.onShortcut);
    this.trigger()?.remove();
    this.say(text, state);
  }

  /**
   * Pagefind's filter dropdowns are comboboxes whose accessible name is not taken from their
   * text: give each the label it shows (they are rendered, and re-rendered, by pagefind).
   */
  private nameFilterButtons(): void {
    const name = () => {
      for (const dropdown of this.querySelectorAll('pagefind-filter-dropdown')) {
        const trigger = dropdown.querySelector('[role="combobox"]');
        const label = dropdown.getAttribute('label');
        if (trigger && label && trigger.getAttribute('aria-label') !== label) trigger.setAttribute('aria-label', label);
      }
    };
    new MutationObserver(name).observe(this, { childList: true, subtree: true });
    name();
  }

  private say(text: string, state: string): void {
    const message = this.querySelector<HTMLElement>('[data-search-message]');
    if (message) {
      message.textContent = text;
      message.hidden = false;
    }
    this.dataset.state = state;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`script[src="${CSS.escape(src)}"]`)) return resolve();
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(script);
  });
}

function loadStyle(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`link[href="${CSS.escape(href)}"]`)) return resolve();
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`cannot load ${href}`));
    // Before the site's own styles, so that they can theme pagefind's variables.
    document.head.prepend(link);
  });
}

if (!customElements.get('rb-search')) customElements.define('rb-search', RoadbookSearch);
