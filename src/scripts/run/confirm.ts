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
  return askDialog(dialog, 'button[value="cancel"]').then((value) => value === 'ok');
}

/**
 * Opens a modal <dialog> with focus on `focus` and resolves with the value of the button that
 * closed it ('' for Escape); focus goes back where it was. The page's dialogs all ask this way.
 */
export function askDialog(dialog: HTMLDialogElement, focus: string): Promise<string> {
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  dialog.returnValue = '';
  dialog.showModal();
  dialog.querySelector<HTMLButtonElement>(focus)?.focus();
  return new Promise((done) => {
    dialog.addEventListener(
      'close',
      () => {
        before?.focus();
        done(dialog.returnValue);
      },
      { once: true },
    );
  });
}
