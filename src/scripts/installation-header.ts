/**
 * <rb-installation>: "Mon installation" in the header of every page (components/
 * InstallationHeader.astro). This module only looks: when an installation is recorded in
 * this browser, or the address hands one out (`?installed=`), or one is recorded later (the
 * home form, another tab), it loads installation-bar.ts, which shows it and says what a link
 * did. A page without either reads nothing but localStorage and loads nothing more.
 */
import { INSTALLATION_PARAMS } from '../core/installation.ts';
import { installationStore } from './lib/installation-store.ts';

class RoadbookInstallation extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.state) return;
    this.dataset.state = 'idle';
    const store = installationStore();
    // Read now: a page's own script may rewrite the address before the bar's module is in.
    const search = location.search;
    const link = new URLSearchParams(search).has(INSTALLATION_PARAMS.installed);
    const load = () =>
      void import('./installation-bar.ts').then((m) => m.connectBar(this, store, link ? search : null));
    if (link || store.get()) return load();
    const stop = store.subscribe(() => {
      stop();
      load();
    });
  }
}

if (!customElements.get('rb-installation')) customElements.define('rb-installation', RoadbookInstallation);
