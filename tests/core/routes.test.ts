import { describe, expect, it } from 'vitest';
import { caseCollisions, hostKey, reservedNameOf, VERSION_FOLDER_NAMES } from '../../src/core/routes.ts';

describe('the names a version folder holds besides its entries', () => {
  it('are its page, its assets and its checklist in each downloadable format', () => {
    expect(VERSION_FOLDER_NAMES).toEqual(['index.html', 'assets', 'checklist.csv', 'checklist.xlsx', 'checklist.md']);
  });

  it.each([
    ['checklist.csv', 'checklist.csv'],
    ['Checklist.XLSX', 'checklist.xlsx'],
    ['checklist.md..', 'checklist.md'],
    ['INDEX.html', 'index.html'],
    ['assets', 'assets'],
    ['ASSETS.', 'assets'],
    ['checklist', null],
    ['checklist.json', null],
    ['assets-2', null],
    ['GES-4521', null],
    ['CON', 'CON'],
    ['nul.txt', 'NUL'],
    ['Com1', 'COM1'],
    ['lpt9.a.b', 'LPT9'],
    ['console', null],
    ['AUX-12', null],
    ['com10', null],
  ])('an entry id %j takes the place of %j', (id, reserved) => {
    expect(reservedNameOf(id)?.name ?? null).toBe(reserved);
  });

  it('tells the version folder’s own names from Windows device names', () => {
    expect(reservedNameOf('checklist.csv')?.kind).toBe('route');
    expect(reservedNameOf('nul')?.kind).toBe('device');
  });
});

describe('names on a case-insensitive host', () => {
  it('ignore case and the dots that end them', () => {
    expect(hostKey('GES-1')).toBe(hostKey('ges-1'));
    expect(hostKey('GES-1.')).toBe(hostKey('ges-1'));
    expect(hostKey('GES-1')).not.toBe(hostKey('GES-11'));
    expect(hostKey('a.b')).not.toBe(hostKey('ab'));
  });

  it('group the things whose names collide, each name once', () => {
    const names = ['GES-1', 'ges-1', 'GES-2', 'GES-1', 'Ges-1.', 'GES-3'];
    expect(caseCollisions(names, (n) => n)).toEqual([['GES-1', 'ges-1', 'Ges-1.']]);
  });

  it('reads a megabyte of dots in one pass', () => {
    expect(hostKey(`a${'.'.repeat(1 << 20)}`)).toBe('a');
  });
});
