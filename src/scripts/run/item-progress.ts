/**
 * The progress of the open run: the bar, the counts per status and of items changed since
 * marked, repainted at most once a frame and announced (politely) once changes pause. The
 * counts are taken over every item when a run is shown or all its rows repainted, and moved
 * by the one item a click changed otherwise (core's progressMoved): a click on a run of
 * 38,000 items costs one item's work.
 */
import { STATUSES } from '../../core/checklist/progress.ts';
import { statusLabel } from '../../core/i18n/labels.ts';
import type { Locale } from '../../core/model.ts';
import { progressMoved, progressOf, type ItemMark, type Progress } from '../../core/run/view.ts';
import { h, part } from '../lib/dom.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { RunSession } from './session.ts';

export class ItemProgress {
  private readonly root: HTMLElement;
  private readonly t: Translate;
  private readonly locale: Locale;
  private readonly session: () => RunSession | null;
  private queued = false;
  /** The counts painted last, and the session they are of. */
  private counted: { session: RunSession; progress: Progress } | null = null;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(root: HTMLElement, t: Translate, locale: Locale, session: () => RunSession | null) {
    this.root = root;
    this.t = t;
    this.locale = locale;
    this.session = session;
  }

  /** One item's mark changed: the counts follow, repainted within a frame (many changes in a frame: once). */
  moved(before: ItemMark, after: ItemMark): void {
    const session = this.session();
    if (this.counted && this.counted.session === session)
      this.counted.progress = progressMoved(this.counted.progress, before, after);
    this.queue();
  }

  /** Repaints the progress within a frame (many changes in a frame: once). */
  queue(): void {
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => {
      this.queued = false;
      this.paint();
    });
  }

  /** Counts every item again and repaints. */
  update(): void {
    const session = this.session();
    if (!session) return;
    this.counted = { session, progress: progressOf(session.view.items, session.run.results) };
    this.paint();
  }

  private paint(): void {
    const session = this.session();
    if (!session) return;
    if (this.counted?.session !== session) return this.update();
    const p = this.counted.progress;
    const bar = part<HTMLProgressElement>(this.root, 'progress-bar');
    bar.max = Math.max(p.total, 1);
    bar.value = p.done;
    const text = this.t('run.progress', { done: p.done, total: p.total });
    part(this.root, 'progress-text').textContent = text;
    const counts = part(this.root, 'progress-counts');
    counts.replaceChildren(
      ...STATUSES.map((s) =>
        h(
          'li',
          { data: { status: s } },
          h('span', { class: 'status-pill', data: { status: s }, text: statusLabel(this.locale, s) }),
          ' ',
          h('strong', { text: String(p.counts[s]) }),
        ),
      ),
      h(
        'li',
        { data: { status: 'changed' } },
        h('span', { class: 'flag-changed', text: this.t('run.changedShort') }),
        ' ',
        h('strong', { text: String(p.changed) }),
      ),
    );
    const changedBox = part(this.root, 'filters').querySelector('[data-changed-count]');
    if (changedBox) changedBox.textContent = String(p.changed);
    // The live region speaks once changes pause, not at each keystroke.
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const detail = STATUSES.filter((s) => s !== 'untested' && p.counts[s] > 0)
        .map((s) => `${statusLabel(this.locale, s)} ${p.counts[s]}`)
        .join(', ');
      part(this.root, 'progress-live').textContent = this.t('run.progress.announce', {
        done: p.done,
        total: p.total,
        detail: detail || '—',
      });
    }, 800);
  }
}
