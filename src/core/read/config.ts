import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { LOCALES, type Choice, type Locale, type RoadBookConfig } from '../model.ts';
import { DEFAULT_LOCALE } from '../i18n/translate.ts';
import { DEFAULT_VERSION_WORDS, VERSIONINGS } from '../versions.ts';
import { FILE_START, type DiagnosticList } from '../diagnostics.ts';
import { caseCollisions } from '../routes.ts';
import { id, list, oneOf, text } from './fields.ts';
import { checkMapping, at, type Located } from './schema-check.ts';
import { decodeTextFile } from './text-file.ts';
import { isPlainMap, readYaml } from './yaml.ts';

/** Default entry types, labelled in the interface language. */
const DEFAULT_TYPES: Record<Locale, Choice[]> = {
  fr: [
    { id: 'nouveaute', label: 'Nouveauté' },
    { id: 'evolution', label: 'Évolution' },
    { id: 'correction', label: 'Correction' },
    { id: 'securite', label: 'Sécurité' },
    { id: 'technique', label: 'Technique' },
  ],
  en: [
    { id: 'nouveaute', label: 'New feature' },
    { id: 'evolution', label: 'Improvement' },
    { id: 'correction', label: 'Fix' },
    { id: 'securite', label: 'Security' },
    { id: 'technique', label: 'Technical' },
  ],
};

export const DEFAULT_VERIFY_HEADINGS = ['Vérifications', 'Vérification', 'Verification', 'Checks'];
export const DEFAULT_REQUIRE_VERIFY = ['nouveaute', 'evolution', 'correction'];

/** `{ id, label }`, or a plain id that is its own label. */
const choice = z.union([z.object({ id, label: text }), id.transform((value) => ({ id: value, label: value }))]);

/** roadbook.yml as `check` reads it (src/core/schemas/ publishes it as JSON Schema for editors). */
export const configSchema = z.object({
  product: text.optional(),
  title: text.optional(),
  publisher: text.optional(),
  locale: oneOf(LOCALES).optional(),
  site: z
    .string()
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v), {
      params: { code: 'invalid-value' },
      error: 'must be the absolute address the site is served from, such as https://docs.example.com/roadbook/',
    })
    .optional(),
  base: z
    .string()
    // Segments each closed by their `/`, so the pattern never tries two ways of cutting one
    // text (`([a-z]+\/?)*` does, and takes exponential time on a long base that fails).
    .refine((v) => /^\/?(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*$/.test(v), {
      params: { code: 'invalid-value' },
      error: 'must be a sub-path such as /roadbook/',
    })
    .optional(),
  editions: list(choice).optional(),
  modules: list(choice).optional(),
  types: list(choice).optional(),
  verifyHeadings: list(text).optional(),
  requireVerify: list(text).optional(),
  preRelease: list(text).optional(),
  postRelease: list(text).optional(),
  versioning: oneOf(VERSIONINGS).optional(),
});

export const CONFIG_FILE = 'content/roadbook.yml';

/** Settings when roadbook.yml is absent or unusable. */
export function defaultConfig(locale: Locale = DEFAULT_LOCALE): RoadBookConfig {
  return {
    product: '',
    title: 'Road book',
    publisher: null,
    locale,
    site: null,
    base: '/',
    editions: [],
    modules: null,
    types: DEFAULT_TYPES[locale],
    verifyHeadings: DEFAULT_VERIFY_HEADINGS,
    requireVerify: DEFAULT_REQUIRE_VERIFY,
    preRelease: [...DEFAULT_VERSION_WORDS.preRelease],
    postRelease: [...DEFAULT_VERSION_WORDS.postRelease],
    versioning: 'roadbook',
  };
}

/** `/`, `/roadbook/`: always a leading and a trailing slash. */
export function normaliseBase(base: string): string {
  // Slashes counted off each end rather than matched by `\/+$`, which would rescan a long
  // run of them from each of its slashes.
  let start = 0;
  let end = base.length;
  while (start < end && base[start] === '/') start++;
  while (end > start && base[end - 1] === '/') end--;
  const trimmed = base.slice(start, end);
  return trimmed ? `/${trimmed}/` : '/';
}

