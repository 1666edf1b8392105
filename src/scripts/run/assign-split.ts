/**
 * Who has what in the lead's run: each assignment with what it gives (modules, groups, single
 * items) and how many items that makes, its file to download and, when core says it fits in
 * an address (assignmentLink), its link shown and copied; then the items nobody has.
 */
import type { Translate } from '../../core/i18n/translate.ts';
import { processGroupKey } from '../../core/item-id.ts';
import type { Choice, Locale } from '../../core/model.ts';
import {
  assignedItems,
  assignmentFileName,
  assignmentFileText,
  assignmentLink,
  makeAssignment,
  unassignedItems,
  type Assignment,
} from '../../core/run/assignment.ts';
import type { RunAssignment, RunScope, SavedRun } from '../../core/run/types.ts';
import { GROUP_KNOWN, GROUP_PROCEDURE, GROUP_PROCESSES } from '../../core/run/view.ts';
import { download, h, part } from '../lib/dom.ts';
import type { RunSession } from './session.ts';

export interface SplitContext {
  t: Translate;
  locale: Locale;
  scope: RunScope;
  modules: readonly Choice[];
  /** The checklist page's own address (the link's page). */
  page: () => string;
  /** The lead took back a tester's part. */
  remove: (tester: string) => void;
  /** Says something politely. */
  info: (text: string) => void;
}

/**
 * The assignment files and links of a run, made once per assignment as it now is: its
 * `created` time is the moment the lead first offered it in this page, so a file and a link
 * of the same assignment are the same assignment.
 */
export class AssignmentMaker {
  private readonly made = new Map<string, Assignment>();

  of(run: SavedRun, given: RunAssignment): Assignment {
    const key = JSON.stringify([run.id, run.name, run.request, given]);
    let assignment = this.made.get(key);
    if (!assignment) this.made.set(key, (assignment = makeAssignment(run, given.tester, given, new Date())));
    return assignment;
  }
}

function describe(given: RunAssignment, c: SplitContext, session: RunSession): string {
  const label = (id: string) => c.modules.find((m) => m.id === id)?.label ?? id;
  const group = (id: string) => {
    const process = session.checklist.processes.find((p) => processGroupKey(p.id) === id);
    if (process) return c.t('assign.group.process', { label: process.label });
    if (id === GROUP_KNOWN) return c.t('run.known.heading');
    if (id === GROUP_PROCESSES) return c.t('assign.group.processes');
    if (id === GROUP_PROCEDURE) return c.t('assign.group.procedure');
    return id;
  };
  return [
    given.modules.length ? c.t('assign.part.modules', { list: given.modules.map(label).join(', ') }) : '',
    given.groups.length ? c.t('assign.part.groups', { list: given.groups.map(group).join(', ') }) : '',
    given.items.length ? c.t('assign.part.items', { n: given.items.length }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Paints who has what in `root` (the assign panel). */
export function renderSplit(root: HTMLElement, session: RunSession, maker: AssignmentMaker, c: SplitContext): void {
  const run = session.run;
  const list = run.assignments ?? [];
  const items = session.view.items;
  part(root, 'assign-none').hidden = list.length > 0;
  part(root, 'assign-list').replaceChildren(
    ...list.map((given, i) => {
      const assignment = maker.of(run, given);
      const link = assignmentLink(assignment, c.page(), c.locale);
      const id = `assign-link-${i}`;
      const input = link.ok
        ? h('input', { id, attrs: { type: 'text', readonly: true, value: link.url }, data: { part: 'assign-link' } })
        : null;
      return h(
        'li',
        { class: 'assign-entry', data: { tester: given.tester } },
        h(
          'p',
          null,
          h('strong', { text: given.tester }),
          ` — ${c.t('assign.count', { n: assignedItems(items, given).length })}`,
        ),
        h('p', { class: 'muted', text: describe(given, c, session) }),
        link.ok
          ? h(
              'p',
              null,
              h('label', { attrs: { for: id }, text: c.t('assign.linkLabel', { tester: given.tester }) }),
              input,
            )
          : h('p', { class: 'field-help', data: { part: 'assign-no-link' }, text: link.message }),
        h(
          'p',
          { class: 'assign-actions' },
          h('button', {
            attrs: { type: 'button' },
            data: { action: 'assign-download' },
            text: c.t('assign.download'),
          }),
          link.ok
            ? h('button', { attrs: { type: 'button' }, data: { action: 'assign-copy' }, text: c.t('assign.copy') })
            : '',
          h('button', { attrs: { type: 'button' }, data: { action: 'assign-remove' }, text: c.t('assign.remove') }),
        ),
      );
    }),
  );
  const nobody = list.length ? unassignedItems(items, list).length : 0;
  const unassigned = part(root, 'assign-unassigned');
  unassigned.hidden = list.length === 0;
  unassigned.textContent = c.t('assign.unassigned', { n: nobody });
}

/** Wires the buttons of each assignment of the list: its file, its link, taking it back. */
export function wireSplit(
  root: HTMLElement,
  session: () => RunSession | null,
  maker: AssignmentMaker,
  c: SplitContext,
): void {
  part(root, 'assign-list').addEventListener('click', (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-action]') : null;
    const entry = button?.closest<HTMLElement>('.assign-entry');
    const open = session();
    if (!button || !entry || !open) return;
    const given = (open.run.assignments ?? []).find((a) => a.tester === entry.dataset.tester);
    if (!given) return;
    const assignment = maker.of(open.run, given);
    switch (button.dataset.action) {
      case 'assign-download':
        download(assignmentFileName(assignment, c.scope), assignmentFileText(assignment, c.scope), 'application/json');
        break;
      case 'assign-copy':
        void copyLink(entry, given.tester, c);
        break;
      case 'assign-remove':
        c.remove(given.tester);
        break;
    }
  });
}

async function copyLink(entry: HTMLElement, tester: string, c: SplitContext): Promise<void> {
  const input = entry.querySelector<HTMLInputElement>('[data-part="assign-link"]');
  if (!input) return;
  try {
    await navigator.clipboard.writeText(input.value);
    c.info(c.t('assign.copied', { tester }));
  } catch {
    // Copying may be refused (no permission, a page not served over HTTPS): the lead copies it by hand.
    input.focus();
    input.select();
    c.info(c.t('assign.copyFailed'));
  }
}
