/** The formats of `roadbook check --format`, each read back with a parser of its own kind. */
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../../src/core/diagnostics.ts';
import { CHECK_FORMAT_IDS, checkFormat, type CheckReport } from '../../../src/core/diagnostics-format/index.ts';
import { formatGithub } from '../../../src/core/diagnostics-format/github.ts';
import { formatGitlab } from '../../../src/core/diagnostics-format/gitlab.ts';
import { formatJson } from '../../../src/core/diagnostics-format/json.ts';
import { formatSarif } from '../../../src/core/diagnostics-format/sarif.ts';
import { formatText } from '../../../src/core/diagnostics-format/text.ts';
import { readWorkflowCommands } from '../../helpers/github-commands.ts';
import { sarifErrors } from '../../helpers/sarif-schema.ts';

const diagnostics: Diagnostic[] = [
  {
    file: 'content/versions/15.3.0/a,b:c%.md',
    line: 3,
    column: 7,
    endLine: 3,
    endColumn: 12,
    severity: 'error',
    code: 'unknown-type',
    message: '`type` "nope" is 100% wrong:\r\nuse one of: a, b',
  },
  {
    file: 'content/versions/15.3.0/été 1.md',
    line: 1,
    column: 1,
    severity: 'warning',
    code: 'unknown-key',
    message: 'Unknown key `titel`: did you mean `title`?',
  },
];

const report: CheckReport = {
  diagnostics,
  errorCount: 1,
  warningCount: 1,
  counts: { versions: 2, entries: 5, items: 9 },
  rootPath: 'docs/roadbook',
  toolVersion: '1.2.3',
};

const empty: CheckReport = { ...report, diagnostics: [], errorCount: 0, warningCount: 0 };

describe('check formats', () => {
  it('are text, json, github, sarif and gitlab; text for people on stderr, the others on stdout', () => {
    expect(CHECK_FORMAT_IDS).toEqual(['text', 'json', 'github', 'sarif', 'gitlab']);
    expect(checkFormat('text')!.stream).toBe('stderr');
    for (const id of ['json', 'github', 'sarif', 'gitlab']) expect(checkFormat(id)!.stream).toBe('stdout');
  });

  it('text: a line per problem, then the counts', () => {
    const lines = formatText(report).split('\n');
    expect(lines[0]).toBe('content/versions/15.3.0/a,b:c%.md:3:7  error  `type` "nope" is 100% wrong:\r');
    expect(formatText(report).trimEnd().split('\n').at(-1)).toBe(
      '2 versions, 5 entries, 9 verification items: 1 error, 1 warning',
    );
    expect(formatText(empty)).toBe('2 versions, 5 entries, 9 verification items: 0 errors, 0 warnings\n');
  });

  it('json: every diagnostic as data, end when known, and the counts', () => {
    const json = JSON.parse(formatJson(report));
    expect(json).toEqual({
      format: 'roadbook-check',
      version: 1,
      root: 'docs/roadbook',
      counts: { versions: 2, entries: 5, items: 9, errors: 1, warnings: 1 },
      diagnostics: [
        { ...diagnostics[0] },
        {
          file: 'content/versions/15.3.0/été 1.md',
          line: 1,
          column: 1,
          severity: 'warning',
          code: 'unknown-key',
          message: 'Unknown key `titel`: did you mean `title`?',
        },
      ],
    });
    expect(JSON.parse(formatJson({ ...empty, rootPath: '' }))).toMatchObject({ root: '.', diagnostics: [] });
  });

  it('github: one workflow command per problem, escaped so the runner reads back file, position, code and message', () => {
    const { commands, plain } = readWorkflowCommands(formatGithub(report));
    expect(commands).toEqual([
      {
        command: 'error',
        properties: {
          file: 'docs/roadbook/content/versions/15.3.0/a,b:c%.md',
          line: '3',
          col: '7',
          endLine: '3',
          endColumn: '12',
          title: 'unknown-type',
        },
        message: '`type` "nope" is 100% wrong:\r\nuse one of: a, b',
      },
      {
        command: 'warning',
        properties: {
          file: 'docs/roadbook/content/versions/15.3.0/été 1.md',
          line: '1',
          col: '1',
          title: 'unknown-key',
        },
        message: 'Unknown key `titel`: did you mean `title`?',
      },
    ]);
    expect(plain).toEqual(['roadbook check: 1 error, 1 warning']);
    // One command per line: the message's line break is escaped, not written.
    expect(formatGithub(report).split('\n')[0]).toMatch(/wrong:%0D%0Ause one of: a, b$/);
    expect(formatGithub(report).split('\n')[0]).toContain(
      'file=docs/roadbook/content/versions/15.3.0/a%2Cb%3Ac%25.md,',
    );
  });

  it('sarif: valid against the SARIF 2.1.0 schema, rules from the codes, results with regions and relative URIs', () => {
    const log = JSON.parse(formatSarif(report));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'roadbook', version: '1.2.3' });
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string } }[];
    expect(rules.map((r) => r.id)).toEqual(Object.keys(DIAGNOSTIC_CODES));
    expect(rules.find((r) => r.id === 'unknown-type')!.shortDescription.text).toBe(DIAGNOSTIC_CODES['unknown-type']);
    expect(run.results).toHaveLength(2);
    const [first, second] = run.results;
    expect(first).toMatchObject({
      ruleId: 'unknown-type',
      level: 'error',
      message: { text: diagnostics[0]!.message },
    });
    expect(rules[first.ruleIndex]!.id).toBe('unknown-type');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/roadbook/content/versions/15.3.0/a%2Cb%3Ac%25.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 12 },
    });
    expect(second.level).toBe('warning');
    const uri = second.locations[0].physicalLocation.artifactLocation.uri as string;
    expect(decodeURIComponent(uri)).toBe('docs/roadbook/content/versions/15.3.0/été 1.md');
    expect(new URL(uri, 'file:///repo/').pathname).toBe(
      '/repo/docs/roadbook/content/versions/15.3.0/%C3%A9t%C3%A9%201.md',
    );
    expect(second.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  it('sarif: a clean road book is a valid log with no results', () => {
    const log = JSON.parse(formatSarif(empty));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
  });

  it('gitlab: a Code Quality report, one issue per problem with a distinct, stable fingerprint', () => {
    const issues = JSON.parse(formatGitlab(report));
    expect(issues).toHaveLength(2);
    expect(issues[0]).toEqual({
      description: diagnostics[0]!.message,
      check_name: 'unknown-type',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'major',
      location: { path: 'docs/roadbook/content/versions/15.3.0/a,b:c%.md', lines: { begin: 3 } },
    });
    expect(issues[1]).toMatchObject({ check_name: 'unknown-key', severity: 'minor' });
    expect(issues[0].fingerprint).not.toBe(issues[1].fingerprint);
    expect(JSON.parse(formatGitlab(report))[0].fingerprint).toBe(issues[0].fingerprint);
    expect(JSON.parse(formatGitlab(empty))).toEqual([]);
  });

  it('the schema check can fail', () => {
    const log = JSON.parse(formatSarif(report));
    log.runs[0].results[0].level = 'fatal';
    expect(sarifErrors(log).length).toBeGreaterThan(0);
    const badUri = JSON.parse(formatSarif(report));
    badUri.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri = 'a b\\c';
    expect(sarifErrors(badUri).join('\n')).toMatch(/uri-reference/);
  });
});
