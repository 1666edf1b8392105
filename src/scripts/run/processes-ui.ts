/**
 * The company's own strategic processes on the checklist page: a checkbox for each beside the
 * catalogue's, and a manager to add, edit and remove them, export them to the file
 * `roadbook checklist --processes` reads, and import such a file (a bad file changes nothing
 * and says what is wrong, item by item). Kept in the browser by RunStore.
 */
import type { DataIndex } from '../../core/data-files.ts';
import { exportFileName } from '../../core/export/index.ts';
import type { Locale, Process } from '../../core/model.ts';
import {
  companyProcessesText,
  mergeCompanyProcesses,
  parseCompanyProcessesText,
  processConflicts,
  processFromDraft,
  type CompanyProcesses,
} from '../../core/run/company-processes.ts';
import { download, h, part } from '../lib/dom.ts';
import type { Alerts } from './alerts.ts';
import { confirmAction } from './confirm.ts';
import { chooseProcess } from './process-conflict.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { RunStore } from './store.ts';

/** <rb-processes>: the path form's process choices and the company processes manager. */
export class ProcessesUi extends HTMLElement {
  library!: CompanyProcesses;
  /** Where the page's dialogs are (they sit outside the panel). */
  private dialogs!: HTMLElement;
  private t!: Translate;
  private locale!: Locale;
  private index!: DataIndex;
  private store!: RunStore;
  private alerts!: Alerts;
  private form!: HTMLFormElement;
  private editing: string | null = null;

