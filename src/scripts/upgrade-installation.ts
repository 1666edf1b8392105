/**
 * "Mon installation" on the upgrade page: a path shown can be recorded as the reader's
 * installation ("C'est mon installation": its installed version, modules and editions), and
 * an address that names no path starts from the installation recorded, to the newest version.
 */
import { INSTALLATION_PARAMS, sameInstallation, type Installation } from '../core/installation.ts';
import type { Translate } from '../core/i18n/translate.ts';
import type { PathRequest } from '../core/run/types.ts';
import { part } from './lib/dom.ts';
import { installationStore, type InstallationStore } from './lib/installation-store.ts';
import { fillFromInstallation, readForm } from './lib/path-form.ts';

export class UpgradeInstallation {
  private readonly store: InstallationStore = installationStore();
  private readonly from: HTMLElement;
  private readonly mine: HTMLButtonElement;
  private readonly said: HTMLElement;
  /** The installation the path shown describes (null when it has no installed version). */
  private shown: Installation | null = null;

  private readonly form: HTMLFormElement;
  private readonly t: Translate;

  /**
   * `changed` is told when the installation changes (another tab, the header's "Oublier", a
   * link); `words` names one (its lists by their labels once the page has the site's index).
   */
  constructor(
    root: HTMLElement,
    form: HTMLFormElement,
    t: Translate,
    changed: () => void,
    words: (installation: Installation) => string,
  ) {
    this.form = form;
    this.t = t;
    this.from = part(root, 'installation-from');
    this.mine = part<HTMLButtonElement>(root, 'mine');
    this.said = part(root, 'installation-said');
    this.mine.addEventListener('click', () => {
      if (!this.shown) return;
      const kept = this.store.set(this.shown);
      const installation = words(this.shown);
      this.said.textContent = t(kept ? 'site.installation.saved' : 'site.installation.pageOnly', { installation });
    });
    this.store.subscribe(() => {
      this.render();
      changed();
    });
  }

  /**
   * The path from the installation recorded to the newest version, put in the form; null when
   * none is recorded or no version of the form comes after it.
   */
  start(): PathRequest | null {
    // An address handing an installation out is being read (installation-bar.ts): the page
    // starts from that one once it is recorded (the store tells), not from the one it replaces.
    if (new URLSearchParams(location.search).has(INSTALLATION_PARAMS.installed)) return null;
    const installation = this.store.get();
    return installation ? fillFromInstallation(this.form, installation) : null;
  }

  /** The path now shown (null: none); `started`: it is the one start() gave. */
  showing(path: PathRequest | null, started: boolean): void {
    const chosen = path ? readForm(this.form) : null;
    this.shown = chosen?.from ? { installed: chosen.from, modules: chosen.modules, editions: chosen.editions } : null;
    this.from.hidden = !started;
    this.from.textContent =
      started && chosen?.from ? this.t('site.installation.fromMine', { installation: chosen.from }) : '';
    this.said.textContent = '';
    this.render();
  }

  private render(): void {
    const recorded = this.store.get();
    const same = !!this.shown && !!recorded && sameInstallation(recorded, this.shown);
    this.mine.hidden = !this.shown;
    this.mine.disabled = same;
    this.mine.textContent = this.t(same ? 'site.installation.mineSaved' : 'site.installation.mine');
  }
}
