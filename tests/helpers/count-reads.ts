/**
 * Preloaded with `node --import` into a CLI run: counts how often the main thread opens a
 * file named roadbook.yml, by any of Node's calls that read a file, and writes the count to
 * stderr when the process exits (`roadbook.yml read 1 time(s)`).
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const NAME = 'roadbook.yml';
let reads = 0;

function counted<F extends (...args: never[]) => unknown>(read: F): F {
  return function (this: unknown, ...args: Parameters<F>) {
    const [path] = args as unknown[];
    if (isMainThread && (typeof path === 'string' || path instanceof URL) && basename(String(path)) === NAME) reads++;
    return read.apply(this, args);
  } as F;
}

fs.readFile = counted(fs.readFile);
fs.readFileSync = counted(fs.readFileSync);
fs.open = counted(fs.open);
fs.openSync = counted(fs.openSync);
fs.createReadStream = counted(fs.createReadStream);
fs.promises.readFile = counted(fs.promises.readFile);
fs.promises.open = counted(fs.promises.open);
// `import { readFile } from 'node:fs/promises'` sees the counted functions too.
syncBuiltinESMExports();

if (isMainThread) process.on('exit', () => process.stderr.write(`${NAME} read ${reads} time(s)\n`));
