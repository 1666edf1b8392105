/**
 * What `roadbook build` says while it runs: the phase it is in with its count, as a bar
 * redrawn in place on a terminal, or one line per finished phase where the output is a log
 * (not a terminal, or a CI job); the time each phase took, at the end.
 */
import type { LoadStep } from '../core/read/road-book.ts';

/** The phases of a build, in the order they run. */
export const BUILD_PHASES = {
  read: 'read',
  check: 'check',
  render: 'render',
  pages: 'pages',
  data: 'data files',
  search: 'search index',
  publish: 'publish',
} as const;

export type BuildPhase = keyof typeof BUILD_PHASES;

export interface ProgressOutput {
  write: (text: string) => void;
  /** A terminal the bar can be redrawn on; otherwise one line per phase. */
  terminal: boolean;
  /** The terminal's width, for the bar. */
  columns?: number;
}

/** Whether build output goes to a terminal that is not a CI job's log. */
export function isInteractive(isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return isTTY && !env['CI'];
}

interface Running {
  phase: BuildPhase;
  started: number;
  done: number;
  total: number | null;
  /** What is counted (`entries`), shown after the count. */
  unit: string;
}

/** A phase that has ended, as the timings at the end list it. */
export interface FinishedPhase {
  phase: BuildPhase;
  /** Null for a phase that ran inside another (the data files, generated with the pages). */
  ms: number | null;
  summary: string;
}

/** Redraws of the bar are at least this far apart (a phase may tick thousands of times). */
const REDRAW_MS = 80;
const BAR_WIDTH = 24;
/** Erases the terminal's current line and returns to its start. */
const CLEAR_LINE = '\r\u001b[2K';

export class BuildProgress {
  readonly #out: ProgressOutput;
  readonly #now: () => number;
  readonly #started: number;
  #running: Running | null = null;
  readonly #finished: FinishedPhase[] = [];
  /** What phases that have not ended yet did, told by a part of the build that does not end them. */
  readonly #described = new Map<BuildPhase, string>();
  #drawn = 0;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(out: ProgressOutput, now: () => number = () => performance.now()) {
    this.#out = out;
    this.#now = now;
    this.#started = now();
  }

  /** The phases that have ended, in order. */
  get finished(): readonly FinishedPhase[] {
    return [...this.#finished];
  }

  /**
   * Takes in phases another process ran and has said (the pages', commands/build-pages.ts):
   * listed in the timings at the end, not written again.
   */
  adopt(phases: readonly FinishedPhase[]): void {
    this.#finished.push(...phases);
  }

  /** The phase running now, if any. */
  get running(): BuildPhase | null {
    return this.#running?.phase ?? null;
  }

  /** Starts `phase` (ending the running one, if any, with its own count). */
  start(phase: BuildPhase, total: number | null = null, unit = ''): void {
    if (this.#running) this.end(this.#running.phase);
    this.#running = { phase, started: this.#now(), done: 0, total, unit };
    if (this.#out.terminal) {
      this.#draw();
      this.#timer ??= setInterval(() => this.#draw(), 250);
      this.#timer.unref();
    }
  }

  /** The read and check phases, from the steps `loadRoadBook` reports. */
  loading(step: LoadStep): void {
    if (step.phase === 'read') return this.start('read');
    if (this.running === 'read') {
      this.end('read', `${step.total} entry files`);
      this.start('check', step.total, 'entry files');
    }
    this.update(step.done);
  }

  /** How far the running phase is; `total` when it is known only now. */
  update(done: number, total?: number): void {
    const running = this.#running;
    if (!running) return;
    running.done = done;
    if (total !== undefined) running.total = total;
    if (this.#out.terminal && this.#now() - this.#drawn >= REDRAW_MS) this.#draw();
  }

  /** What `phase` did, for when it ends without being told. */
  describe(phase: BuildPhase, summary: string): void {
    this.#described.set(phase, summary);
  }

  /**
   * Ends `phase` if it is the running one, with what it did (`10000 entries`); by default
   * what it was described with, or its count.
   */
  end(phase: BuildPhase, summary?: string): void {
    const running = this.#running;
    if (running?.phase !== phase) return;
    this.#running = null;
    const text =
      summary ?? this.#described.get(phase) ?? (running.total !== null ? count(running.total, running.unit) : '');
    this.#finish({ phase, ms: this.#now() - running.started, summary: text });
  }

  /** A phase that ran inside the one that just ended, with what it did: it has no time of its own. */
  record(phase: BuildPhase, summary: string): void {
    this.#finish({ phase, ms: null, summary });
  }

  #finish(finished: FinishedPhase): void {
    this.#finished.push(finished);
    const { phase, ms, summary } = finished;
    const line = `✓ ${BUILD_PHASES[phase]}${summary ? `: ${summary}` : ''} (${duration(ms)})\n`;
    this.#out.write(this.#out.terminal ? CLEAR_LINE + line : line);
    if (this.#running) this.#draw();
  }

  /** Ends what runs and writes how long each phase took, and the whole build. */
  finish(): void {
    if (this.#running) this.end(this.#running.phase);
    this.#stopTimer();
    const width = Math.max(...Object.values(BUILD_PHASES).map((label) => label.length));
    const rows = this.#finished.map(
      ({ phase, ms }) => `  ${BUILD_PHASES[phase].padEnd(width)}  ${duration(ms).padStart(7)}`,
    );
    const total = `  ${'total'.padEnd(width)}  ${seconds(this.#now() - this.#started).padStart(7)}`;
    this.#out.write(`Timings:\n${[...rows, total].join('\n')}\n`);
  }

  /** Stops drawing (the build failed): the bar's line is cleared, nothing else is said. */
  abandon(): void {
    this.#running = null;
    this.#stopTimer();
    if (this.#out.terminal) this.#out.write(CLEAR_LINE);
  }

  #stopTimer(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  #draw(): void {
    const running = this.#running;
    if (!running) return;
    this.#drawn = this.#now();
    const label = BUILD_PHASES[running.phase];
    const elapsed = seconds(this.#drawn - running.started);
    let line: string;
    if (running.total) {
      const ratio = Math.min(1, running.done / running.total);
      const full = Math.round(ratio * BAR_WIDTH);
      const bar = `${'█'.repeat(full)}${'░'.repeat(BAR_WIDTH - full)}`;
      line = `${label} ${bar} ${running.done}/${count(running.total, running.unit)} ${elapsed}`;
    } else {
      line = `${label} … ${elapsed}`;
    }
    const columns = this.#out.columns || 80;
    this.#out.write(CLEAR_LINE + line.slice(0, Math.max(10, columns - 1)));
  }
}

function count(n: number, unit: string): string {
  return unit ? `${n} ${unit}` : String(n);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function duration(ms: number | null): string {
  return ms === null ? 'with the pages' : seconds(ms);
}
