/**
 * The printable sign-off report as a view of the checklist page (?view=report): opened over
 * the run (its own address entry, or the one the address already names), closed back to the
 * sign-off form. While it shows, the run is hidden (and, from <html>, the page's own header).
 */
import { part } from '../lib/dom.ts';
import { urlWithout } from './run-address.ts';
import type { SignOffUi } from './signoff-ui.ts';

export class ReportView {
  private readonly root: HTMLElement;
  private readonly signoff: SignOffUi;
  private readonly flush: () => void;

  /** The view inside `root` (<rb-run>), drawn by `signoff`; `flush` writes what waits first. */
  constructor(root: HTMLElement, signoff: SignOffUi, flush: () => void) {
    this.root = root;
    this.signoff = signoff;
    this.flush = flush;
  }

  /** Whether the report shows now. */
  get shown(): boolean {
    return this.root.dataset.view === 'report';
  }

  /** Shows the report (`push`: as a new address entry); a report that cannot be made drops `view` from the address. */
  open(push: boolean): void {
    this.flush();
    const container = part(this.root, 'report');
    if (!this.signoff.renderReport(container)) {
      if (!push) history.replaceState(history.state, '', urlWithout('view'));
      return;
    }
    if (push) {
      const url = new URL(location.href);
      url.searchParams.set('view', 'report');
      url.hash = '';
      history.pushState(null, '', url);
    }
    this.setView('report');
    container.hidden = false;
    container.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
    container.querySelector<HTMLElement>('h2')?.focus();
    window.scrollTo(0, 0);
  }

  /** Back to the run (a new address entry), focus on the sign-off. */
  close(): void {
    history.pushState(null, '', urlWithout('view'));
    this.hide();
    part(this.root, 'signoff-title').focus();
  }

  /** Hides the report, the address left as it is. */
  hide(): void {
    this.setView(null);
    part(this.root, 'report').hidden = true;
  }

  private setView(view: 'report' | null): void {
    if (view) {
      this.root.dataset.view = view;
      document.documentElement.dataset.runView = view;
    } else {
      delete this.root.dataset.view;
      delete document.documentElement.dataset.runView;
    }
  }
}
