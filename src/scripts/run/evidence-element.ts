/**
 * `<rb-evidence>`: the attachments of one item of a run (checklist.md, "Evidence"). Placed
 * anywhere by its attributes alone:
 *
 *   run-id, item-id   the run and the item (required; changing either shows the other item's)
 *   product, base     the road book (storage prefix, core/run/storage-keys.ts); when absent,
 *                     read from the nearest ancestor's data-product / data-base
 *   lang              the interface language (else the nearest [lang], else French)
 *   readonly          thumbnails only: no adding, no removing (the printable report)
 *
 * A tester pastes a screenshot (Ctrl+V with the element focused), drops files on it, or picks
 * them with its button (a labelled file input). Each file is checked by core
 * (core/run/evidence.ts: type by content, 10 MB, name), stored in IndexedDB
 * (evidence-store.ts), and only then shown; a refusal is said at once in an alert and the item
 * keeps what it had. Images show as thumbnails through object URLs, revoked when the element
 * redraws or leaves the page; other files as links.
 *
 * After every change it dispatches `rb-evidence-change` (bubbles) with
 * `{ runId, itemId, evidence: Attachment[] }`, the records the item's result should carry,
 * and what changed (`added`, the records of the files just stored; `removed`, the ids of those
 * just deleted), so a page can apply the change to a result another tab may have changed.
 * `reload()` redraws from the store (the page learned that the item's files changed).
 */
import { localeFrom, translate, type MessageKey } from '../../core/i18n/translate.ts';
import type { Locale } from '../../core/model.ts';
import { EVIDENCE_TYPES, isImage, makeAttachment, type Attachment } from '../../core/run/evidence.ts';
import { storagePrefix } from '../../core/run/storage-keys.ts';
import { h } from '../lib/dom.ts';
import { evidenceStore as storeFor, type StoredEvidence } from './evidence-store.ts';

export const EVIDENCE_CHANGE = 'rb-evidence-change';

export interface EvidenceChange {
  runId: string;
  itemId: string;
  evidence: Attachment[];
  /** Files just attached. */
  added: Attachment[];
  /** Ids of the files just removed. */
  removed: string[];
}

/** What the file input offers: the accepted types and their extensions (content is checked all the same). */
const ACCEPT = Object.entries(EVIDENCE_TYPES)
  .flatMap(([type, extensions]) => [type, ...extensions.map((e) => `.${e}`)])
  .join(',');

/** Thumbnail width, CSS pixels. */
const THUMB_WIDTH = 160;

let counter = 0;

export class EvidenceElement extends HTMLElement {
  static observedAttributes = ['run-id', 'item-id', 'readonly', 'lang'];

  private urls: string[] = [];
  private list!: HTMLUListElement;
  private status!: HTMLElement;
  private alert!: HTMLElement;
  private input!: HTMLInputElement;
  private addButton!: HTMLButtonElement;
  private built = false;
  /** Redraws in flight: only the latest one draws. */
  private generation = 0;
  /** Files being stored, one after the other, so records are added in the order given. */
  private queue: Promise<void> = Promise.resolve();

  get runId(): string {
    return this.getAttribute('run-id') ?? '';
  }

  get itemId(): string {
    return this.getAttribute('item-id') ?? '';
  }

  private get locale(): Locale {
    return localeFrom(this.getAttribute('lang') ?? this.closest('[lang]')?.getAttribute('lang'));
  }

