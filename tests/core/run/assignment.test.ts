import { describe, expect, it } from 'vitest';
import {
  applyAssignment,
  ASSIGNMENT_URL_LIMIT,
  assignedItems,
  assignedOrder,
  assignmentFileName,
  assignmentFileText,
  assignmentLink,
  isAssignmentLink,
  itemOwner,
  makeAssignment,
  mergedAssignments,
  parseAssignmentFile,
  parseAssignmentLink,
  unassignedItems,
  type Assignment,
} from '../../../src/core/run/assignment.ts';
import { importRuns, mergeRun } from '../../../src/core/run/merge.ts';
import type { RunAssignment } from '../../../src/core/run/types.ts';
import { parseProgressFile, parseSavedRun, progressFileText, serializeRun } from '../../../src/core/run/saved.ts';
import { runView } from '../../../src/core/run/view.ts';
import { checklist, procedure, run, SCOPE } from './fixture.ts';

const NOW = new Date('2026-05-21T08:00:00.000Z');
const PAGE = 'https://recette.example.com/roadbook/checklist/';
const c = checklist();
const view = runView(c, procedure(c));

/** Marie gets facturation and the procedure steps, plus the process step one by one. */
function marie(): Assignment {
  return makeAssignment(
    run({ id: 'team-run', name: 'Recette 15.3 équipe' }),
    '  Marie Curie ',
    { modules: ['facturation', 'facturation'], groups: ['@procedure'], items: ['process:cloture#1', ' '] },
    NOW,
  );
}

describe('makeAssignment', () => {
  it('names the run, its path and the tester, each id once', () => {
    expect(marie()).toEqual({
      run: { id: 'team-run', name: 'Recette 15.3 équipe', request: run().request },
      tester: 'Marie Curie',
      assigned: { modules: ['facturation'], groups: ['@procedure'], items: ['process:cloture#1'] },
      created: '2026-05-21T08:00:00.000Z',
    });
  });
});

describe('the assignment file', () => {
  it('is JSON with its format and version, and reads back the same', () => {
    const text = assignmentFileText(marie(), SCOPE);
    expect(JSON.parse(text)).toMatchObject({
      format: 'roadbook-assignment',
      version: 1,
      product: 'Gestan',
      base: '/roadbook/',
    });
    const parsed = parseAssignmentFile(text, SCOPE, 'fr');
    expect(parsed).toEqual({ ok: true, assignment: marie() });
  });

  it.each([
    ['', 'empty', /vide/],
    ['{', 'not-json', /pas du JSON valide/],
    ['[1]', 'not-roadbook', /pas une attribution/],
    ['{"format":"roadbook-progress","version":1}', 'other-kind', /autre type \(roadbook-progress\)/],
    ['{"format":"autre"}', 'not-roadbook', /pas une attribution/],
    ['{"format":"roadbook-assignment","version":2}', 'newer-version', /version 2 ; cette page lit la version 1/],
  ])('refuses %j: %s', (text, code, message) => {
    const parsed = parseAssignmentFile(text, SCOPE, 'fr');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe(code);
      expect(parsed.error.message).toMatch(message);
    }
  });

  it('refuses a file of another product, and says where a file is damaged', () => {
    const file = JSON.parse(assignmentFileText(marie(), SCOPE));
    const other = parseAssignmentFile(JSON.stringify({ ...file, product: 'Autre' }), SCOPE, 'en');
    expect(!other.ok && other.error).toEqual({
      code: 'other-product',
      message: 'It is about the software “Autre”, not “Gestan”.',
    });
    const noTester = parseAssignmentFile(JSON.stringify({ ...file, tester: ' ' }), SCOPE, 'fr');
    expect(!noTester.ok && noTester.error.message).toMatch(/tester: must not be empty/);
    const badRun = parseAssignmentFile(JSON.stringify({ ...file, run: { ...file.run, id: 'a b' } }), SCOPE, 'fr');
    expect(!badRun.ok && badRun.error.message).toMatch(/run\.id: must be a run id/);
  });

  it('is recognised, and refused, by the progress import', () => {
    const parsed = parseProgressFile(assignmentFileText(marie(), SCOPE), SCOPE, 'fr');
    expect(!parsed.ok && parsed.error.code).toBe('other-kind');
  });
});

