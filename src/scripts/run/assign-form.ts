/**
 * The lead's assignment form: its choices drawn from the open run (its modules, its groups —
 * the target's known issues, every strategic process, each process, the procedure), and what the lead filled in read back
 * as an assignment, or why it cannot be one (no name, nothing given, ids the run does not hold:
 * said, never dropped silently).
 */
import type { Choice } from '../../core/model.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { processGroupKey } from '../../core/item-id.ts';
import type { RunAssignment } from '../../core/run/types.ts';
import { GROUP_KNOWN, GROUP_PROCEDURE, GROUP_PROCESSES, groupOf } from '../../core/run/view.ts';
import { h, part } from '../lib/dom.ts';
import type { RunSession } from './session.ts';

/** The choices of the form for `session`'s run: modules listed in it, then its groups. */
export function fillAssignChoices(
  form: HTMLElement,
  session: RunSession,
  modules: readonly Choice[],
  t: Translate,
): void {
  const items = session.view.items;
  const present = new Set(items.map((i) => i.module).filter((m): m is string => m !== null));
  const moduleChoices = modules.filter((m) => present.has(m.id)).map((m) => ({ value: m.id, label: m.label }));
  const groups = new Set(items.map(groupOf));
  const groupChoices = [
    ...(groups.has(GROUP_KNOWN) ? [{ value: GROUP_KNOWN, label: t('run.known.heading') }] : []),
    ...(groups.has(GROUP_PROCESSES) ? [{ value: GROUP_PROCESSES, label: t('assign.group.processes') }] : []),
    ...session.checklist.processes.map((p) => ({
      value: processGroupKey(p.id),
      label: t('assign.group.process', { label: p.label }),
    })),
    ...(groups.has(GROUP_PROCEDURE) ? [{ value: GROUP_PROCEDURE, label: t('assign.group.procedure') }] : []),
  ];
  const boxes = (name: string, choices: { value: string; label: string }[]) =>
    choices.map((c) =>
      h('label', { class: 'choice' }, h('input', { attrs: { type: 'checkbox', name, value: c.value } }), ` ${c.label}`),
    );
  part(form, 'assign-modules').replaceChildren(...boxes('modules', moduleChoices));
  part(form, 'assign-groups').replaceChildren(...boxes('groups', groupChoices));
  part(form, 'assign-modules-box').hidden = moduleChoices.length === 0;
  part(form, 'assign-groups-box').hidden = groupChoices.length === 0;
}

/** Item ids as typed: one a line or comma-separated, spaces around them ignored. */
export function typedIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ''))];
}

export type AssignRead = { ok: true; assignment: RunAssignment } | { ok: false; message: string };

/** What the lead filled in, as an assignment of `session`'s run. */
export function readAssignForm(form: HTMLFormElement, session: RunSession, t: Translate): AssignRead {
  const data = new FormData(form);
  const tester = String(data.get('tester') ?? '').trim();
  if (!tester) return { ok: false, message: t('assign.noTester') };
  const items = typedIds(String(data.get('items') ?? ''));
  const unknown = items.filter((id) => !session.view.byId.has(id));
  if (unknown.length) return { ok: false, message: t('assign.unknownItems', { ids: unknown.join(', ') }) };
  const modules = data.getAll('modules').map(String);
  const groups = data.getAll('groups').map(String);
  if (!modules.length && !groups.length && !items.length) return { ok: false, message: t('assign.nothing') };
  return { ok: true, assignment: { tester, modules, groups, items } };
}
