import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  DEFAULT_VERSION_WORDS,
  isVersion,
  parseVersion,
  sortByVersion,
  urlSafeVersion,
} from '../../src/core/versions.ts';

/** The contract's example, in its order. */
const ORDERED = [
  '14.2',
  '14.10.1',
  '15.0.0-rc.1',
  '15.0.0',
  '15.00.0B',
  '15.3.0',
  '15.30.02',
  '15.30.02/DU1',
  '15.30.02/DU3',
  '15.30.03',
  'v16.0.0',
  '2024.10.1',
  'A1.00.00',
  'A1.01.02',
];

describe('version order', () => {
  it.each(ORDERED.slice(0, -1).map((v, i) => [v, ORDERED[i + 1]!]))('%s < %s', (lower, higher) => {
    expect(compareVersions(lower, higher)).toBeLessThan(0);
    expect(compareVersions(higher, lower)).toBeGreaterThan(0);
  });

  it('sorts the contract example from any starting order', () => {
    const shuffled = [...ORDERED].reverse();
    shuffled.push(shuffled.splice(3, 1)[0]!);
    expect(sortByVersion(shuffled, (v) => v)).toEqual(ORDERED);
  });

  it.each([
    ['15.3', '15.3.0'],
    ['16.0.0', 'v16.0.0'],
    ['15.0B', '15.0b'],
    ['15.30.02/DU3', '15.30.02-DU3'],
    ['15', '15.0.0'],
    ['15.00', '15.0'],
  ])('%s equals %s', (a, b) => {
    expect(compareVersions(a, b)).toBe(0);
  });

  it.each([
    ['15.00.09', '15.00.0A'],
    ['15.00.0A', '15.00.0B'],
    ['15.9.2', '15.10.0'],
    ['2024', 'A1'],
    ['A1', 'A2'],
    ['A2', 'B1'],
    ['15.3', '15.3.0B'],
    ['15.0.0-alpha', '15.0.0-beta2'],
    ['15.0.0-beta2', '15.0.0-beta.10'],
    ['15.0.0-beta.10', '15.0.0-rc.1'],
    ['15.0.0-rc.1', '15.0.0-rc2'],
    ['14.9.9', '15.0.0-alpha'],
    ['15.0.0', '15.0.0-hotfix1'],
    ['15.0.0/DU9', '15.0.1'],
    ['15.30.02/DU1', '15.30.02/DU10'],
  ])('%s < %s', (lower, higher) => {
    expect(compareVersions(lower, higher)).toBeLessThan(0);
    expect(compareVersions(higher, lower)).toBeGreaterThan(0);
  });

  it('reads suffix words from settings', () => {
    const words = { preRelease: ['preview'], postRelease: ['SP'] };
    expect(compareVersions('15.0.0-preview1', '15.0.0', words)).toBeLessThan(0);
    expect(compareVersions('15.0.0/SP2', '15.0.1', words)).toBeLessThan(0);
    expect(compareVersions('15.0.0', '15.0.0/SP2', words)).toBeLessThan(0);
  });

  it('puts strings that are not versions after every version', () => {
    expect(compareVersions('latest', '99.0')).toBeGreaterThan(0);
    expect(compareVersions('99.0', 'latest')).toBeLessThan(0);
  });
});

describe('what is a version', () => {
  it.each(ORDERED)('%s is a version', (v) => {
    expect(isVersion(v)).toBe(true);
  });

  it.each([
    '15.x',
    'latest',
    '..',
    '',
    'v',
    '15..3',
    '15.3.',
    'ABCD1.0',
    '15.3+build',
    '15 3',
    '15.0.0-rc.1.2',
    '15.0-rc-x',
  ])('%j is not a version', (v) => {
    expect(isVersion(v)).toBe(false);
  });

  it('keeps segments as written and drops only the leading v', () => {
    expect(parseVersion('v16.0.0')?.segments).toEqual(['16', '0', '0']);
    expect(parseVersion('A1.00.00')?.segments).toEqual(['A1', '00', '00']);
  });
});

describe('URL-safe form', () => {
  it.each([
    ['15.30.02/DU3', '15.30.02-DU3'],
    ['15.3.0', '15.3.0'],
    ['A1 00+x', 'A1-00-x'],
  ])('%s → %s', (v, safe) => {
    expect(urlSafeVersion(v)).toBe(safe);
  });
});

describe('versioning: semver', () => {
  const SEMVER = { ...DEFAULT_VERSION_WORDS, versioning: 'semver' as const };
  /** SemVer 2.0's own precedence example (§11), then npm-style pre-releases. */
  const SEMVER_ORDERED = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '9.0.0-0',
    '9.0.0-1',
    '9.0.0-10',
    'v9.0.0',
    '10.0.0',
  ];

  it.each(SEMVER_ORDERED.slice(0, -1).map((v, i) => [v, SEMVER_ORDERED[i + 1]!]))('%s < %s', (lower, higher) => {
    expect(compareVersions(lower, higher, SEMVER)).toBeLessThan(0);
    expect(compareVersions(higher, lower, SEMVER)).toBeGreaterThan(0);
  });

  it('orders pre-releases the default order cannot tell apart or puts after the release', () => {
    expect(compareVersions('9.0.0-0', '9.0.0')).toBeGreaterThanOrEqual(0);
    expect(compareVersions('9.0.0-0', '9.0.0', SEMVER)).toBeLessThan(0);
  });

  it.each([
    ['1.2.3', 'v1.2.3'],
    ['1.2.3+build.5', '1.2.3'],
    ['1.2.3+a', '1.2.3+b'],
    ['2.0.0-rc.1+x', 'v2.0.0-rc.1'],
  ])('%s equals %s (leading v and build metadata ignored)', (a, b) => {
    expect(compareVersions(a, b, SEMVER)).toBe(0);
  });

  it.each(['1.2.3', 'v1.2.3', '1.0.0-0', '1.0.0-alpha.beta+exp.sha.5114f85', '10.20.30'])('%s is a SemVer', (v) => {
    expect(isVersion(v, SEMVER)).toBe(true);
  });

  it.each(['1.2', '15.30.02/DU3', '01.2.3', '1.2.3-', ' 1.2.3', '=1.2.3', 'V1.2.3', '1.2.3-01', 'latest', ''])(
    '%j is not a SemVer',
    (v) => {
      expect(isVersion(v, SEMVER)).toBe(false);
    },
  );

  it('puts strings that are not SemVer after every version', () => {
    expect(compareVersions('1.2', '99.0.0', SEMVER)).toBeGreaterThan(0);
    expect(compareVersions('99.0.0', '1.2', SEMVER)).toBeLessThan(0);
  });
});