describe('the assignment link', () => {
  it('is the checklist page with the path and the assignment in its query, and reads back the same', () => {
    const link = assignmentLink(marie(), PAGE, 'fr');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const url = new URL(link.url);
    expect(url.origin + url.pathname).toBe(PAGE);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      assign: '1',
      run: 'team-run',
      name: 'Recette 15.3 équipe',
      tester: 'Marie Curie',
      from: '15.1.0',
      to: '15.3.0',
      modules: 'facturation,comptabilite',
      processes: 'cloture',
      'assign-modules': 'facturation',
      'assign-groups': '@procedure',
      'assign-items': 'process:cloture#1',
      created: '2026-05-21T08:00:00.000Z',
    });
    expect(isAssignmentLink(url.searchParams)).toBe(true);
    expect(parseAssignmentLink(url.searchParams, SCOPE, 'fr')).toEqual({ ok: true, assignment: marie() });
  });

  it('is not offered over the length limit, nor for a company process', () => {
    const many = makeAssignment(run(), 'Paul', { items: Array.from({ length: 200 }, (_, i) => `GES-${i}#etape`) }, NOW);
    const long = assignmentLink(many, PAGE, 'fr');
    expect(long.ok).toBe(false);
    expect(!long.ok && long.reason).toBe('too-long');
    expect(!long.ok && long.message).toMatch(new RegExp(`au plus ${ASSIGNMENT_URL_LIMIT}`));
    const own = makeAssignment(
      run({ request: { ...run().request, processes: [{ id: 'maison', label: 'Maison', modules: [], steps: ['A'] }] } }),
      'Paul',
      { modules: ['facturation'] },
      NOW,
    );
    const company = assignmentLink(own, PAGE, 'fr');
    expect(!company.ok && company.reason).toBe('company-process');
    // The file carries it.
    expect(parseAssignmentFile(assignmentFileText(own, SCOPE), SCOPE, 'fr').ok).toBe(true);
  });

  it('says which part of a link is missing', () => {
    const link = assignmentLink(marie(), PAGE, 'fr');
    const params = new URL(link.ok ? link.url : PAGE).searchParams;
    params.delete('tester');
    const parsed = parseAssignmentLink(params, SCOPE, 'fr');
    expect(!parsed.ok && parsed.error).toEqual({
      code: 'invalid',
      message: "Ce lien d'attribution est incomplet (tester: missing).",
    });
    const newer = parseAssignmentLink(new URLSearchParams('assign=3&run=r&tester=a&to=1&created=x'), SCOPE, 'fr');
    expect(!newer.ok && newer.error.code).toBe('newer-version');
    expect(isAssignmentLink(new URLSearchParams('to=15.3.0'))).toBe(false);
  });
});

describe('applying an assignment', () => {
  it('creates the run of that id in a browser that does not have it', () => {
    const created = applyAssignment(marie(), undefined, NOW);
    expect(created).toEqual({
      id: 'team-run',
      name: 'Recette 15.3 équipe',
      created: '2026-05-21T08:00:00.000Z',
      updated: '2026-05-21T08:00:00.000Z',
      buildId: null,
      request: run().request,
      results: {},
      signOff: null,
      assignment: {
        tester: 'Marie Curie',
        modules: ['facturation'],
        groups: ['@procedure'],
        items: ['process:cloture#1'],
      },
    });
  });

  it('updates the run of that id, keeping its results', () => {
    const here = run({ id: 'team-run', name: 'ancien nom', results: { 'GES-300#arrondi': { status: 'passed' } } });
    const updated = applyAssignment(marie(), here, NOW);
    expect(updated.results).toEqual(here.results);
    expect(updated.created).toBe(here.created);
    expect(updated.name).toBe('Recette 15.3 équipe');
    expect(updated.assignment?.tester).toBe('Marie Curie');
  });

  it('puts the tester’s items first and marks the others as someone else’s', () => {
    const { assignment } = applyAssignment(marie(), undefined, NOW);
    const { mine, others } = assignedOrder(view.items, assignment);
    expect(mine.map((i) => i.id)).toEqual([
      'procedure:copy-data',
      'procedure:install-test',
      'GES-300#arrondi',
      'GES-500#lettrage-v2',
      'process:cloture#1',
      'procedure:archive',
      'procedure:install-production',
    ]);
    expect(others.map((i) => i.id)).toEqual(['GES-502#valorisation']);
    expect(others.map((i) => itemOwner(i, assignment))).toEqual(['other']);
    expect(itemOwner(mine[2]!, assignment)).toBe('mine');
    expect(itemOwner(mine[2]!, undefined)).toBeNull();
    expect(assignedOrder(view.items, undefined).others).toEqual([]);
  });

  it('assigns a whole group: the strategic processes, or one process', () => {
    for (const group of ['@processes', 'process:cloture']) {
      const a = makeAssignment(run(), 'Paul', { groups: [group] }, NOW);
      const { assignment } = applyAssignment(a, undefined, NOW);
      expect(assignedOrder(view.items, assignment).mine.map((i) => i.id)).toEqual(['process:cloture#1']);
    }
  });

  it('keeps the assignment in the browser’s storage and in the progress file', () => {
    const opened = applyAssignment(marie(), undefined, NOW);
    const saved = parseSavedRun(serializeRun(opened, SCOPE), SCOPE, 'fr');
    expect(saved.ok && saved.run.assignment).toEqual(opened.assignment);
    const file = parseProgressFile(progressFileText([opened], { ...SCOPE, buildId: null }, NOW), SCOPE, 'fr');
    expect(file.ok && file.runs[0]!.assignment).toEqual(opened.assignment);
  });
});

