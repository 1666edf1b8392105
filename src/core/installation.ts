/**
 * "Mon installation": what a reader runs — the installed version, the modules and editions
 * used — recorded once in their browser, or handed out by their IT department as a link
 * (`?installed=15.1.0&modules=facturation,ventes&editions=entreprise`). Pages then speak of
 * that installation: what is new since that version for those modules, where each version
 * stands, the upgrade path from it. This module holds the rules (reading it from an address
 * or from storage, checking it against the site, where a version stands); the browser keeps
 * it and the pages show it. Browser-safe.
 */
import { inEditions, listedModule } from './checklist/entry-filters.ts';
import { labelOf } from './i18n/labels.ts';
import { listParam } from './run/list-param.ts';
import type { Choice, EntryRecord, VersionInfo } from './model.ts';

export interface Installation {
  /** The installed version, as written (`15.30.02/DU3`). */
  installed: string;
  /** Modules used; empty for every module. */
  modules: string[];
  /** Editions used; empty for every edition. */
  editions: string[];
}

/** The address parameters of an installation, the same names as the upgrade page's lists. */
export const INSTALLATION_PARAMS = { installed: 'installed', modules: 'modules', editions: 'editions' } as const;

/** The installation an address hands out; null when it names no installed version. */
export function installationFromParams(params: URLSearchParams): Installation | null {
  const installed = params.get(INSTALLATION_PARAMS.installed)?.trim();
  if (!installed) return null;
  return {
    installed,
    modules: listParam(params, INSTALLATION_PARAMS.modules),
    editions: listParam(params, INSTALLATION_PARAMS.editions),
  };
}

/** The address parameters of an installation (empty lists left out): the link an IT department hands out. */
export function installationToParams(installation: Installation): URLSearchParams {
  const params = new URLSearchParams();
  params.set(INSTALLATION_PARAMS.installed, installation.installed);
  if (installation.modules.length) params.set(INSTALLATION_PARAMS.modules, installation.modules.join(','));
  if (installation.editions.length) params.set(INSTALLATION_PARAMS.editions, installation.editions.join(','));
  return params;
}

/** Two installations alike: the same version, the same modules and editions in any order. */
export function sameInstallation(a: Installation, b: Installation): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((v) => y.includes(v)) && y.every((v) => x.includes(v));
  return a.installed === b.installed && same(a.modules, b.modules) && same(a.editions, b.editions);
}

/** "15.1.0 · Facturation, Ventes · Entreprise": an installation in words, lists by their labels. */
export function installationSummary(
  installation: Installation,
  choices: { modules: readonly Choice[]; editions: readonly Choice[] },
): string {
  const parts = [installation.installed];
  if (installation.modules.length)
    parts.push(installation.modules.map((id) => labelOf(choices.modules, id)).join(', '));
  if (installation.editions.length)
    parts.push(installation.editions.map((id) => labelOf(choices.editions, id)).join(', '));
  return parts.join(' · ');
}

/** What the site knows that an installation is checked against. */
export interface InstallationSite {
  /** In version order, oldest first. */
  versions: readonly Pick<VersionInfo, 'version' | 'slug' | 'status'>[];
  modules: readonly Choice[];
  editions: readonly Choice[];
}

/** An installation checked against the site: what could be kept, and what could not. */
export interface CheckedInstallation {
  /** Null when the installed version is not one of the site's. */
  installation: Installation | null;
  /** The installed version as the site writes it, found by its text or its URL form. */
  version: Pick<VersionInfo, 'version' | 'slug' | 'status'> | null;
  /** Modules and editions the site does not have, left out. */
  unknownModules: string[];
  unknownEditions: string[];
}

/**
 * Checks an installation from a link or from storage against this site: the version is
 * looked up by its text or its URL-safe form (a link may carry either); unknown modules and
 * editions are left out and named, so the reader is told rather than shown a wrong page.
 */
export function checkInstallation(installation: Installation, site: InstallationSite): CheckedInstallation {
  const version = site.versions.find((v) => v.version === installation.installed || v.slug === installation.installed);
  const known = (choices: readonly Choice[], ids: readonly string[]) =>
    ids.filter((id) => choices.some((c) => c.id === id));
  const unknown = (choices: readonly Choice[], ids: readonly string[]) =>
    ids.filter((id) => !choices.some((c) => c.id === id));
  return {
    installation: version
      ? {
          installed: version.version,
          modules: known(site.modules, installation.modules),
          editions: known(site.editions, installation.editions),
        }
      : null,
    version: version ?? null,
    unknownModules: unknown(site.modules, installation.modules),
    unknownEditions: unknown(site.editions, installation.editions),
  };
}

/** Where a version stands for an installation: the one installed, one already behind it, or new for it. */
export type VersionStanding = 'installed' | 'behind' | 'new';

/** A version's standing, by the site's version order (`versions` oldest first, slugs). */
export function versionStanding(
  versions: readonly string[],
  installedSlug: string,
  slug: string,
): VersionStanding | null {
  const installed = versions.indexOf(installedSlug);
  const at = versions.indexOf(slug);
  if (installed < 0 || at < 0) return null;
  return at === installed ? 'installed' : at < installed ? 'behind' : 'new';
}

/** Whether a change concerns an installation: the same module and edition rules as a path's checklist. */
export function concerns(
  entry: Pick<EntryRecord, 'modules' | 'editions'>,
  installation: Pick<Installation, 'modules' | 'editions'>,
): boolean {
  return listedModule(entry, installation.modules) !== null && inEditions(entry, installation.editions);
}

/**
 * The stored form (localStorage) is `{ v: 1, installed, modules, editions }`, versioned so a
 * later shape can read an older one. Checked by hand rather than with a zod schema: every
 * page's header reads it, and zod would be most of that page's script.
 */
const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The text an installation is stored as. */
export function storedInstallation(installation: Installation): string {
  return JSON.stringify({ v: 1, ...installation });
}

/** An installation read back from storage; null when there is none or it is not one (never a throw). */
export function readStoredInstallation(text: string | null): Installation | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { v, installed, modules, editions } = value as Record<string, unknown>;
  if (v !== 1 || typeof installed !== 'string' || installed === '' || !strings(modules) || !strings(editions))
    return null;
  return { installed, modules, editions };
}
