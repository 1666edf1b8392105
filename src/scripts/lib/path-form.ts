/**
 * The form that chooses a path (installed version, target, modules, editions, and on the
 * checklist page the processes), shared by /upgrade/ and /checklist/. The page renders it
 * with only valid targets; here a target at or before the installed version is disabled as
 * soon as the installed version changes, so an impossible path cannot be asked for.
 */
import type { Installation } from '../../core/installation.ts';
import type { PathRequest } from '../../core/run/types.ts';

function select(form: HTMLFormElement, name: string): HTMLSelectElement | null {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLSelectElement ? el : null;
}

function boxes(form: HTMLFormElement, name: string): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]`)];
}

export function readForm(form: HTMLFormElement): PathRequest {
  const checked = (name: string) =>
    boxes(form, name)
      .filter((b) => b.checked)
      .map((b) => b.value);
  return {
    from: select(form, 'from')?.value || null,
    to: select(form, 'to')?.value ?? '',
    modules: checked('modules'),
    editions: checked('editions'),
    processes: checked('processes'),
  };
}

/** Puts a choice in the form; values the form does not offer are left out and returned. */
export function fillForm(form: HTMLFormElement, choice: Partial<PathRequest>): string[] {
  const missing: string[] = [];
  const set = (name: 'from' | 'to', value: string | null | undefined) => {
    const el = select(form, name);
    if (!el || value === undefined) return;
    const wanted = value ?? '';
    const option = [...el.options].find((o) => o.value === wanted || o.dataset.slug === wanted);
    if (option) el.value = option.value;
    else if (wanted) missing.push(wanted);
  };
  set('from', choice.from);
  restrictTargets(form);
  set('to', choice.to);
  for (const name of ['modules', 'editions', 'processes'] as const) {
    const wanted = choice[name];
    if (!wanted) continue;
    for (const box of boxes(form, name)) box.checked = wanted.includes(box.value);
    missing.push(...wanted.filter((v) => !boxes(form, name).some((b) => b.value === v)));
  }
  return missing;
}

/**
 * Puts in the form the path from "Mon installation" to the newest version after it (targets
 * are listed newest first); null, the form untouched, when the form does not offer the
 * installed version (nothing comes after it).
 */
export function fillFromInstallation(form: HTMLFormElement, installation: Installation): PathRequest | null {
  const from = select(form, 'from');
  if (!from || ![...from.options].some((o) => o.value !== '' && o.value === installation.installed)) return null;
  fillForm(form, { from: installation.installed, modules: installation.modules, editions: installation.editions });
  const to = select(form, 'to');
  const newest = to ? [...to.options].find((o) => !o.disabled) : undefined;
  if (!to || !newest) return null;
  to.value = newest.value;
  return readForm(form);
}

/** Disables every target at or before the installed version; keeps a valid target selected. */
export function restrictTargets(form: HTMLFormElement): void {
  const from = select(form, 'from');
  const to = select(form, 'to');
  if (!from || !to) return;
  const fromRank = Number(from.selectedOptions[0]?.dataset.rank ?? -1);
  let firstValid: HTMLOptionElement | null = null;
  for (const option of to.options) {
    option.disabled = Number(option.dataset.rank) <= fromRank;
    if (!option.disabled && !firstValid) firstValid = option;
  }
  if (to.selectedOptions[0]?.disabled && firstValid) {
    // The newest valid target: what people upgrade to.
    const valid = [...to.options].filter((o) => !o.disabled);
    const newest = valid.reduce((a, b) => (Number(b.dataset.rank) > Number(a.dataset.rank) ? b : a), firstValid);
    to.value = newest.value;
  }
}

export function wirePathForm(form: HTMLFormElement): void {
  select(form, 'from')?.addEventListener('change', () => restrictTargets(form));
  restrictTargets(form);
}
