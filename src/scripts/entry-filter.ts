/**
 * <rb-entry-filter>: narrows a version's entries by type and module and, with an installation
 * recorded that names modules or editions, to the changes that concern it ("only my modules",
 * installation.ts' `concerns`). Progressive enhancement: every entry is in the page and
 * visible; the controls appear only once this element runs. The choice is kept in the
 * address (?type=…&module=…, and mine=0 when "only my modules" is turned off) so it can be
 * shared.
 *
 * "Only my modules" is on by default once an installation names modules: a reader who said
 * which modules they use expects to see theirs; the box says so, with their modules named,
 * and the count says "N of your modules' changes shown of M".
 */
import { pluralForm } from '../core/i18n/plural.ts';
import { narrowsChanges } from '../core/installation-pages.ts';
import { concerns, type Installation } from '../core/installation.ts';
import { installationStore } from './lib/installation-store.ts';

/** The labels EntryList.astro hands over, to name the installation's modules and editions. */
interface ChoiceLabels {
  modules: Record<string, string>;
  editions: Record<string, string>;
}

const MINE_OFF = '0';

class RoadbookEntryFilter extends HTMLElement {
  private form: HTMLFormElement | null = null;
  private installation: Installation | null = null;
  /** What the address asked for "only my modules" (on unless it says mine=0). */
  private mineWanted = true;

  connectedCallback(): void {
    this.form = this.querySelector('form[data-filter-form]');
    if (!this.form || this.dataset.ready) return;
    this.dataset.ready = 'true';
    const params = new URLSearchParams(location.search);
    for (const name of ['type', 'module']) {
      const select = this.form.elements.namedItem(name);
      const wanted = params.get(name);
      if (select instanceof HTMLSelectElement && wanted && [...select.options].some((o) => o.value === wanted)) {
        select.value = wanted;
      }
    }
    this.mineWanted = params.get('mine') !== MINE_OFF;
    const store = installationStore();
    this.installation = store.get();
    this.showMine();
    store.subscribe((installation) => {
      this.installation = installation;
      this.showMine();
      this.apply(false);
    });
    this.form.addEventListener('change', () => this.apply(true));
    this.form.addEventListener('reset', () => setTimeout(() => this.apply(true)));
    this.form.addEventListener('submit', (event) => event.preventDefault());
    this.form.hidden = false;
    this.apply(false);
  }

  private value(name: string): string {
    const field = this.form?.elements.namedItem(name);
    return field instanceof HTMLSelectElement ? field.value : '';
  }

  private mineBox(): HTMLInputElement | null {
    const field = this.form?.elements.namedItem('mine');
    return field instanceof HTMLInputElement ? field : null;
  }

  /** Shows "only my modules", naming them, when the installation narrows the list; hides it otherwise. */
  private showMine(): void {
    const label = this.querySelector<HTMLElement>('[data-filter-mine]');
    const box = this.mineBox();
    if (!label || !box) return;
    const installation = this.installation;
    const wasShown = !label.hidden;
    if (!installation || !narrowsChanges(installation)) {
      label.hidden = true;
      box.checked = false;
      return;
    }
    let names: ChoiceLabels = { modules: {}, editions: {} };
    try {
      names = { ...names, ...(JSON.parse(this.dataset.choices ?? '{}') as Partial<ChoiceLabels>) };
    } catch {
      /* ids are shown instead of labels */
    }
    const choices = [
      ...installation.modules.map((id) => names.modules[id] ?? id),
      ...installation.editions.map((id) => names.editions[id] ?? id),
    ].join(', ');
    const text = label.querySelector<HTMLElement>('[data-template]');
    if (text) text.textContent = (text.dataset.template ?? '').replace('{choices}', choices);
    if (!wasShown) box.checked = this.mineWanted;
    label.hidden = false;
  }

  private apply(remember: boolean): void {
    const type = this.value('type');
    const module = this.value('module');
    const box = this.mineBox();
    const mine = box?.checked && this.installation && narrowsChanges(this.installation) ? this.installation : null;
    const entries = [...this.querySelectorAll<HTMLElement>('[data-entry]')];
    let shown = 0;
    for (const entry of entries) {
      const modules = JSON.parse(entry.dataset.modules ?? '[]') as string[];
      const editions = JSON.parse(entry.dataset.editions ?? '[]') as string[];
      const visible =
        (!type || entry.dataset.type === type) &&
        (!module || modules.includes(module)) &&
        (!mine || concerns({ modules, editions }, mine));
      entry.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const group of this.querySelectorAll<HTMLElement>('[data-group]')) {
      group.hidden = !group.querySelector('[data-entry]:not([hidden])');
    }
    const status = this.querySelector<HTMLElement>('[data-filter-status]');
    if (status) {
      const form = pluralForm(document.documentElement.lang, shown) === 'one' ? 'One' : 'Other';
      status.textContent = (status.dataset[mine ? `templateMine${form}` : `template${form}`] ?? '')
        .replace('{shown}', String(shown))
        .replace('{total}', String(entries.length));
    }
    if (remember) {
      const url = new URL(location.href);
      for (const [name, value] of [
        ['type', type],
        ['module', module],
      ] as const) {
        if (value) url.searchParams.set(name, value);
        else url.searchParams.delete(name);
      }
      // Only a reader who sees the box changes it: on is the default, off is kept.
      if (box && this.installation && narrowsChanges(this.installation)) {
        this.mineWanted = box.checked;
        if (box.checked) url.searchParams.delete('mine');
        else url.searchParams.set('mine', MINE_OFF);
      }
      history.replaceState(history.state, '', url);
    }
  }
}

if (!customElements.get('rb-entry-filter')) customElements.define('rb-entry-filter', RoadbookEntryFilter);
