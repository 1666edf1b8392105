/**
 * When the store's runs are written (store.ts), and what the page is told about it:
 *
 * - A change is written at once (`track`), never after a delay: several changes made while a
 *   write is under way go together in the next one.
 * - A refused write (storage full, private mode) keeps the run waiting: the save state says
 *   `failed` with the reason and the runs not saved; the write is tried again on the next
 *   change, after a growing delay (core/run/storage-limits.ts) and whenever the page calls
 *   `retry` (focus, page shown again). When it goes through, the state says `saved` again.
 */
import { retryDelay } from '../../core/run/storage-limits.ts';
import type { SavedRun } from '../../core/run/types.ts';
import type { RunWrite } from './run-writer.ts';

/** Whether what the page holds is written: every run confirmed, being written, or refused. */
export type SaveState = { state: 'saved' } | { state: 'saving' } | { state: 'failed'; reason: string; runs: string[] };

/** The runs as the page holds them now, by id (the queue writes what it finds there when it writes). */
export type RunSource = (id: string) => SavedRun | undefined;

export class WriteQueue {
  private readonly writeRun: (run: SavedRun) => Promise<RunWrite>;
  /** Ids of runs changed and not confirmed written, with the count of changes seen. */
  private readonly pending = new Map<string, number>();
  private source: RunSource = () => undefined;
  private draining: Promise<void> | null = null;
  private again = false;
  private state: SaveState = { state: 'saved' };
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly stateListeners: ((state: SaveState) => void)[] = [];
  private readonly mergeListeners: ((id: string, written: SavedRun) => void)[] = [];

  constructor(writeRun: (run: SavedRun) => Promise<RunWrite>) {
    this.writeRun = writeRun;
  }

  /** Where the queue reads a run to write: the page's state. */
  readFrom(source: RunSource): void {
    this.source = source;
  }

  /** Run `id` changed in the page: it is written at once (with any other waiting), and again until it is. */
  track(id: string): void {
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
    this.kick();
  }

  /** Stops writing a run (it was deleted). */
  untrack(id: string): void {
    this.pending.delete(id);
  }

  /** Resolves once every run waiting is written, or refused again. */
  async flush(): Promise<SaveState> {
    if (this.pending.size) this.kick();
    while (this.draining) await this.draining;
    return this.state;
  }

  /** Whether a run has changes not confirmed written. */
  waiting(id: string): boolean {
    return this.pending.has(id);
  }

  /** Tries a refused write again now (the page came back, space may have been freed). */
  retry(): void {
    if (this.pending.size) this.kick();
  }

  get saveState(): SaveState {
    return this.state;
  }

  onSaveState(listener: (state: SaveState) => void): void {
    this.stateListeners.push(listener);
  }

  /** Another tab had saved the run meanwhile: `written` is what was written, its results merged in. */
  onMerged(listener: (id: string, written: SavedRun) => void): void {
    this.mergeListeners.push(listener);
  }

  private setState(state: SaveState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private kick(): void {
    clearTimeout(this.retryTimer);
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    let refused: string[] = [];
    let reason = '';
    do {
      this.again = false;
      refused = [];
      this.setState({ state: 'saving' });
      for (const [id, count] of [...this.pending]) {
        const run = this.source(id);
        // A run the page no longer holds has nothing to write.
        const result = run ? await this.writeRun(run) : null;
        if (result && !result.ok) {
          refused.push(id);
          reason = result.reason;
          continue;
        }
        if (result?.merged) for (const listener of this.mergeListeners) listener(id, result.written);
        if (this.pending.get(id) === count) this.pending.delete(id);
      }
    } while (this.again);
    if (refused.length) {
      this.setState({ state: 'failed', reason, runs: refused });
      this.retryTimer = setTimeout(() => this.retry(), retryDelay(this.attempt++));
    } else {
      this.attempt = 0;
      this.setState(this.pending.size ? { state: 'saving' } : { state: 'saved' });
      if (this.pending.size) queueMicrotask(() => this.kick());
    }
  }
}