/** Reads content/roadbook.yml under `root`; a missing file means every default. */
export async function readConfig(root: string, diagnostics: DiagnosticList): Promise<RoadBookConfig> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(root, CONFIG_FILE));
  } catch {
    return defaultConfig();
  }
  const text = decodeTextFile(bytes, CONFIG_FILE, diagnostics);
  return text === null ? defaultConfig() : parseConfig(text, CONFIG_FILE, diagnostics);
}

export function parseConfig(source: string, file: string, diagnostics: DiagnosticList): RoadBookConfig {
  const yaml = readYaml(source, file, diagnostics);
  if (!yaml) return defaultConfig();
  if (!isPlainMap(yaml.value)) {
    diagnostics.error(
      'front-matter-not-mapping',
      file,
      FILE_START,
      'roadbook.yml must be a mapping of settings (`product: …`)',
    );
    return defaultConfig();
  }
  const where: Located = { file, yaml, diagnostics };
  const raw = checkMapping(configSchema, yaml.value, where);
  if (!raw) return defaultConfig(yaml.value.locale === 'en' ? 'en' : DEFAULT_LOCALE);

  const locale = raw.locale ?? DEFAULT_LOCALE;
  const defaults = defaultConfig(locale);
  const config: RoadBookConfig = {
    ...defaults,
    product: raw.product ?? defaults.product,
    title: raw.title ?? (raw.product ? `Road book ${raw.product}` : defaults.title),
    publisher: raw.publisher ?? null,
    site: raw.site ?? null,
    base: normaliseBase(raw.base ?? '/'),
    editions: raw.editions ?? [],
    modules: raw.modules ?? null,
    types: raw.types ?? defaults.types,
    verifyHeadings: raw.verifyHeadings ?? defaults.verifyHeadings,
    preRelease: raw.preRelease ?? defaults.preRelease,
    postRelease: raw.postRelease ?? defaults.postRelease,
    versioning: raw.versioning ?? defaults.versioning,
  };
  for (const key of ['editions', 'modules', 'types'] as const) {
    const choices = (config[key] ?? []).map((choice, index) => ({ choice, index }));
    const seen = new Set<string>();
    for (const { choice, index } of choices) {
      if (seen.has(choice.id))
        diagnostics.error(
          'duplicate-choice-id',
          file,
          at(where, [key, index]),
          `\`${key}\` lists "${choice.id}" twice`,
        );
      seen.add(choice.id);
    }
    checkChoiceCase(key, choices, where);
  }
  const typeIds = new Set(config.types.map((t) => t.id));
  const requireVerify = raw.requireVerify ?? defaults.requireVerify.filter((t) => typeIds.has(t));
  requireVerify.forEach((t, i) => {
    if (!typeIds.has(t)) {
      diagnostics.error(
        'unknown-type',
        file,
        at(where, ['requireVerify', i]),
        `\`requireVerify\` names "${t}", which is not one of the types (${[...typeIds].join(', ')})`,
      );
    }
  });
  config.requireVerify = requireVerify;
  return config;
}

/**
 * Ids of one closed list that differ only by case (`Paie`, `paie`): a module's page
 * (`/modules/<id>/`) is one file for both on a case-insensitive host, and a path's
 * `modules=`/`editions=` or an entry's `type:` would name either. An error at each id.
 */
function checkChoiceCase(
  key: 'editions' | 'modules' | 'types',
  choices: readonly { choice: Choice; index: number }[],
  where: Located,
): void {
  for (const group of caseCollisions(choices, ({ choice }) => choice.id)) {
    for (const { choice, index } of group) {
      const others = group.filter((other) => other.choice !== choice).map((other) => `"${other.choice.id}"`);
      where.diagnostics.error(
        'case-collision',
        where.file,
        at(where, [key, index, 'id']),
        `\`${key}\` lists "${choice.id}", which differs from ${others.join(', ')} only by case (or the dots that end it): a case-insensitive server or share reads them as one name; change one of the ids`,
      );
    }
  }
}