  private t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return translate(this.locale, key, params);
  }

  private get storePrefix(): string {
    const from = (name: string) =>
      this.getAttribute(name) ?? this.closest<HTMLElement>(`[data-${name}]`)?.dataset[name] ?? null;
    return storagePrefix({ product: from('product') ?? '', base: from('base') ?? '/' });
  }

  private get readOnly(): boolean {
    return this.hasAttribute('readonly');
  }

  connectedCallback(): void {
    if (!this.built) this.build();
    void this.refresh();
  }

  disconnectedCallback(): void {
    this.revoke();
  }

  attributeChangedCallback(): void {
    if (!this.built || !this.isConnected) return;
    this.build();
    void this.refresh();
  }

  /** The frame: label, list, button and input, hint, and the two live regions. */
  private build(): void {
    this.built = true;
    const id = `rb-evidence-${++counter}`;
    const readOnly = this.readOnly;
    this.list = h('ul', { class: 'evidence-list', attrs: { 'aria-labelledby': `${id}-label` } });
    this.status = h('p', { class: 'evidence-status', attrs: { role: 'status' } });
    this.alert = h('div', { class: 'evidence-alert', attrs: { role: 'alert' } });
    // The button opens the input's file chooser; the input itself stays out of sight and out
    // of the tab order, so keyboards and screen readers meet one control, not two.
    this.input = h('input', {
      class: 'evidence-input',
      attrs: { type: 'file', multiple: true, accept: ACCEPT, hidden: true, 'aria-label': this.t('evidence.add') },
    });
    this.addButton = h('button', {
      class: 'evidence-add',
      attrs: { type: 'button', 'aria-describedby': `${id}-hint` },
      text: this.t('evidence.add'),
    });
    const zone = h(
      'div',
      {
        class: 'evidence-zone',
        attrs: readOnly
          ? { role: 'group', 'aria-labelledby': `${id}-label` }
          : { role: 'group', 'aria-labelledby': `${id}-label`, 'aria-describedby': `${id}-hint`, tabindex: '0' },
      },
      h('p', { class: 'evidence-label', id: `${id}-label`, text: this.t('evidence.label') }),
      this.list,
      readOnly ? null : h('p', { class: 'evidence-hint', id: `${id}-hint`, text: this.t('evidence.hint') }),
      readOnly ? null : this.addButton,
      readOnly ? null : this.input,
      this.status,
      this.alert,
    );
    this.replaceChildren(zone);
    if (readOnly) return;
    this.addButton.addEventListener('click', () => this.input.click());
    this.input.addEventListener('change', () => {
      const files = [...(this.input.files ?? [])];
      this.input.value = '';
      this.take(files);
    });
    zone.addEventListener('paste', (event) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      this.take(files);
    });
    zone.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.dataset.dragging = 'true';
    });
    zone.addEventListener('dragleave', () => delete zone.dataset.dragging);
    zone.addEventListener('drop', (event) => {
      delete zone.dataset.dragging;
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      this.take(files);
    });
    this.list.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button') : null;
      if (button?.dataset.remove) void this.removeAttachment(button.dataset.remove, button.dataset.name ?? '');
    });
  }

  /** Adds files one after the other; each says at once whether it was kept. */
  private take(files: File[]): void {
    this.alert.textContent = '';
    for (const file of files) this.queue = this.queue.then(() => this.add(file));
  }

  private refuse(text: string): void {
    // Several refusals in one drop are all said, one paragraph each.
    this.alert.append(h('p', { text }));
  }

  private async add(file: File): Promise<void> {
    const store = await storeFor(this.storePrefix);
    if (!store) return this.refuse(this.t('evidence.refused.noStorage'));
    const name = file.name;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      return this.refuse(this.t('evidence.refused.notStored', { name, reason: String(error) }));
    }
    // A pasted screenshot may come without a name: it is called capture.png.
    const made = await makeAttachment({ name, bytes }, new Date(), 'capture');
    if (!made.ok) return this.refuse(this.t(`evidence.refused.${made.refusal.code}`, { name, ...made.refusal.params }));
    const { attachment } = made;
    const written = await store.put(this.runId, this.itemId, attachment, new Blob([bytes], { type: attachment.type }));
    if (!written.ok) return this.refuse(this.t('evidence.refused.notStored', { name, reason: written.reason }));
    this.status.textContent = this.t('evidence.added', { name: attachment.name });
    await this.refresh({ added: [attachment], removed: [] });
  }

  private async removeAttachment(id: string, name: string): Promise<void> {
    const store = await storeFor(this.storePrefix);
    const removed = store ? await store.delete(this.runId, this.itemId, id) : { ok: false as const, reason: '' };
    if (!removed.ok) {
      this.refuse(this.t('evidence.removeFailed', { name, reason: removed.reason }));
      return;
    }
    this.status.textContent = this.t('evidence.removed', { name });
    await this.refresh({ added: [], removed: [id] });
    this.addButton.focus();
  }

  private revoke(): void {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
  }

  /** Redraws the list from the store (the item's files changed elsewhere: another tab, an import). */
  reload(): Promise<void> {
    return this.built && this.isConnected ? this.refresh() : Promise.resolve();
  }

  /** Redraws the list from the store; `changed`: tell the page what changed and what the item now carries. */
  private async refresh(changed: Pick<EvidenceChange, 'added' | 'removed'> | null = null): Promise<void> {
    const generation = ++this.generation;
    const runId = this.runId;
    const itemId = this.itemId;
    const store = runId && itemId ? await storeFor(this.storePrefix) : null;
    let files: StoredEvidence[] = [];
    try {
      files = store ? await store.list(runId, itemId) : [];
    } catch (error) {
      this.refuse(this.t('evidence.refused.notStored', { name: '', reason: String(error) }));
    }
    // A change is told even when a later redraw overtook this one: the page must record it.
    if (changed) {
      const detail: EvidenceChange = { runId, itemId, evidence: files.map((f) => f.attachment), ...changed };
      this.dispatchEvent(new CustomEvent(EVIDENCE_CHANGE, { bubbles: true, detail }));
    }
    if (generation !== this.generation || !this.built) return;
    this.revoke();
    this.list.replaceChildren(
      ...(files.length
        ? files.map((f) => this.entry(f))
        : [h('li', { class: 'evidence-none', text: this.t('evidence.none') })]),
    );
    this.dataset.count = String(files.length);
  }

  private entry({ attachment, blob }: StoredEvidence): HTMLLIElement {
    const url = URL.createObjectURL(blob);
    this.urls.push(url);
    const name = attachment.name;
    const link = h(
      'a',
      {
        class: 'evidence-open',
        attrs: { href: url, download: name, 'aria-label': this.t('evidence.open', { name }) },
      },
      // The width attribute sizes a thumbnail even where no style sheet of the element is loaded.
      isImage(attachment.type)
        ? h('img', { class: 'evidence-thumb', attrs: { src: url, alt: name, width: THUMB_WIDTH } })
        : null,
      h('span', { class: 'evidence-name', text: name }),
    );
    return h(
      'li',
      { class: 'evidence-item', data: { attachment: attachment.id, type: attachment.type } },
      link,
      this.readOnly
        ? null
        : h('button', {
            class: 'evidence-remove',
            attrs: { type: 'button', 'aria-label': this.t('evidence.remove', { name }) },
            data: { remove: attachment.id, name },
            text: '×',
          }),
    );
  }
}

if (!customElements.get('rb-evidence')) customElements.define('rb-evidence', EvidenceElement);

declare global {
  interface HTMLElementTagNameMap {
    'rb-evidence': EvidenceElement;
  }
  interface HTMLElementEventMap {
    'rb-evidence-change': CustomEvent<EvidenceChange>;
  }
}