const T = '2026-05-21T10:00:00.000Z';
const MARIE: RunAssignment = { tester: 'Marie', modules: ['facturation'], groups: [], items: [] };
const PAUL: RunAssignment = { tester: 'Paul', modules: [], groups: ['@procedure'], items: ['process:cloture#1'] };

describe('the split', () => {
  it('counts each tester’s items and the items nobody has', () => {
    const marie = assignedItems(view.items, MARIE);
    expect(marie.length).toBeGreaterThan(0);
    expect(marie.every((i) => i.module === 'facturation')).toBe(true);
    const nobody = unassignedItems(view.items, [MARIE, PAUL]);
    expect(nobody.every((i) => i.module !== 'facturation' && !i.id.startsWith('procedure:'))).toBe(true);
    expect(nobody.map((i) => i.id)).not.toContain('process:cloture#1');
    expect(nobody.length + assignedItems(view.items, MARIE).length + assignedItems(view.items, PAUL).length).toBe(
      view.items.length,
    );
  });

  it('names the file after the path and the tester', () => {
    const a = makeAssignment(run(), 'Marie Curie', MARIE, new Date(T));
    expect(assignmentFileName(a, SCOPE)).toBe('gestan-15.1.0-15.3.0.marie-curie.assignment.json');
  });
});

describe('assignments across merges', () => {
  const leadRun = run({ assignments: [MARIE, PAUL], updated: '2026-05-21T08:00:00.000Z' });
  const paulsRun = run({
    assignment: { ...PAUL },
    updated: '2026-05-21T09:00:00.000Z',
    results: { 'process:cloture#1': { status: 'passed', tester: 'Paul', time: T } },
  });

  it('the lead’s run keeps its split and never becomes a tester’s by importing their file', () => {
    const file = parseProgressFile(progressFileText([paulsRun], { ...SCOPE, buildId: null }, new Date(T)), SCOPE, 'fr');
    expect(file.ok).toBe(true);
    const incoming = file.ok ? file.runs : [];
    expect(incoming[0]!.assignment).toEqual(PAUL);
    const merged = importRuns([leadRun], incoming).runs[0]!;
    expect(merged.assignments).toEqual([MARIE, PAUL]);
    expect(merged).not.toHaveProperty('assignment');
    expect(merged.results['process:cloture#1']).toMatchObject({ tester: 'Paul' });
  });

  it('a tester’s copy keeps its assignment; a copy without one takes the other tab’s', () => {
    expect(mergeRun(paulsRun, run()).run.assignment).toEqual(PAUL);
    expect(mergeRun(run(), paulsRun).run.assignment).toEqual(PAUL);
    expect(mergedAssignments(run({ assignments: [MARIE] }), run({ assignments: [PAUL] }), true)).toEqual({
      assignments: [MARIE, PAUL],
    });
  });
});
