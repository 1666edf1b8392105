/**
 * The journal entries of pages that ended before their writes were confirmed (journal.ts):
 * found at start by telling ended pages from open ones (their Web Lock, or a roll call),
 * compared with the runs as stored, and cleared once put back or let go.
 */
import type { Locale } from '../../core/model.ts';
import { parseJournalEntry, unsavedChanges, type UnsavedChanges } from '../../core/run/journal.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import type { ValueBackend } from './storage-backend.ts';
import type { TabChannel } from './tab-channel.ts';

export class EndedPages {
  private readonly backend: ValueBackend | null;
  private readonly prefix: string;
  private readonly scope: RunScope;
  private readonly locale: Locale;
  /** This page's id. */
  private readonly session: string;
  private readonly channel: TabChannel;
  /** Journal keys of ended pages, found by `unsaved`. */
  private ended: string[] = [];

  constructor(
    backend: ValueBackend | null,
    where: { prefix: string; scope: RunScope; locale: Locale },
    session: string,
    channel: TabChannel,
  ) {
    this.backend = backend;
    this.prefix = where.prefix;
    this.scope = where.scope;
    this.locale = where.locale;
    this.session = session;
    this.channel = channel;
  }

  /**
   * Changes recorded by pages that ended before their write was confirmed, compared with
   * `runs` as loaded. Entries whose changes are all stored are cleared.
   */
  async unsaved(runs: readonly SavedRun[]): Promise<UnsavedChanges[]> {
    const live = this.backend ? await this.channel.liveSessions() : null;
    if (!this.backend || !live) return [];
    live.add(this.session);
    const raw = await this.backend.entries('journal', this.prefix);
    const entries = [...raw].map(([key, text]) => ({ key, entry: parseJournalEntry(text, this.scope, this.locale) }));
    const endedEntries = entries.filter(({ entry }) => !entry || !live.has(entry.session));
    this.ended = endedEntries.map(({ key }) => key);
    const found = unsavedChanges(
      endedEntries.flatMap(({ entry }) => (entry ? [entry] : [])),
      new Map(runs.map((r) => [r.id, r])),
      live,
    );
    if (!found.length) await this.forget();
    return found;
  }

  /** Clears the journal entries of ended pages (put back, or let go by the tester). */
  async forget(): Promise<void> {
    const keys = this.ended;
    this.ended = [];
    if (keys.length && this.backend)
      await this.backend.write('journal', new Map(keys.map((k) => [k, null]))).catch(() => undefined);
  }
}
