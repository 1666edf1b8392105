/**
 * Whose each item of a team run is under its assignment (assignment.ts): the tester's, someone
 * else's, or no one's, and the run's items in the order the tester works them (theirs first).
 */
import type { ChecklistItem } from '../checklist/types.ts';
import { processGroupKey } from '../item-id.ts';
import type { AssignedItems, RunAssignment } from './types.ts';
import { groupOf } from './view.ts';

/** Whose an item is under the run's assignment: the tester's, someone else's, or no one's (no assignment). */
export type ItemOwner = 'mine' | 'other' | null;

export function isAssigned(item: ChecklistItem, assigned: AssignedItems): boolean {
  return (
    assigned.items.includes(item.id) ||
    (item.module !== null && assigned.modules.includes(item.module)) ||
    assigned.groups.includes(groupOf(item)) ||
    (item.process !== null && assigned.groups.includes(processGroupKey(item.process)))
  );
}

export function itemOwner(item: ChecklistItem, assignment: RunAssignment | undefined): ItemOwner {
  if (!assignment) return null;
  return isAssigned(item, assignment) ? 'mine' : 'other';
}

/** The run's items with the tester's first (each part in run order); without an assignment, all are `mine`. */
export function assignedOrder(
  items: readonly ChecklistItem[],
  assignment: RunAssignment | undefined,
): { mine: ChecklistItem[]; others: ChecklistItem[] } {
  if (!assignment) return { mine: [...items], others: [] };
  const mine: ChecklistItem[] = [];
  const others: ChecklistItem[] = [];
  for (const item of items) (isAssigned(item, assignment) ? mine : others).push(item);
  return { mine, others };
}
