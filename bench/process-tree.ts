import { readdirSync, readFileSync } from 'node:fs';

/** Linux's page size: /proc reports resident memory in pages. */
const PAGE_BYTES = 4096;

interface ProcStat {
  ppid: number;
  rssBytes: number;
}

/** One process's parent and resident memory from /proc/<pid>/stat, or null once it is gone. */
function procStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (2nd field) is in parentheses and may hold spaces: fields are counted after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state (3rd field), ppid (4th), ..., rss in pages (24th).
  return { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_BYTES };
}

/**
 * The resident memory of a process and all its descendants, summed: what the machine gives
 * a build at this instant, worker processes included (worker threads are in the process's own).
 */
export function treeRss(root: number): number {
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop()!;
    total += stats.get(pid)?.rssBytes ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}
