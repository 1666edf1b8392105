/**
 * The `index.md` of a new version, checked against the road book before anything is written:
 * a string that is not a version, or one equal to an existing version under the road book's
 * order (`15.4` and `15.4.0`), is refused.
 */
import type { RoadBook, VersionStatus } from '../model.ts';
import { VERSION_STATUSES } from '../model.ts';
import { isCalendarDate } from '../read/fields.ts';
import { VERSIONS_DIR } from '../read/road-book.ts';
import { compareVersions, isVersion, urlSafeVersion } from '../versions.ts';
import { frontMatterFile } from './front-matter-file.ts';
import { unknownChoice } from './suggest.ts';

/** What a scaffold needs of the road book. */
export type ScaffoldBook = Pick<RoadBook, 'config'> & {
  versions: readonly Pick<RoadBook['versions'][number], 'version' | 'slug'>[];
  entries: readonly Pick<RoadBook['entries'][number], 'id' | 'file'>[];
};

export interface NewVersionRequest {
  version: string;
  date: string | null;
  /** Null: published when a date is given, draft otherwise. */
  status: string | null;
  title: string | null;
}

/** A file to create, relative to the project root; `folder` is created first when set. */
export interface NewFile {
  folder: string | null;
  path: string;
  text: string;
}

export type Scaffold = { ok: true; file: NewFile } | { ok: false; problems: string[] };

/** Why `version` cannot be a new version of `book`, or null. */
export function versionProblem(version: string, book: ScaffoldBook): string | null {
  if (!isVersion(version, book.config))
    return `"${version}" is not a version string (digits and letters separated by . - _ /, such as 15.4.0)`;
  const same = book.versions.find((v) => compareVersions(v.version, version, book.config) === 0);
  if (same) return `the version ${version} already exists: "${same.version}" compares equal to it`;
  if (book.versions.some((v) => v.slug === urlSafeVersion(version)))
    return `the folder ${VERSIONS_DIR}/${urlSafeVersion(version)} is already another version's`;
  return null;
}

export function dateProblem(date: string): string | null {
  return isCalendarDate(date) ? null : `"${date}" is not a real date written YYYY-MM-DD`;
}

export function planNewVersion(request: NewVersionRequest, book: ScaffoldBook): Scaffold {
  const problems: string[] = [];
  const versionIssue = versionProblem(request.version, book);
  if (versionIssue) problems.push(versionIssue);
  if (request.date !== null) {
    const issue = dateProblem(request.date);
    if (issue) problems.push(issue);
  }
  const status = request.status ?? (request.date === null ? 'draft' : 'published');
  const statuses = VERSION_STATUSES.map((id) => ({ id, label: id }));
  if (!VERSION_STATUSES.includes(status as VersionStatus)) problems.push(unknownChoice('status', status, statuses));
  else if (status !== 'draft' && request.date === null)
    problems.push(`a ${status} version needs a release date (--date YYYY-MM-DD), or make it a draft`);
  if (problems.length > 0) return { ok: false, problems };

  const folder = urlSafeVersion(request.version);
  const text = frontMatterFile(
    {
      // The folder cannot hold every character: then index.md gives the real string.
      version: folder === request.version ? undefined : request.version,
      date: request.date ?? undefined,
      status,
      title: request.title ?? undefined,
    },
    '',
  );
  return { ok: true, file: { folder: `${VERSIONS_DIR}/${folder}`, path: `${VERSIONS_DIR}/${folder}/index.md`, text } };
}
