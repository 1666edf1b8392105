import { spawn } from 'node:child_process';
import { treeRss } from './process-tree.ts';

export interface MeasuredRun {
  seconds: number;
  /** The highest resident memory of the process tree seen while it ran (sampled every 50 ms). */
  peakBytes: number;
  stdout: string;
  stderr: string;
}

const SAMPLE_MS = 50;

/**
 * Runs `node <args>` (this Node) as a process in `cwd` and measures its wall time and peak
 * memory; a non-zero exit is an error carrying the end of what it printed.
 */
export function runMeasured(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let peakBytes = 0;
    const sample = () => {
      if (child.pid) peakBytes = Math.max(peakBytes, treeRss(child.pid));
    };
    const timer = setInterval(sample, SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) return resolve({ seconds, peakBytes, stdout, stderr });
      const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n');
      reject(new Error(`node ${args.join(' ')} exited with ${code ?? signal}:\n${tail}`));
    });
  });
}
