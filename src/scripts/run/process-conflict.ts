/**
 * Asks what to do with an imported company process whose id is already here with other
 * content: both are shown side by side, the tester keeps the one here or replaces it. Closing
 * the dialog (Escape, Cancel) answers nothing, and the import then changes nothing.
 */
import type { ProcessConflict } from '../../core/run/company-processes.ts';
import type { Process } from '../../core/model.ts';
import { h, part } from '../lib/dom.ts';
import { askDialog } from './confirm.ts';
import type { Translate } from '../../core/i18n/translate.ts';

export type ConflictChoice = 'keep' | 'replace';

function describe(t: Translate, title: string, p: Process): HTMLElement {
  return h(
    'section',
    { class: 'process-version' },
    h('h3', { text: title }),
    h('p', null, h('strong', { text: p.label }), ' ', h('code', { text: p.id })),
    h('p', { class: 'muted', text: t('processes.conflict.modules', { list: p.modules.join(', ') || '—' }) }),
    h('ol', null, ...p.steps.map((step) => h('li', { text: step }))),
  );
}

export function chooseProcess(
  root: HTMLElement,
  t: Translate,
  conflict: ProcessConflict,
): Promise<ConflictChoice | null> {
  const dialog = part<HTMLDialogElement>(root, 'process-conflict');
  part(dialog, 'process-conflict-text').textContent = t('processes.conflict.text', { id: conflict.id });
  part(dialog, 'process-conflict-both').replaceChildren(
    describe(t, t('processes.conflict.here'), conflict.here),
    describe(t, t('processes.conflict.incoming'), conflict.incoming),
  );
  return askDialog(dialog, 'button[value="keep"]').then((value) =>
    value === 'keep' || value === 'replace' ? value : null,
  );
}
