/** The images an entry's body points at inside its version folder, checked against its assets. */
import { posix } from 'node:path';
import type { AssetRef } from '../markdown/analyze.ts';
import type { DiagnosticList } from '../diagnostics.ts';

/** Every image the body points at inside the version folder must exist under assets/. */
export function checkAssets(
  refs: readonly AssetRef[],
  context: { file: string; assets: ReadonlySet<string>; diagnostics: DiagnosticList },
): void {
  for (const ref of refs) {
    const path = safeDecode(ref.url.split(/[?#]/)[0]!);
    const resolved = posix.normalize(path).replace(/^\.\//, '');
    if (context.assets.has(resolved)) continue;
    context.diagnostics.error(
      'asset-missing',
      context.file,
      { line: ref.line, column: ref.column },
      `The image "${ref.url}" does not exist; put it in this version's assets/ folder and refer to it as assets/<file>`,
    );
  }
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
