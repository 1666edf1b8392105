/**
 * The item list's arrangement controls ("Order: road book / by risk", "Minimum set"): filled
 * for a run, read back, and remembered in the address (`order`, `minimum`), so a reload or a
 * shared link shows the same; the run itself remembers it through core's `arrange`. Also the
 * mark of a row assigned to someone else.
 */
import type { ChecklistArrangement } from '../../core/checklist/risk.ts';
import { arrangementFromParams, setArrangementParams } from '../../core/run/arrange.ts';
import type { SavedRun } from '../../core/run/types.ts';
import { h } from '../lib/dom.ts';

/** The arrangement a run opens with: the address's when it says one, else the run's own. */
export function openingArrangement(run: SavedRun, params: URLSearchParams): ChecklistArrangement {
  return arrangementFromParams(params) ?? run.arrangement ?? {};
}

export function fillArrangementForm(form: HTMLFormElement, arrangement: ChecklistArrangement): void {
  const order = arrangement.order ?? 'road-book';
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="order"]'))
    radio.checked = radio.value === order;
  (form.elements.namedItem('minimum') as HTMLInputElement).checked = !!arrangement.minimum;
}

export function readArrangementForm(form: HTMLFormElement): ChecklistArrangement {
  const risk = form.querySelector<HTMLInputElement>('input[name="order"][value="risk"]')?.checked;
  return {
    order: risk ? 'risk' : 'road-book',
    minimum: (form.elements.namedItem('minimum') as HTMLInputElement).checked,
  };
}

/** Writes the arrangement in the address (replacing the entry, as the filter does). */
export function rememberArrangement(arrangement: ChecklistArrangement): void {
  const url = new URL(location.href);
  setArrangementParams(url.searchParams, arrangement);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

/** Marks a row as assigned to someone else (the tester's own rows carry no mark). */
export function markAssignedElsewhere(row: HTMLElement, label: string): void {
  row.dataset.owner = 'other';
  row.querySelector('.run-item-head')?.append(h('span', { class: 'badge badge-assigned', text: label }));
}
