/**
 * <rb-installation-form>: the home page's "Mon installation" form (components/
 * InstallationSection.astro). Without scripts the form opens the upgrade path; here it
 * records the installation in the browser's store instead, says so, and shows the one
 * recorded, filled in, with "Oublier". Where storage is refused it says the installation is
 * kept for this page only.
 */
import { installationSummary, type Installation } from '../core/installation.ts';
import type { Choice } from '../core/model.ts';
import { part } from './lib/dom.ts';
import { installationStore } from './lib/installation-store.ts';

class RoadbookInstallationForm extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    const store = installationStore();
    const form = part<HTMLFormElement>(this, 'form');
    const status = part(this, 'status');
    const forget = part<HTMLButtonElement>(this, 'forget');
    const boxes = (name: string) => [
      ...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]`),
    ];
    const choices = (name: string): Choice[] =>
      boxes(name).map((b) => ({ id: b.value, label: b.dataset.label ?? b.value }));
    const words = (installation: Installation) =>
      installationSummary(installation, { modules: choices('modules'), editions: choices('editions') });
    const say = (key: 'saved' | 'pageOnly' | 'recorded' | 'forgotten', installation?: Installation) => {
      status.textContent = (status.dataset[key] ?? '').replace(
        '{installation}',
        installation ? words(installation) : '',
      );
    };
    const show = (installation: Installation | null) => {
      forget.hidden = !installation;
      if (!installation) return;
      const select = form.elements.namedItem('from');
      if (select instanceof HTMLSelectElement && [...select.options].some((o) => o.value === installation.installed))
        select.value = installation.installed;
      for (const box of boxes('modules')) box.checked = installation.modules.includes(box.value);
      for (const box of boxes('editions')) box.checked = installation.editions.includes(box.value);
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const select = form.elements.namedItem('from');
      if (!(select instanceof HTMLSelectElement) || !select.value) return;
      const checked = (name: string) =>
        boxes(name)
          .filter((b) => b.checked)
          .map((b) => b.value);
      const installation = { installed: select.value, modules: checked('modules'), editions: checked('editions') };
      say(store.set(installation) ? 'saved' : 'pageOnly', installation);
    });
    forget.addEventListener('click', () => {
      store.forget();
      say('forgotten');
      // The button is gone: the focus goes back to the form's first field.
      form.querySelector('select')?.focus();
    });
    store.subscribe(show);
    const recorded = store.get();
    show(recorded);
    if (recorded) say('recorded', recorded);
  }
}

if (!customElements.get('rb-installation-form'))
  customElements.define('rb-installation-form', RoadbookInstallationForm);
