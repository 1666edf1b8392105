import matter from 'gray-matter';
import { FILE_START, type DiagnosticList } from '../diagnostics.ts';
import { isPlainMap, readYaml, type PlainMap, type YamlText } from './yaml.ts';

export interface FrontMatter {
  /** The front matter's mapping (empty when the file has none). */
  data: PlainMap;
  yaml: YamlText | null;
  /** The Markdown after the front matter. */
  body: string;
  /** Line of the file where `body` starts (1-based). */
  bodyLine: number;
}

/** Raised inside gray-matter so that a front matter language other than YAML is never run. */
class RefusedLanguage extends Error {}

const refuse = () => {
  throw new RefusedLanguage();
};

const OPENING = /^---[^\n]*\n/;
const CLOSING = /\n---[ \t]*(\n|$)/;

/**
 * Splits a Markdown file into front matter and body with gray-matter, reading the front
 * matter with the position-keeping YAML reader. Only YAML is accepted: gray-matter's other
 * engines (JavaScript among them, which would run code) are replaced by a refusal.
 * Returns null, after reporting, when the front matter cannot be used.
 */
export function readFrontMatter(text: string, file: string, diagnostics: DiagnosticList): FrontMatter | null {
  if (OPENING.test(text) && !CLOSING.test(text.slice(text.indexOf('\n')))) {
    diagnostics.error(
      'front-matter-unclosed',
      file,
      FILE_START,
      'The front matter opens with `---` but has no closing `---` line',
    );
    return null;
  }

  let parsed: matter.GrayMatterFile<string>;
  let yaml: YamlText | null = null;
  let failed = false;
  try {
    parsed = matter(text, {
      language: 'yaml',
      engines: {
        yaml: (source: string) => {
          yaml = readYaml(source, file, diagnostics, 1);
          if (!yaml) failed = true;
          return {};
        },
        json: refuse,
        js: refuse,
        javascript: refuse,
        toml: refuse,
        coffee: refuse,
        coffeescript: refuse,
      },
    });
  } catch (error) {
    const language = /^---\s*(\S+)/.exec(text)?.[1] ?? 'unknown';
    if (!(error instanceof RefusedLanguage) && !/not registered/.test(String(error))) throw error;
    diagnostics.error(
      'front-matter-language',
      file,
      { line: 1, column: 4 },
      `The front matter is declared as "${language}"; only YAML is accepted: start the file with a plain \`---\` line`,
    );
    return null;
  }
  if (failed) return null;

  const value = (yaml as YamlText | null)?.value ?? null;
  if (value !== null && !isPlainMap(value)) {
    diagnostics.error(
      'front-matter-not-mapping',
      file,
      (yaml as YamlText | null)?.at([]) ?? FILE_START,
      'The front matter must be a mapping of keys to values (`title: …` on its own line)',
    );
    return null;
  }

  const body = parsed.content;
  const bodyOffset = text.length - body.length;
  const bodyLine = text.slice(0, bodyOffset).split('\n').length;
  return { data: value ?? Object.create(null), yaml, body, bodyLine };
}
