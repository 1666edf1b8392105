/**
 * The road book model. Everything here is plain data that survives JSON: the per-version
 * files the browser loads, `/roadbook.json`, the checklist engine and the exporters all
 * read these shapes, so the CLI and the browser work from the same thing.
 */

import type { PreparedBodies } from './read/prepared-bodies.ts';
import type { Versioning } from './versions.ts';

// Each closed list is written once, as data; its type, the readers' checks and the
// exporters' columns are read from it.
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const VERSION_STATUSES = ['published', 'draft', 'withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Ordered from the most to the least urgent; exporters and sorting read this. */
export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How bad a known issue is, from the worst: the checklist lists open issues in this order. */
export const KNOWN_ISSUE_SEVERITIES = ['blocking', 'major', 'minor'] as const;
export type KnownIssueSeverity = (typeof KNOWN_ISSUE_SEVERITIES)[number];

/** An entry of a closed list in roadbook.yml (module, edition, type). */
export interface Choice {
  id: string;
  label: string;
}

/** `content/roadbook.yml`, with every default applied. */
export interface RoadBookConfig {
  product: string;
  title: string;
  publisher: string | null;
  locale: Locale;
  /** Absolute URL the site is served from (feed links); null when unknown. */
  site: string | null;
  /** Sub-path the site is served under, always with a leading and trailing `/`. */
  base: string;
  editions: Choice[];
  /** Null when roadbook.yml has no closed list: any module id is then accepted. */
  modules: Choice[] | null;
  types: Choice[];
  verifyHeadings: string[];
  requireVerify: string[];
  preRelease: string[];
  postRelease: string[];
  /** Which version order applies (content-format.md, "Version strings and their order"). */
  versioning: Versioning;
}

export interface Installer {
  file: string;
  sha256: string | null;
  size: number | null;
}

/**
 * A problem known in a version (content-format.md, "Support and known issues"), written in the
 * version where it appears. Which versions it affects is decided in one place: known-issues.ts.
 */
export interface KnownIssue {
  id: string;
  /** Plain text. */
  title: string;
  severity: KnownIssueSeverity;
  /** Empty: every module. */
  modules: string[];
  /** Empty: every edition. */
  editions: string[];
  /** When it became known, YYYY-MM-DD. */
  since: string | null;
  /** Plain text. */
  workaround: string | null;
  /**
   * The entry that fixes it, in a later version of this build; null while none does (a fix
   * written in a draft is not one in a build without drafts).
   */
  fixedBy: string | null;
  /** The version (as written) of the `fixedBy` entry; null with it. */
  fixedIn: string | null;
}

/** One version as the site and the browser see it. */
export interface VersionInfo {
  /** The version string as written (`15.30.02/DU3`, `v16.0.0`): shown to people. */
  version: string;
  /** The folder name, URL-safe: used in every URL and file name. */
  slug: string;
  date: string | null;
  status: VersionStatus;
  title: string | null;
  installer: Installer | null;
  minimumFrom: string | null;
  database: string | null;
  /** Last day the version is supported, YYYY-MM-DD; null when the road book does not say. */
  endOfSupport: string | null;
  /** The known issues written in this version (not those it inherits: known-issues.ts). */
  knownIssues: KnownIssue[];
}

/** One verification item of an entry. */
export interface Item {
  /** `<entry id>#<item id>`: stable across rebuilds while the text stays the same. */
  id: string;
  /** The item id within its entry. */
  key: string;
  /** Plain text of the step (ids, exports). */
  step: string;
  /** The step as safe HTML (inline Markdown rendered for body items, escaped text otherwise). */
  stepHtml: string;
  expect: string | null;
  expectHtml: string | null;
  priority: Priority;
  menu: string | null;
  setup: string | null;
}

/** One change of the road book, without its rendered body. */
export interface EntryRecord {
  id: string;
  /** Display string of the entry's version. */
  version: string;
  /** Slug of the entry's version. */
  versionSlug: string;
  title: string;
  type: string;
  modules: string[];
  tags: string[];
  breaking: boolean;
  data: string | null;
  action: string | null;
  tickets: string[];
  editions: string[];
  supersedes: string[];
  /** Ids of the entries whose `supersedes` names this one. */
  supersededBy: string[];
  /** sha256 (hex) of the entry file's text, BOM removed and line endings normalised. */
  hash: string;
  items: Item[];
}

/** A strategic business process from processes.yml (or one a company adds). */
export interface Process {
  id: string;
  label: string;
  modules: string[];
  steps: string[];
}

/** A version with what only the Node side needs: file paths and rendered intro. */
export interface Version extends VersionInfo {
  /** Path of index.md (or of the folder when index.md is missing), relative to the project root. */
  file: string;
  /** Absolute path of the version folder. */
  dir: string;
  /** The introduction as written (Markdown), rendered by the site through core. */
  intro: string;
  /** Line in index.md where the introduction starts (1-based), for diagnostics. */
  introLine: number;
  /** The introduction's relative links to other pages, as written (see `Entry.pageLinks`). */
  introLinks: string[];
}

/** An entry with what only the Node side needs. */
export interface Entry extends EntryRecord {
  /** Path relative to the project root. */
  file: string;
  /** The entry file's text, BOM removed, line endings normalised: what `hash` is taken of. */
  source: string;
  /** The Markdown after the front matter, and the file line it starts on. */
  body: string;
  bodyLine: number;
  /** Paragraphs written before the items in the verification sections, as safe HTML. */
  verifyIntroHtml: string;
  /**
   * The body's relative links to other pages, as written (`../15.2.0/GES-4410.md#x`): what
   * they resolve to is, with the body, what its rendered HTML is made of.
   */
  pageLinks: string[];
}

/** An image file a version folder holds under assets/. */
export interface Asset {
  versionSlug: string;
  /** Path under the version's assets folder, with `/` separators (`schema/tva.svg`). */
  path: string;
  /** Absolute path on disk. */
  absolutePath: string;
}

/** The whole road book once read and checked. Versions are in version order, oldest first. */
export interface RoadBook {
  root: string;
  config: RoadBookConfig;
  versions: Version[];
  /** In version order, then file-name order within a version. */
  entries: Entry[];
  processes: Process[];
  assets: Asset[];
  /**
   * The entries' bodies as reading them rendered them, for the pages' render
   * (read/prepared-bodies.ts): a lookup, not data, absent from any JSON of the book.
   */
  bodies?: PreparedBodies;
}
