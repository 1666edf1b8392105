/** BuildProgress on its own, with a clock the test moves: what a log and a terminal are sent. */
import { describe, expect, it } from 'vitest';
import { BuildProgress, isInteractive } from '../../src/cli/progress.ts';

function progress(terminal: boolean) {
  let now = 0;
  let text = '';
  const p = new BuildProgress({ write: (t) => (text += t), terminal, columns: 60 }, () => now);
  return { p, wait: (ms: number) => (now += ms), text: () => text };
}

describe('build progress', () => {
  it('writes one line per phase with its count, then the timings, to a log', () => {
    const { p, wait, text } = progress(false);
    p.loading({ phase: 'read' });
    wait(300);
    p.loading({ phase: 'check', done: 0, total: 4 });
    wait(1000);
    p.loading({ phase: 'check', done: 4, total: 4 });
    p.end('check');
    p.describe('render', '4 entries, 0 unchanged');
    p.start('render');
    wait(500);
    p.start('pages');
    wait(2000);
    p.end('pages', '9 pages');
    p.record('data', '3 files');
    p.finish();
    expect(text()).toBe(
      [
        '✓ read: 4 entry files (0.3 s)',
        '✓ check: 4 entry files (1.0 s)',
        '✓ render: 4 entries, 0 unchanged (0.5 s)',
        '✓ pages: 9 pages (2.0 s)',
        '✓ data files: 3 files (with the pages)',
        'Timings:',
        '  read            0.3 s',
        '  check           1.0 s',
        '  render          0.5 s',
        '  pages           2.0 s',
        '  data files    with the pages',
        '  total           3.8 s',
        '',
      ].join('\n'),
    );
  });

  it('draws the running phase as a bar over its own line on a terminal', () => {
    const { p, wait, text } = progress(true);
    p.start('check', 10, 'entry files');
    wait(100);
    p.update(5);
    wait(100);
    p.end('check');
    p.finish();
    expect(text()).toContain('\r\u001b[2Kcheck ░░░░░░░░░░░░░░░░░░░░░░░░ 0/10 entry files 0.0 s');
    expect(text()).toContain('\r\u001b[2Kcheck ████████████░░░░░░░░░░░░ 5/10 entry files 0.1 s');
    expect(text()).toContain('\r\u001b[2K✓ check: 10 entry files (0.2 s)\n');
  });

  it('is interactive on a terminal only outside CI', () => {
    expect(isInteractive(true, {})).toBe(true);
    expect(isInteractive(true, { CI: 'true' })).toBe(false);
    expect(isInteractive(false, {})).toBe(false);
  });
});
