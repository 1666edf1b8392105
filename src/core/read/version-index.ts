import * as z from 'zod';
import { VERSION_STATUSES, type Installer, type RoadBookConfig, type VersionInfo } from '../model.ts';
import { compareVersions, isVersion, urlSafeVersion, type Versioning } from '../versions.ts';
import { FILE_START, type DiagnosticList } from '../diagnostics.ts';
import { byteCount, date, oneOf, sha256, text } from './fields.ts';
import { readFrontMatter } from './front-matter.ts';
import { at, checkMapping, type Located } from './schema-check.ts';
import {
  checkEndOfSupport,
  knownIssueSchema,
  readKnownIssues,
  type WrittenKnownIssue,
} from './version-known-issues.ts';

const installerSchema = z.object({
  file: text,
  sha256: sha256.optional(),
  size: byteCount.optional(),
});

const versionSchema = z.object({
  version: text.optional(),
  date: date.optional(),
  status: oneOf(VERSION_STATUSES).optional(),
  title: text.optional(),
  installer: z.unknown().optional(),
  // Checked below, against the road book's `versioning`.
  minimumFrom: text.optional(),
  database: text.optional(),
  endOfSupport: date.optional(),
  // Checked issue by issue (version-known-issues.ts), so that each one's problems are said.
  knownIssues: z.unknown().optional(),
});

/**
 * A version's front matter as a whole, for editors (src/core/schemas/): `installer` and each
 * known issue are checked on their own (so that their unknown keys are reported), with the
 * same definitions.
 */
export const versionFrontMatterSchema = versionSchema.extend({
  installer: installerSchema.optional(),
  knownIssues: z.array(knownIssueSchema).optional(),
});

/** What index.md says of its version, once checked. */
export interface VersionHeader extends Omit<VersionInfo, 'slug' | 'knownIssues'> {
  /** With where each is written, for the checks against the whole road book. */
  knownIssues: WrittenKnownIssue[];
  intro: string;
  introLine: number;
  /** Where `date` is written, for the date-order warning. */
  dateAt: { line: number; column: number };
}

/** What a version looks like under each order, for messages. */
const VERSION_EXAMPLES: Record<Versioning, string> = {
  roadbook: '15.3.0 or 15.30.02/DU3',
  semver: '1.2.0 or 2.0.0-rc.1 (SemVer 2.0, as `versioning: semver` asks)',
};

/**
 * Reads a version folder's index.md. `folder` is the folder name: the version string or its
 * URL-safe form. Returns null when the folder cannot be a version (reported).
 */
export function parseVersionIndex(
  source: string | null,
  folder: string,
  file: string,
  config: RoadBookConfig,
  diagnostics: DiagnosticList,
): VersionHeader | null {
  const words = config;
  const front = source === null ? null : readFrontMatter(source, file, diagnostics);
  const where: Located = { file, yaml: front?.yaml ?? null, diagnostics };
  const raw = front ? checkMapping(versionSchema, front.data, where) : null;

  let installer: Installer | null = null;
  const rawInstaller = front?.data.installer;
  if (raw && rawInstaller !== undefined && rawInstaller !== null) {
    if (typeof rawInstaller !== 'object' || Array.isArray(rawInstaller)) {
      diagnostics.error(
        'wrong-type',
        file,
        at(where, ['installer']),
        '`installer` must be a mapping with `file`, `sha256` and `size`',
      );
    } else {
      const checked = checkMapping(installerSchema, rawInstaller, where, ['installer']);
      if (checked) installer = { file: checked.file, sha256: checked.sha256 ?? null, size: checked.size ?? null };
    }
  }

  // The real version string: from `version:` when given, else the folder name.
  let versionText = folder;
  if (raw?.version !== undefined) {
    if (!isVersion(raw.version, words)) {
      diagnostics.error(
        'invalid-version',
        file,
        at(where, ['version']),
        `\`version\` "${raw.version}" is not a version string, such as ${VERSION_EXAMPLES[config.versioning]}`,
      );
      return null;
    }
    if (raw.version !== folder && urlSafeVersion(raw.version) !== folder) {
      diagnostics.error(
        'version-mismatch',
        file,
        at(where, ['version']),
        `\`version\` is "${raw.version}" but the folder is "${folder}"; name the folder "${urlSafeVersion(raw.version)}"`,
      );
      return null;
    }
    versionText = raw.version;
  } else if (!isVersion(folder, words)) {
    diagnostics.error(
      'version-folder-invalid',
      file,
      FILE_START,
      `The folder name "${folder}" is not a version string; name it like ${VERSION_EXAMPLES[config.versioning]} (or give the real string in \`version:\` of index.md)`,
    );
    return null;
  }

  const status = raw?.status ?? 'published';
  if (raw && status !== 'draft' && raw.date === undefined && front?.data.date == null) {
    diagnostics.error('missing-field', file, FILE_START, `\`date\` is required for a ${status} version (YYYY-MM-DD)`);
  }
  if (raw?.minimumFrom !== undefined && !isVersion(raw.minimumFrom, words)) {
    diagnostics.error(
      'invalid-version',
      file,
      at(where, ['minimumFrom']),
      `\`minimumFrom\` "${raw.minimumFrom}" is not a version string, such as ${VERSION_EXAMPLES[config.versioning]}`,
    );
  } else if (raw?.minimumFrom !== undefined && compareVersions(raw.minimumFrom, versionText, words) >= 0) {
    diagnostics.error(
      'invalid-value',
      file,
      at(where, ['minimumFrom']),
      `\`minimumFrom\` (${raw.minimumFrom}) must be a version before ${versionText}`,
    );
  }

  const endOfSupport = raw?.endOfSupport ?? null;
  checkEndOfSupport({ version: versionText, date: raw?.date ?? null, endOfSupport }, where);
  // Read even when another field is wrong, so that every problem of the file is said at once.
  const knownIssues = front ? readKnownIssues(front.data.knownIssues, where, config) : [];

  return {
    version: versionText,
    date: raw?.date ?? null,
    status,
    title: raw?.title ?? null,
    installer,
    minimumFrom: raw?.minimumFrom ?? null,
    database: raw?.database ?? null,
    endOfSupport,
    knownIssues,
    intro: front?.body.trim() ? front.body : '',
    introLine: front?.bodyLine ?? 1,
    dateAt: at(where, ['date']),
  };
}