  /** Wires the panel (once); `dialogs`: the element holding the page's confirm and conflict dialogs. */
  connect(
    dialogs: HTMLElement,
    t: Translate,
    locale: Locale,
    index: DataIndex,
    store: RunStore,
    alerts: Alerts,
    library: CompanyProcesses,
  ): void {
    this.dialogs = dialogs;
    this.t = t;
    this.locale = locale;
    this.index = index;
    this.store = store;
    this.alerts = alerts;
    this.library = library;
    this.form = part<HTMLFormElement>(this, 'process-editor');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.form.addEventListener('reset', () => setTimeout(() => this.edit(null)));
    part(this, 'own-list').addEventListener('click', (event) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-process]') : null;
      if (!button) return;
      if (button.dataset.action === 'edit') this.edit(button.dataset.process!);
      else if (button.dataset.action === 'remove') void this.removeProcess(button.dataset.process!);
    });
    part(this, 'processes-export').addEventListener('click', () => void this.export());
    const input = part<HTMLInputElement>(this, 'processes-import');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void this.import(file);
    });
    this.renderManager();
  }

  /** The company's processes as checkboxes of the path form, checked as `selected` says. */
  renderChoices(selected: readonly string[]): void {
    const box = part(this, 'own-processes');
    box.replaceChildren(
      ...this.library.processes.map((p) =>
        h(
          'label',
          { class: 'choice' },
          h('input', { attrs: { type: 'checkbox', name: 'processes', value: p.id, checked: selected.includes(p.id) } }),
          ` ${p.label} `,
          h('span', { class: 'muted', text: this.t('processes.own.tag') }),
        ),
      ),
    );
    part(this, 'own-processes-empty').hidden = this.library.processes.length > 0;
  }

  private checkedNow(): string[] {
    return [...this.querySelectorAll<HTMLInputElement>('input[name="processes"]:checked')].map((b) => b.value);
  }

  private renderManager(): void {
    const list = part(this, 'own-list');
    list.replaceChildren(
      ...this.library.processes.map((p) =>
        h(
          'li',
          null,
          h('strong', { text: p.label }),
          ' ',
          h('code', { text: p.id }),
          ' · ',
          this.t('processes.steps', { n: p.steps.length }),
          ' ',
          h('button', {
            data: { action: 'edit', process: p.id },
            attrs: { type: 'button', 'aria-label': this.t('processes.editNamed', { label: p.label }) },
            text: this.t('processes.edit'),
          }),
          ' ',
          h('button', {
            data: { action: 'remove', process: p.id },
            attrs: { type: 'button', 'aria-label': this.t('processes.removeNamed', { label: p.label }) },
            text: this.t('processes.remove'),
          }),
        ),
      ),
    );
    this.renderChoices(this.checkedNow());
  }

  private edit(id: string | null): void {
    this.editing = id;
    const p = id ? this.library.processes.find((q) => q.id === id) : undefined;
    const field = (name: string) => this.form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement;
    field('label').value = p?.label ?? '';
    field('id').value = p?.id ?? '';
    field('steps').value = p?.steps.join('\n') ?? '';
    for (const box of this.form.querySelectorAll<HTMLInputElement>('input[name="process-modules"]'))
      box.checked = !!p?.modules.includes(box.value);
    part(this.form, 'process-problems').replaceChildren();
    for (const el of this.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    part(this.form, 'process-editor-title').textContent = p
      ? this.t('processes.editTitle', { label: p.label })
      : this.t('processes.addTitle');
    if (id) {
      part<HTMLDetailsElement>(this, 'process-manager').open = true;
      field('label').focus();
    }
  }

  private async save(): Promise<void> {
    const value = (name: string) => (this.form.elements.namedItem(name) as HTMLInputElement).value;
    const others = this.library.processes.filter((p) => p.id !== this.editing);
    const checked = processFromDraft(
      {
        id: value('id'),
        label: value('label'),
        modules: [...this.form.querySelectorAll<HTMLInputElement>('input[name="process-modules"]:checked')].map(
          (b) => b.value,
        ),
        steps: value('steps'),
      },
      { catalogue: this.index.processes, modules: this.index.modules, others },
      this.locale,
    );
    const problems = part(this.form, 'process-problems');
    for (const el of this.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    if (!checked.ok) {
      for (const p of checked.problems)
        this.form
          .querySelector(`[name="${p.field === 'modules' ? 'process-modules' : p.field}"]`)
          ?.setAttribute('aria-invalid', 'true');
      problems.replaceChildren(
        h(
          'div',
          { class: 'callout callout-error', attrs: { role: 'alert' } },
          h('ul', null, ...checked.problems.map((p) => h('li', { text: p.message }))),
        ),
      );
      return;
    }
    const processes = [...this.library.processes];
    const at = processes.findIndex((p) => p.id === this.editing);
    const selected = this.checkedNow();
    if (at >= 0) processes[at] = checked.process;
    else {
      processes.push(checked.process);
      selected.push(checked.process.id);
    }
    const renamed = this.editing && this.editing !== checked.process.id;
    const picks = this.library.picks.map((id) => (renamed && id === this.editing ? checked.process.id : id));
    if (!(await this.persist({ picks, processes }))) return;
    this.alerts.info(this.t('processes.saved', { label: checked.process.label }));
    this.form.reset();
    this.renderChoices(selected.map((id) => (renamed && id === this.editing ? checked.process.id : id)));
  }

  /** Writes the library; the page shows it only once the browser confirmed the write. */
  private async persist(library: CompanyProcesses): Promise<boolean> {
    const result = await this.store.saveProcesses(library);
    if (!result.ok) {
      this.alerts.error(this.t('processes.saveFailed', { reason: result.reason }), [], 'processes-save');
      return false;
    }
    this.alerts.clear('processes-save');
    this.library = library;
    this.renderManager();
    return true;
  }

  private async removeProcess(id: string): Promise<void> {
    const p = this.library.processes.find((q) => q.id === id);
    if (!p) return;
    if (
      !(await confirmAction(
        this.dialogs,
        this.t('processes.removeConfirm', { label: p.label }),
        this.t('processes.remove'),
      ))
    )
      return;
    await this.persist({
      picks: this.library.picks.filter((x) => x !== id),
      processes: this.library.processes.filter((q) => q.id !== id),
    });
    this.alerts.info(this.t('processes.removed', { label: p.label }));
  }

  /** Remembers the processes of the path just opened as the ones to check next time. */
  async rememberPicks(ids: readonly string[]): Promise<void> {
    const known = ids.filter(
      (id) => this.index.processes.some((p) => p.id === id) || this.library.processes.some((p) => p.id === id),
    );
    if (known.length === this.library.picks.length && known.every((id) => this.library.picks.includes(id))) return;
    const result = await this.store.saveProcesses({ ...this.library, picks: known });
    if (result.ok) this.library = { ...this.library, picks: known };
  }

  private async export(): Promise<void> {
    const catalogue = new Set(this.index.processes.map((p) => p.id));
    const checked = this.checkedNow();
    const picks = [...new Set([...this.library.picks, ...checked])].filter((id) => catalogue.has(id));
    const text = await companyProcessesText(
      { picks, processes: this.library.processes },
      { product: this.index.product },
      this.locale,
    );
    download(
      exportFileName({ product: this.index.product, from: null, to: 'processes' }, { extension: 'yml' }),
      text,
      'application/yaml',
    );
  }

  private async import(file: File): Promise<void> {
    const text = await file.text();
    const parsed = await parseCompanyProcessesText(
      text,
      { catalogue: this.index.processes, modules: this.index.modules },
      this.locale,
    );
    if (!parsed.ok) {
      this.alerts.error(
        h(
          'div',
          null,
          h('p', { text: this.t('processes.importFailed', { file: file.name }) }),
          h('ul', null, ...parsed.errors.map((e) => h('li', { text: e }))),
        ),
        [],
        'processes-import',
      );
      return;
    }
    this.alerts.clear('processes-import');
    const incoming = { picks: [...parsed.picks, ...parsed.processes.map((p) => p.id)], processes: parsed.processes };
    // Nothing is replaced without the tester's answer; no answer, no change at all.
    const keep = new Set<string>();
    for (const conflict of processConflicts(this.library, incoming)) {
      const choice = await chooseProcess(this.dialogs, this.t, conflict);
      if (choice === null) {
        this.alerts.info(this.t('processes.conflict.cancelled', { file: file.name }));
        return;
      }
      if (choice === 'keep') keep.add(conflict.id);
    }
    const merged = mergeCompanyProcesses(this.library, incoming, keep);
    const selected = [...new Set([...this.checkedNow(), ...merged.library.picks])];
    if (!(await this.persist(merged.library))) return;
    this.renderChoices(selected);
    for (const box of this.querySelectorAll<HTMLInputElement>('input[name="processes"]'))
      if (parsed.picks.includes(box.value)) box.checked = true;
    this.alerts.info(
      this.t('processes.imported', {
        added: merged.added.length,
        replaced: merged.replaced.length,
        picked: parsed.picks.length,
      }) + (merged.kept.length ? ` ${this.t('processes.conflict.kept', { n: merged.kept.length })}` : ''),
    );
  }

  /** A company process by id (to resolve the processes of an address). */
  get own(): readonly Process[] {
    return this.library.processes;
  }
}

if (!customElements.get('rb-processes')) customElements.define('rb-processes', ProcessesUi);
