/**
 * <rb-run-list>: the runs kept in this browser, newest first, each with open, rename and
 * delete (after confirming), and the progress file of every run (export all, import). It
 * shows the state it is given and asks the page for what the tester chose; it changes no run.
 */
import type { RunState } from '../../core/run/run-state.ts';
import type { SavedRun } from '../../core/run/types.ts';
import { h, part } from '../lib/dom.ts';
import type { Translate } from '../../core/i18n/translate.ts';

export interface RunListHooks {
  t: Translate;
  /** The address that opens a run. */
  href(run: SavedRun): string;
  /** A date-time as the page writes it. */
  time(iso: string): string;
  open(run: SavedRun): void;
  rename(run: SavedRun, name: string): void;
  /** Asked once the tester confirmed. */
  remove(run: SavedRun): Promise<void>;
  confirm(text: string, label: string): Promise<boolean>;
  exportAll(): void;
  import(file: File): void;
}

export class RunList extends HTMLElement {
  private hooks!: RunListHooks;
  private state: RunState | null = null;

  /** Wires the panel to the page (once). */
  connect(hooks: RunListHooks): void {
    this.hooks = hooks;
    part(this, 'run-list').addEventListener('click', (event) => void this.onClick(event));
    part(this, 'export-all').addEventListener('click', () => hooks.exportAll());
    const input = part<HTMLInputElement>(this, 'import');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) hooks.import(file);
    });
  }

  /** Shows the runs of `state` (the open one marked). */
  render(state: RunState): void {
    this.state = state;
    const runs = [...state.runs].sort((a, b) => b.updated.localeCompare(a.updated));
    part(this, 'run-list').replaceChildren(...runs.map((run) => this.item(run, state.open?.id === run.id)));
    part(this, 'run-list-empty').hidden = runs.length > 0;
    part(this, 'export-all').toggleAttribute('disabled', runs.length === 0);
  }

  /** Puts the focus on the list's title (after a run was deleted). */
  focusTitle(): void {
    part(this, 'runs-title').focus();
  }

  private item(run: SavedRun, open: boolean): HTMLElement {
    const t = this.hooks.t;
    const n = Object.keys(run.results).length;
    return h(
      'li',
      { class: 'run-summary', data: { run: run.id }, attrs: { 'aria-current': open ? 'true' : null } },
      h(
        'div',
        { class: 'run-summary-main' },
        h(
          'a',
          { class: 'run-summary-name', data: { action: 'open', run: run.id }, attrs: { href: this.hooks.href(run) } },
          run.name,
        ),
        open ? h('span', { class: 'badge', text: t('run.runs.current') }) : '',
        h('span', { class: 'muted', text: t('run.runs.facts', { n, time: this.hooks.time(run.updated) }) }),
      ),
      h(
        'div',
        { class: 'run-summary-actions' },
        h('button', {
          data: { action: 'rename', run: run.id },
          attrs: { type: 'button', 'aria-label': t('run.runs.renameNamed', { name: run.name }) },
          text: t('run.runs.rename'),
        }),
        h('button', {
          data: { action: 'delete', run: run.id },
          attrs: { type: 'button', 'aria-label': t('run.runs.deleteNamed', { name: run.name }) },
          text: t('run.runs.delete'),
        }),
      ),
    );
  }

  private async onClick(event: Event): Promise<void> {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
    const run = target?.dataset.run ? this.state?.runs.find((r) => r.id === target.dataset.run) : undefined;
    if (!target || !run) return;
    const t = this.hooks.t;
    if (target.dataset.action === 'open') {
      event.preventDefault();
      this.hooks.open(run);
    } else if (target.dataset.action === 'rename') {
      this.renameForm(target.closest('li')!, run);
    } else if (target.dataset.action === 'delete') {
      const n = Object.keys(run.results).length;
      if (!(await this.hooks.confirm(t('run.delete.confirm', { name: run.name, n }), t('run.runs.delete')))) return;
      await this.hooks.remove(run);
    }
  }

  private renameForm(li: HTMLElement, run: SavedRun): void {
    const t = this.hooks.t;
    const input = h('input', { id: `rename-${run.id}`, attrs: { type: 'text', required: true } });
    input.value = run.name;
    const form = h(
      'form',
      { class: 'rename-form' },
      h('label', { attrs: { for: input.id }, text: t('run.rename.label') }),
      input,
      h('button', { attrs: { type: 'submit' }, text: t('run.rename.save') }),
      h('button', { attrs: { type: 'button' }, data: { action: 'cancel' }, text: t('run.rename.cancel') }),
    );
    const restore = () => {
      if (this.state) this.render(this.state);
      this.querySelector<HTMLElement>(`[data-action="rename"][data-run="${CSS.escape(run.id)}"]`)?.focus();
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (!name) return;
      this.hooks.rename(run, name);
      restore();
    });
    form.querySelector('[data-action="cancel"]')!.addEventListener('click', restore);
    li.replaceChildren(form);
    input.focus();
    input.select();
  }
}

if (!customElements.get('rb-run-list')) customElements.define('rb-run-list', RunList);
