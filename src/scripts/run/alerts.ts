/**
 * Messages of the checklist page: problems as `role="alert"` callouts that stay until the
 * tester closes them (with the actions that resolve them, such as downloading what could not
 * be saved), and a polite status line for what went well.
 */
import { h } from '../lib/dom.ts';

export interface AlertAction {
  label: string;
  run: () => void;
}

export class Alerts {
  private readonly container: HTMLElement;
  private readonly status: HTMLElement;
  private readonly closeLabel: string;

  constructor(container: HTMLElement, status: HTMLElement, closeLabel: string) {
    this.container = container;
    this.status = status;
    this.closeLabel = closeLabel;
  }

  /** Shows a problem; `key` replaces an earlier alert of the same key instead of piling up. */
  error(message: string | Node, actions: AlertAction[] = [], key?: string): HTMLElement {
    if (key) this.clear(key);
    const box = h('div', {
      class: 'callout callout-error run-alert',
      attrs: { role: 'alert' },
      data: { alert: key ?? '' },
    });
    const close = h('button', { class: 'alert-close', text: this.closeLabel, attrs: { type: 'button' } });
    close.addEventListener('click', () => box.remove());
    const buttons = actions.map((a) => {
      const b = h('button', { text: a.label, attrs: { type: 'button' } });
      b.addEventListener('click', a.run);
      return b;
    });
    box.append(
      typeof message === 'string' ? h('p', { text: message }) : message,
      h('p', { class: 'alert-actions' }, ...buttons, close),
    );
    this.container.append(box);
    return box;
  }

  clear(key: string): void {
    for (const el of this.container.querySelectorAll<HTMLElement>('[data-alert]'))
      if (el.dataset.alert === key) el.remove();
  }

  info(message: string): void {
    this.status.textContent = message;
  }
}
