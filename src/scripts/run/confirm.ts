/**
 * Asks before something is thrown away (a run, a saved result, a process), in the page's own
 * modal <dialog>: focus moves into it, Escape cancels, focus comes back where it was.
 */
import { part } from '../lib/dom.ts';

export function confirmAction(root: HTMLElement, text: string, confirmLabel: string): Promise<boolean> {
  const dialog = part<HTMLDialogElement>(root, 'confirm');
  part(dialog, 'confirm-text').textContent = text;
  const ok = dialog.querySelector<HTMLButtonElement>('button[value="ok"]')!;
  ok.textContent = confirmLabel;
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  dialog.returnValue = '';
  dialog.showModal();
  dialog.querySelector<HTMLButtonElement>('button[value="cancel"]')?.focus();
  return new Promise((done) => {
    dialog.addEventListener(
      'close',
      () => {
        before?.focus();
        done(dialog.returnValue === 'ok');
      },
      { once: true },
    );
  });
}
