/** The text of a changelog heading, read as a version, the unreleased changes or neither. */
import { describe, expect, it } from 'vitest';
import { readVersionHeading } from '../../../src/core/import/changelog-heading.ts';

describe('version headings', () => {
  it.each([
    ['[1.2.0] - 2024-01-02', '1.2.0', '2024-01-02'],
    ['[1.2.0] (2024-01-02)', '1.2.0', '2024-01-02'],
    ['1.2.0 / 2024-01-02', '1.2.0', '2024-01-02'],
    ['1.2.0', '1.2.0', null],
    ['[1.2.0]', '1.2.0', null],
    ['v2.0.0 (2024-03-15)', 'v2.0.0', '2024-03-15'],
    ['[4.0.0-1] Prerelease (2019-10-08)', '4.0.0-1', '2019-10-08'],
    ['3.0.0-0 Prerelease / 2019-07-28', '3.0.0-0', '2019-07-28'],
    ['[7.37.5] - 2025.04.03', '7.37.5', '2025-04-03'],
    ['15.30.02/DU3 - 2024-01-02', '15.30.02/DU3', '2024-01-02'],
  ])('reads %j', (text, version, date) => {
    expect(readVersionHeading(text)).toMatchObject({ kind: 'version', version, date, yanked: false });
  });

  it('reads [YANKED] and Unreleased', () => {
    expect(readVersionHeading('[3.0.0] - 2024-06-01 [YANKED]')).toMatchObject({ version: '3.0.0', yanked: true });
    expect(readVersionHeading('[Unreleased]').kind).toBe('unreleased');
    expect(readVersionHeading('Unreleased').kind).toBe('unreleased');
    expect(readVersionHeading('[Non publié]').kind).toBe('unreleased');
  });

  it.each(['Older releases', 'Changelog', '2024-01-02', 'latest', 'Version history'])(
    '%j is not a version heading',
    (text) => {
      expect(readVersionHeading(text).kind).toBe('other');
    },
  );
});
