/**
 * The process `roadbook build` starts to read the road book and write the site's pages
 * (commands/build-pages.ts): sent one PagesMessage, it answers one PagesAnswer and ends. What
 * it says (the phases, the diagnostics) goes to its standard streams, which the build relays.
 */
import { enableCompileCache } from 'node:module';
import { tuneNativeAllocator } from './native-allocator.ts';
import type { PagesAnswer, PagesMessage } from './commands/build-pages.ts';

// As the CLI does (bin.ts): the compile cache, and the allocator's options before Vite loads.
enableCompileCache?.();
tuneNativeAllocator();

process.once('message', (message: PagesMessage) => void answer(message));

async function answer({ request, output }: PagesMessage): Promise<void> {
  const [{ buildPages }, { BuildProgress }, { CliError }] = await Promise.all([
    import('./commands/build-pages.ts'),
    import('./progress.ts'),
    import('./io.ts'),
  ]);
  const write = (text: string) => void process.stderr.write(text);
  const progress = new BuildProgress({ write, terminal: output.terminal, columns: output.columns });
  let reply: PagesAnswer;
  try {
    const io = {
      stdout: (text: string) => void process.stdout.write(text),
      stderr: write,
      stdoutBytes: (bytes: Uint8Array) => void process.stdout.write(bytes),
      cwd: output.cwd,
      isTTY: output.isTTY,
    };
    const outcome = await buildPages(request, io, progress);
    reply = { outcome, phases: progress.finished };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = {
      failure: {
        message: failure.message,
        exitCode: failure instanceof CliError ? failure.exitCode : null,
        stack: failure.stack,
      },
    };
  }
  // Then nothing is left to keep the process: it ends, and gives its memory back.
  process.send!(reply, () => process.disconnect());
}
