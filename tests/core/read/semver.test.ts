/**
 * A road book with `versioning: semver` (tests/fixtures/semver): SemVer order, build
 * metadata that makes two versions equal, and strings that are not SemVer.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';

const ROOT = fileURLToPath(new URL('../../fixtures/semver/', import.meta.url));

describe('versioning: semver', () => {
  it('orders pre-releases before their release and reports what SemVer refuses or finds equal', async () => {
    const result = await loadRoadBook(ROOT);
    expect(result.book.config.versioning).toBe('semver');
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      'content/versions/1.0.0-build.7/index.md:1:1 error duplicate-version',
      'content/versions/1.2/index.md:1:1 error version-folder-invalid',
      'content/versions/2.0.0/index.md:3:10 error invalid-version',
    ]);
    expect(result.diagnostics.find((d) => d.code === 'invalid-version')?.message).toContain('SemVer');
    expect(result.book.versions.map((v) => v.version).slice(0, 2)).toEqual(['1.0.0-0', '1.0.0']);
  });
});
