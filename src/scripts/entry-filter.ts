/**
 * <rb-entry-filter>: narrows a version's entries by type and module. Progressive
 * enhancement: every entry is in the page and visible; the controls appear only once this
 * element runs. The choice is kept in the address (?type=…&module=…) so it can be shared.
 */
import { pluralForm } from '../core/i18n/plural.ts';

class RoadbookEntryFilter extends HTMLElement {
  private form: HTMLFormElement | null = null;

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

  private apply(remember: boolean): void {
    const type = this.value('type');
    const module = this.value('module');
    const entries = [...this.querySelectorAll<HTMLElement>('[data-entry]')];
    let shown = 0;
    for (const entry of entries) {
      const modules = JSON.parse(entry.dataset.modules ?? '[]') as string[];
      const visible = (!type || entry.dataset.type === type) && (!module || modules.includes(module));
      entry.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const group of this.querySelectorAll<HTMLElement>('[data-group]')) {
      group.hidden = !group.querySelector('[data-entry]:not([hidden])');
    }
    const status = this.querySelector<HTMLElement>('[data-filter-status]');
    if (status) {
      const form = pluralForm(document.documentElement.lang, shown);
      status.textContent = (status.dataset[form === 'one' ? 'templateOne' : 'templateOther'] ?? '')
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
      history.replaceState(history.state, '', url);
    }
  }
}

if (!customElements.get('rb-entry-filter')) customElements.define('rb-entry-filter', RoadbookEntryFilter);
