import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_START, type DiagnosticList } from '../diagnostics.ts';
import { checkSvg } from '../markdown/svg.ts';
import type { Asset, Version } from '../model.ts';
import { caseCollisions } from '../routes.ts';
import { isHiddenName } from './source-files.ts';

/** The image types an assets/ folder may hold. */
export const ASSET_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg'];

/** Lists a version's assets/ folder (sub-folders included) and checks each file. */
export async function readAssets(version: Version, diagnostics: DiagnosticList): Promise<Asset[]> {
  const base = join(version.dir, 'assets');
  const assets: Asset[] = [];
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  for (const d of entries) {
    if (!d.isFile()) continue;
    const absolutePath = join(d.parentPath, d.name);
    const parts = absolutePath.slice(base.length + 1).split(/[\\/]/);
    // A hidden file, or any file in a hidden folder (`.AppleDouble/`, `.thumbnails/`).
    if (parts.some(isHiddenName)) continue;
    const path = parts.join('/');
    const file = `content/versions/${version.slug}/assets/${path}`;
    const extension = d.name.split('.').pop()!.toLowerCase();
    if (!ASSET_EXTENSIONS.includes(extension) || !d.name.includes('.')) {
      diagnostics.error(
        'asset-type',
        file,
        FILE_START,
        `assets/ holds images only (${ASSET_EXTENSIONS.join(', ')}); move or remove this file`,
      );
      continue;
    }
    if (extension === 'svg') {
      const problem = checkSvg(await readFile(absolutePath, 'utf8'));
      if (problem) {
        diagnostics.error(
          problem.code,
          file,
          { line: problem.line, column: problem.column },
          `This SVG is refused: ${problem.reason}; ${problem.fix}`,
        );
        continue;
      }
    }
    assets.push({ versionSlug: version.slug, path, absolutePath });
  }
  assets.sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const group of caseCollisions(assets, (a) => a.path)) {
    for (const asset of group) {
      const others = group.filter((a) => a !== asset).map((a) => `"${a.path}"`);
      diagnostics.error(
        'case-collision',
        `content/versions/${version.slug}/assets/${asset.path}`,
        FILE_START,
        `The image "${asset.path}" differs from ${others.join(', ')} only by case (or the dots that end it): on a case-insensitive server or share they are one file; rename one of them`,
      );
    }
  }
  return assets;
}
