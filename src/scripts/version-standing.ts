/**
 * <rb-version-standing data-slug="…">: where a version stands for the recorded installation
 * — "your version", "already behind your installation", "new for you" (core's standingOf, by
 * the site's version order) — on a version page's header and in the home page's table.
 * Empty and hidden without an installation, so nothing shows without scripts or storage.
 *
 * The order comes from /data/index.json, fetched only once an installation is recorded and
 * once for every badge of the page. The words are the page's: the element's (or an
 * ancestor's) data-standing-* attributes, an empty one meaning no badge for that standing.
 * With data-concerned, a version new for the reader also says how many of the page's changes
 * concern the installation's modules (installation.ts' `concerns`, on the entry cards).
 */
import type { DataIndex } from '../core/data-files.ts';
import { concernedCount, narrowsChanges, standingOf } from '../core/installation-pages.ts';
import type { Installation, VersionStanding } from '../core/installation.ts';
import { pluralForm } from '../core/i18n/plural.ts';
import { h } from './lib/dom.ts';
import { installationStore } from './lib/installation-store.ts';
import { pageDataFiles } from './lib/page-data.ts';

const LABELS: Record<VersionStanding, string> = {
  installed: 'standingInstalled',
  behind: 'standingBehind',
  new: 'standingNew',
};

/** The entry cards of the page, as EntryCard.astro writes them. */
function pageEntries(): { modules: string[]; editions: string[] }[] {
  return [...document.querySelectorAll<HTMLElement>('[data-entry]')].map((card) => ({
    modules: JSON.parse(card.dataset.modules ?? '[]') as string[],
    editions: JSON.parse(card.dataset.editions ?? '[]') as string[],
  }));
}

class RoadbookVersionStanding extends HTMLElement {
  private generation = 0;

  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    const store = installationStore();
    store.subscribe((installation) => void this.show(installation));
    void this.show(store.get());
  }

  private clear(): void {
    this.replaceChildren();
    this.hidden = true;
    delete this.dataset.standing;
  }

  private async show(installation: Installation | null): Promise<void> {
    const generation = ++this.generation;
    if (!installation) return this.clear();
    let index: DataIndex;
    try {
      index = await pageDataFiles(document.documentElement.dataset.base ?? '/').index();
    } catch {
      // A badge is a help, not the page: without the index there is none.
      if (generation === this.generation) this.clear();
      return;
    }
    if (generation !== this.generation) return;
    const standing = standingOf(installation, index, this.dataset.slug ?? '');
    const words = this.closest<HTMLElement>('[data-standing-installed]')?.dataset;
    const label = standing && words ? words[LABELS[standing]] : '';
    if (!standing || !label) return this.clear();
    const parts: (HTMLElement | string)[] = [
      h('span', { class: 'badge badge-standing', data: { value: standing }, text: label }),
    ];
    if (standing === 'new' && this.dataset.concerned !== undefined && narrowsChanges(installation)) {
      const n = concernedCount(pageEntries(), installation);
      const form = pluralForm(document.documentElement.lang, n);
      const template = this.dataset[form === 'one' ? 'concernedOne' : 'concernedOther'] ?? '';
      parts.push(' ', h('span', { class: 'standing-concerned', text: template.replace('{n}', String(n)) }));
    }
    this.replaceChildren(...parts);
    this.dataset.standing = standing;
    this.hidden = false;
  }
}

if (!customElements.get('rb-version-standing')) customElements.define('rb-version-standing', RoadbookVersionStanding);
