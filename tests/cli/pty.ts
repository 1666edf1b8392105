import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

/** One question and the keys that answer it, sent once the question shows on the terminal. */
export interface Answer {
  /** Text the question shows (looked for in what the terminal printed since the last answer). */
  after: string;
  keys: string;
}

export interface PtyRun {
  code: number | null;
  /** Everything the terminal showed, escape sequences removed. */
  screen: string;
  /** Everything the terminal was sent, escape sequences included. */
  raw: string;
}

export const KEY = { enter: '\r', down: '\u001b[B', space: ' ', ctrlC: '\u0003' } as const;

/** Removes the terminal's escape sequences (colours, cursor moves) from what it printed. */
function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\r/g, '');
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the `roadbook` binary on a pseudo-terminal (util-linux `script` makes one, no native
 * addon needed) and answers its questions in order, each once it is on screen. `env` is
 * added to the environment; a variable set to undefined is removed from it.
 */
export function runOnTerminal(
  args: string[],
  cwd: string,
  answers: readonly Answer[],
  env: Record<string, string | undefined> = {},
): Promise<PtyRun> {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let seen = 0;
  const pending = [...answers];
  const answerNext = () => {
    const next = pending[0];
    if (!next) return;
    const at = plain(screen).indexOf(next.after, seen);
    if (at === -1) return;
    seen = at + next.after.length;
    pending.shift();
    child.stdin.write(next.keys);
    answerNext();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    answerNext();
  });
  child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      child.stdin.destroy();
      resolve({ code, screen: plain(screen), raw: screen });
    });
  });
}
