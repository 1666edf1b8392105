/**
 * Where the run page lists each item, computed without a browser from the run's arrangement
 * (risk.ts: the road book's order or the risk order) and its assignment (assignment.ts):
 *
 * - The changes (the checklist's items that are not process steps) in sections: one per
 *   module in the road book's order, then one for the target's open known issues (their items
 *   have no module), one per risk rank in the risk order ("Data changes", "Breaking changes",
 *   …, then the other changes). In a section, each change (an entry's items, a known issue's
 *   item) is one unit, its items together in the checklist's order.
 * - The processes: one unit per process, where the procedure puts them (never reordered).
 * - With an assignment, the tester's items first (assignedOrder), then the others apart; a
 *   change given in part is two units, the tester's part and the rest.
 *
 * A unit keeps its key whatever the order, so the page moves a unit's box when the order
 * changes instead of making its rows again. The minimum set is not a layout: it only hides
 * rows (`minimumIds`).
 */
import { changeKey, minimumSet, riskChanges, type ChecklistOrder, type RiskReason } from '../checklist/risk.ts';
import type { Checklist, ChecklistItem } from '../checklist/types.ts';
import { processGroupKey } from '../item-id.ts';
import { itemOwner, type ItemOwner } from './assignment.ts';
import type { RunAssignment } from './types.ts';

/** One change (or process) of one owner: its items, listed together. */
export interface LayoutUnit {
  /** Stable across orders: the owner and the change. */
  key: string;
  owner: ItemOwner;
  items: ChecklistItem[];
}

/**
 * A heading of the changes: a module or the known issues (road book's order), or a risk rank
 * (risk order).
 */
export interface LayoutSection {
  /** `module:<id>`, KNOWN_SECTION or `risk:<reason>` (`risk:none` for changes that meet no rule). */
  key: string;
  module: string | null;
  reason: RiskReason | null;
  /** The section of the target's open known issues (road book's order). */
  known: boolean;
  units: LayoutUnit[];
  /** Its items, all units together. */
  count: number;
}

/** The key of the known issues' section: no module key (`module:<id>`) can be it. */
const KNOWN_SECTION = 'known-issues';

/** The tester's part and the others' (empty without an assignment: then every item is in `mine`). */
export interface Parts<T> {
  mine: T[];
  others: T[];
}

export interface ChangesLayout {
  order: ChecklistOrder;
  sections: Parts<LayoutSection>;
}

/** The units of `items` (one change's or in checklist order), one per owner and change, in order of first item. */
function unitsOf(
  items: readonly ChecklistItem[],
  assignment: RunAssignment | undefined,
  keyOf: (i: ChecklistItem) => string,
) {
  const units = new Map<string, LayoutUnit>();
  for (const item of items) {
    const owner = itemOwner(item, assignment);
    const key = `${owner ?? 'all'}|${keyOf(item)}`;
    const unit = units.get(key);
    if (unit) unit.items.push(item);
    else units.set(key, { key, owner, items: [item] });
  }
  return [...units.values()];
}

function addTo(
  sections: Map<string, LayoutSection>,
  key: string,
  init: () => Omit<LayoutSection, 'units' | 'count'>,
  unit: LayoutUnit,
) {
  let section = sections.get(key);
  if (!section) sections.set(key, (section = { ...init(), units: [], count: 0 }));
  section.units.push(unit);
  section.count += unit.items.length;
}

/** The changes of `checklist` laid out for `order`, the tester's first when `assignment` says whose they are. */
export function changesLayout(
  checklist: Pick<Checklist, 'items' | 'entries'>,
  order: ChecklistOrder,
  assignment: RunAssignment | undefined,
): ChangesLayout {
  const parts = { mine: new Map<string, LayoutSection>(), others: new Map<string, LayoutSection>() };
  const part = (unit: LayoutUnit) => (unit.owner === 'other' ? parts.others : parts.mine);
  if (order === 'risk') {
    for (const change of riskChanges(checklist)) {
      if (change.items[0]!.process !== null) continue;
      const reason = change.reason;
      const key = `risk:${reason ?? 'none'}`;
      for (const unit of unitsOf(change.items, assignment, changeKey))
        addTo(part(unit), key, () => ({ key, module: null, reason, known: false }), unit);
    }
  } else {
    const changes = checklist.items.filter((i) => i.process === null);
    for (const unit of unitsOf(changes, assignment, changeKey)) {
      const first = unit.items[0]!;
      const known = first.knownIssue !== null;
      const key = known ? KNOWN_SECTION : `module:${first.module}`;
      addTo(part(unit), key, () => ({ key, module: first.module, reason: null, known }), unit);
    }
  }
  return { order, sections: { mine: [...parts.mine.values()], others: [...parts.others.values()] } };
}

/** The processes' units, in the checklist's order, the tester's first. */
export function processesLayout(
  checklist: Pick<Checklist, 'items'>,
  assignment: RunAssignment | undefined,
): Parts<LayoutUnit> {
  const units = unitsOf(
    checklist.items.filter((i) => i.process !== null),
    assignment,
    (i) => processGroupKey(i.process!),
  );
  return { mine: units.filter((u) => u.owner !== 'other'), others: units.filter((u) => u.owner === 'other') };
}

/** The ids of the checklist's items in the minimum set. */
export function minimumIds(checklist: Pick<Checklist, 'items' | 'entries'>): Set<string> {
  return new Set(minimumSet(checklist).map((i) => i.id));
}
