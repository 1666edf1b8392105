/** Where a command writes, so tests can call commands directly and read what they said. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Binary output (exports written to stdout). */
  stdoutBytes(bytes: Uint8Array): void;
  cwd: string;
  /** Whether stdout is a terminal (binary formats refuse to write there). */
  isTTY: boolean;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stdoutBytes: (bytes) => void process.stdout.write(bytes),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
};

/**
 * A failure the user can act on: printed as its message alone, never with a stack trace.
 * `exitCode` 1 is a content or request problem, 2 a usage mistake.
 */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
