/**
 * The boxes the item list's rows are arranged in (core/run/item-layout.ts says which): each
 * change's or process's box with its rows, the headings of the changes per order (a module's
 * or the target's known issues', a risk rank's; made once, reused when the order comes back)
 * and, with an assignment, the "assigned to someone else" box of the changes and processes
 * steps. A new order moves the changes' boxes under their new headings; no row is made again.
 *
 * Under a heading, the changes' boxes go in runs of a few (`CHUNK`): the page's style lets the
 * browser skip laying out and painting each run off screen (content-visibility), and the
 * browser checks every such element against the screen at each frame, so their number, not
 * the rows', sets the cost of every frame after a status click. A run hides, as the other
 * boxes do, when none of its rows is shown.
 */
import type { ChecklistOrder } from '../../core/checklist/risk.ts';
import { choiceLabels } from '../../core/i18n/labels.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { ChangesLayout, LayoutSection, Parts } from '../../core/run/item-layout.ts';
import type { Checklist } from '../../core/checklist/types.ts';
import { groupBox, othersBox, rankBox } from './item-groups.ts';
import type { Row } from './item-row.ts';
import { h } from '../lib/dom.ts';

export const PARTS = ['mine', 'others'] as const;
export type Part = (typeof PARTS)[number];
/** The steps whose items an assignment splits into the tester's and the others'. */
export type SplitStep = 'changes' | 'processes';

/**
 * Changes' boxes per run under a heading: at 10,000 entries, about 1,200 runs instead of
 * 10,000 boxes for the browser to check at each frame, and a run on screen lays out some 30
 * rows.
 */
const CHUNK = 8;

export class ArrangementBoxes {
  /** Each change's or process's box (entry article, process group) and its rows, by layout unit key. */
  private readonly units = new Map<string, { box: HTMLElement; rows: Row[] }>();
  /** Headings of the changes by part, order and section key. */
  private readonly sections = new Map<string, HTMLElement>();
  private readonly others = new Map<SplitStep, HTMLDetailsElement>();
  /** The runs of changes' boxes under the headings in the page, and each heading's last one with its count. */
  private readonly chunks = new Set<HTMLElement>();
  private readonly lastChunk = new Map<HTMLElement, { el: HTMLElement; n: number }>();
  private readonly t: Translate;
  private readonly step: (step: SplitStep) => HTMLElement;
  private checklist: Pick<Checklist, 'labels'> | null = null;

  /** `step`: the container of a step's items. */
  constructor(t: Translate, step: (step: SplitStep) => HTMLElement) {
    this.t = t;
    this.step = step;
  }

  /** Forgets every box (a run is shown anew). */
  reset(checklist: Pick<Checklist, 'labels'>): void {
    this.units.clear();
    this.sections.clear();
    this.others.clear();
    this.chunks.clear();
    this.lastChunk.clear();
    this.checklist = checklist;
  }

  /** Where a step's items of `which` part go: the step, or its "assigned to someone else" box of `n` items. */
  part(step: SplitStep, which: Part, n: number): HTMLElement {
    if (which === 'mine') return this.step(step);
    let box = this.others.get(step);
    if (!box) {
      this.others.set(step, (box = othersBox(this.t('run.assigned.others'), n)));
      this.step(step).append(box);
    }
    return box;
  }

  /** The "assigned to someone else" box of a step, once it has one. */
  othersOf(step: SplitStep): HTMLDetailsElement | undefined {
    return this.others.get(step);
  }

  /** The heading box of a section of the changes (made once per part, order and section). */
  section(which: Part, order: ChecklistOrder, section: LayoutSection): HTMLElement {
    const key = `${which}|${order}|${section.key}`;
    let box = this.sections.get(key);
    if (box) return box;
    // The tester's headings keep the ids they have without an assignment.
    const id = which === 'mine' ? section.key : `others-${section.key}`;
    if (order === 'risk') box = rankBox(id, this.t(`run.risk.${section.reason ?? 'none'}`), section.count);
    else if (section.known) box = groupBox(section.units[0]!.items[0]!, id, this.t('run.known.heading'), section.count);
    else {
      const label = choiceLabels(this.checklist?.labels.modules ?? [])(section.module ?? '');
      box = groupBox(section.units[0]!.items[0]!, id, label, section.count);
    }
    this.sections.set(key, box);
    return box;
  }

  /** Puts a change's box at the end of heading `section`, in its last run of boxes or a new one: that run. */
  addToSection(section: HTMLElement, box: HTMLElement): HTMLElement {
    let last = this.lastChunk.get(section);
    if (!last || last.n === CHUNK) {
      const el = h('div', { class: 'run-chunk' });
      el.hidden = true;
      section.append(el);
      this.chunks.add(el);
      this.lastChunk.set(section, (last = { el, n: 0 }));
    }
    last.el.append(box);
    last.n++;
    return last.el;
  }

  /** Records the box of a layout unit; its rows are added to the list returned. */
  addUnit(key: string, box: HTMLElement): Row[] {
    const rows: Row[] = [];
    this.units.set(key, { box, rows });
    return rows;
  }

  /**
   * Lists the changes as `layout` says: each change's box moves under its heading, in new
   * runs of boxes, and its rows count in that run and that heading (their second and third
   * boxes). False when there are no changes.
   */
  place(layout: ChangesLayout): boolean {
    const placed: Parts<HTMLElement> = { mine: [], others: [] };
    this.chunks.clear();
    this.lastChunk.clear();
    for (const which of PARTS)
      for (const section of layout.sections[which]) {
        const el = this.section(which, layout.order, section);
        el.replaceChildren(el.firstElementChild!);
        for (const unit of section.units.map((u) => this.units.get(u.key)!)) {
          const chunk = this.addToSection(el, unit.box);
          for (const row of unit.rows) {
            row.boxes[1] = chunk;
            row.boxes[2] = el;
          }
        }
        placed[which].push(el);
      }
    if (placed.mine.length + placed.others.length === 0) return false;
    const others = this.others.get('changes');
    if (others) others.replaceChildren(others.querySelector('summary')!, ...placed.others);
    this.step('changes').replaceChildren(...placed.mine, ...(others ? [others] : []));
    return true;
  }

  /** Every box that hides when none of its rows is shown. */
  all(): HTMLElement[] {
    return [
      ...[...this.units.values()].map((u) => u.box),
      ...this.chunks,
      ...this.sections.values(),
      ...this.others.values(),
    ];
  }
}
