/**
 * A new entry file: its name (`<id>-<slug of the title>.md`, or `<slug>.md` without an id),
 * its front matter and a verification section holding one placeholder item, checked against
 * roadbook.yml before anything is written so the file passes `check` as written.
 */
import type { Choice } from '../model.ts';
import { isValidId, slugifyStep } from '../items.ts';
import { compareVersions } from '../versions.ts';
import { VERSION_INDEX_FILE, VERSIONS_DIR } from '../read/road-book.ts';
import { hostKey, reservedNameOf, reservedWhy } from '../routes.ts';
import { frontMatterFile } from './front-matter-file.ts';
import type { NewFile, Scaffold, ScaffoldBook } from './new-version.ts';
import { PLACEHOLDER_STEPS } from './placeholder.ts';
import { unknownChoice } from './suggest.ts';

export interface NewEntryRequest {
  version: string;
  title: string;
  type: string;
  modules: readonly string[];
  editions: readonly string[];
  id: string | null;
  tickets: readonly string[];
}

/** The existing version `version` names (`15.4` finds `15.4.0`), or why none does. */
export function findVersion(
  version: string,
  book: ScaffoldBook,
): { ok: true; version: ScaffoldBook['versions'][number] } | { ok: false; problem: string } {
  const found = book.versions.find((v) => compareVersions(v.version, version, book.config) === 0);
  if (found) return { ok: true, version: found };
  const known = book.versions.map((v) => ({ id: v.version, label: v.version }));
  return {
    ok: false,
    problem: `${unknownChoice('version', version, known)}; create it first with roadbook new version ${version}`,
  };
}

/**
 * Why `id` cannot be a new entry's id, or null: what `check` would refuse. Ids equal but for
 * case (or the dots that end them) are one name on a case-insensitive host.
 */
export function idProblem(id: string, book: ScaffoldBook): string | null {
  if (!isValidId(id))
    return `the id "${id}" must start with a letter or digit and hold only letters, digits, . _ - (64 at most)`;
  const reserved = reservedNameOf(id);
  if (reserved) return `the id "${id}" ${reservedWhy(reserved)}`;
  const same = book.entries.find((e) => hostKey(e.id) === hostKey(id));
  return same ? `the id "${id}" is taken by ${same.file}` : null;
}

export function planNewEntry(request: NewEntryRequest, book: ScaffoldBook): Scaffold {
  const { config } = book;
  const problems: string[] = [];
  const version = findVersion(request.version, book);
  if (!version.ok) problems.push(version.problem);
  const title = request.title.replace(/\s+/g, ' ').trim();
  if (!title) problems.push('the title is empty');
  if (!config.types.some((t) => t.id === request.type))
    problems.push(unknownChoice('type', request.type, config.types));
  if (request.modules.length === 0) problems.push('an entry needs at least one module');
  problems.push(...unknownChoices('module', request.modules, config.modules));
  problems.push(...unknownChoices('edition', request.editions, config.editions));

  const slug = slugifyStep(title);
  const id = request.id ?? slug;
  const name = request.id === null ? `${slug}.md` : `${request.id}-${slug}.md`;
  const idIssue =
    hostKey(name) === VERSION_INDEX_FILE
      ? `the file would be ${VERSION_INDEX_FILE}, which describes the version`
      : idProblem(id, book);
  if (idIssue) problems.push(request.id === null ? `${idIssue}; give the entry an --id` : idIssue);
  if (problems.length > 0 || !version.ok) return { ok: false, problems };

  const heading = config.verifyHeadings[0] ?? 'Vérifications';
  const text = frontMatterFile(
    {
      id: request.id ?? undefined,
      title,
      type: request.type,
      modules: [...request.modules],
      editions: request.editions.length ? [...request.editions] : undefined,
      tickets: request.tickets.length ? [...request.tickets] : undefined,
    },
    `\n## ${heading}\n\n- [ ] ${PLACEHOLDER_STEPS[config.locale]}\n`,
  );
  const file: NewFile = { folder: null, path: `${VERSIONS_DIR}/${version.version.slug}/${name}`, text };
  return { ok: true, file };
}

/** Values a closed list of roadbook.yml does not hold; with no closed list (null), none. */
function unknownChoices(field: string, values: readonly string[], choices: readonly Choice[] | null): string[] {
  if (!choices) return [];
  return values.filter((v) => !choices.some((c) => c.id === v)).map((v) => unknownChoice(field, v, choices));
}
