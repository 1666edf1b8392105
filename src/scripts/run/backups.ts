/**
 * <rb-backups>: the saved values that could not be read, kept aside by the store (never
 * overwritten), each offered as a download and let go after confirming.
 */
import { exportFileName } from '../../core/export/index.ts';
import { download, h, part } from '../lib/dom.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { RunStore } from './store.ts';

export interface BackupsHooks {
  t: Translate;
  store: RunStore;
  product: string;
  /** A date-time as the page writes it. */
  time(iso: string): string;
  confirm(text: string, label: string): Promise<boolean>;
}

/** The text of a value set aside, downloaded as a file named after the time it was set aside. */
export function downloadBackup(product: string, raw: string, time: number): void {
  const name = exportFileName({ product, from: null, to: `backup-${time}` }, { extension: 'json' });
  download(name, raw, 'application/json');
}

export class Backups extends HTMLElement {
  private hooks!: BackupsHooks;

  /** Wires the panel (once) and shows the backups. */
  connect(hooks: BackupsHooks): Promise<void> {
    this.hooks = hooks;
    part(this, 'backup-list').addEventListener('click', (event) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-backup]') : null;
      if (!button) return;
      void hooks.store.backups().then((backups) => {
        const backup = backups.find((b) => b.key === button.dataset.backup);
        if (!backup) return;
        if (button.dataset.action === 'download') downloadBackup(hooks.product, backup.raw, backup.time);
        else void this.forget(backup.key);
      });
    });
    return this.render();
  }

  async render(): Promise<void> {
    const backups = await this.hooks.store.backups();
    const t = this.hooks.t;
    part(this, 'backups').hidden = backups.length === 0;
    part(this, 'backup-list').replaceChildren(
      ...backups.map((b) =>
        h(
          'li',
          null,
          h('span', {
            text: t('run.backups.item', {
              what: b.what,
              time: this.hooks.time(new Date(b.time).toISOString()),
              size: b.raw.length,
            }),
          }),
          ' ',
          h('button', {
            data: { backup: b.key, action: 'download' },
            attrs: { type: 'button' },
            text: t('run.storage.download'),
          }),
          ' ',
          h('button', {
            data: { backup: b.key, action: 'forget' },
            attrs: { type: 'button' },
            text: t('run.storage.forget'),
          }),
        ),
      ),
    );
  }

  private async forget(key: string): Promise<void> {
    const t = this.hooks.t;
    if (!(await this.hooks.confirm(t('run.backups.forgetConfirm'), t('run.storage.forget')))) return;
    await this.hooks.store.removeBackup(key);
    await this.render();
  }
}

if (!customElements.get('rb-backups')) customElements.define('rb-backups', Backups);
