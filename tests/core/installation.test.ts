import { describe, expect, it } from 'vitest';
import {
  checkInstallation,
  concerns,
  installationFromParams,
  installationToParams,
  readStoredInstallation,
  storedInstallation,
  versionStanding,
  type InstallationSite,
} from '../../src/core/installation.ts';

const site: InstallationSite = {
  versions: [
    { version: '15.0.0', slug: '15.0.0', status: 'published' },
    { version: '15.30.02/DU3', slug: '15.30.02-DU3', status: 'published' },
    { version: '16.0.0', slug: '16.0.0', status: 'withdrawn' },
  ],
  modules: [
    { id: 'facturation', label: 'Facturation' },
    { id: 'ventes', label: 'Ventes' },
  ],
  editions: [{ id: 'entreprise', label: 'Entreprise' }],
};

describe('an installation in an address', () => {
  it('reads installed, modules and editions (comma lists or repeated, trimmed, once each)', () => {
    const params = new URLSearchParams(
      'installed=%2015.0.0%20&modules=facturation,ventes&modules=ventes&editions=entreprise',
    );
    expect(installationFromParams(params)).toEqual({
      installed: '15.0.0',
      modules: ['facturation', 'ventes'],
      editions: ['entreprise'],
    });
  });

  it('is none without an installed version', () => {
    expect(installationFromParams(new URLSearchParams('modules=ventes'))).toBeNull();
    expect(installationFromParams(new URLSearchParams('installed='))).toBeNull();
  });

  it('round-trips through the link an IT department hands out, empty lists left out', () => {
    const installation = { installed: '15.30.02/DU3', modules: ['ventes'], editions: [] };
    const params = installationToParams(installation);
    expect(params.toString()).toBe('installed=15.30.02%2FDU3&modules=ventes');
    expect(installationFromParams(params)).toEqual(installation);
  });
});

describe('checking an installation against the site', () => {
  it('finds the version by its text or its URL form and names the modules and editions it does not know', () => {
    const checked = checkInstallation(
      { installed: '15.30.02-DU3', modules: ['ventes', 'paie'], editions: ['entreprise', 'pme'] },
      site,
    );
    expect(checked.installation).toEqual({ installed: '15.30.02/DU3', modules: ['ventes'], editions: ['entreprise'] });
    expect(checked.version?.slug).toBe('15.30.02-DU3');
    expect(checked.unknownModules).toEqual(['paie']);
    expect(checked.unknownEditions).toEqual(['pme']);
  });

  it('keeps nothing for a version the site does not have', () => {
    const checked = checkInstallation({ installed: '9.9.9', modules: [], editions: [] }, site);
    expect(checked.installation).toBeNull();
    expect(checked.version).toBeNull();
  });
});

describe('where a version stands', () => {
  const order = site.versions.map((v) => v.slug);
  it('is installed, behind or new by the site’s order', () => {
    expect(versionStanding(order, '15.30.02-DU3', '15.30.02-DU3')).toBe('installed');
    expect(versionStanding(order, '15.30.02-DU3', '15.0.0')).toBe('behind');
    expect(versionStanding(order, '15.30.02-DU3', '16.0.0')).toBe('new');
    expect(versionStanding(order, 'nope', '16.0.0')).toBeNull();
  });
});

describe('which changes concern an installation', () => {
  it('follows the checklist’s module and edition rules', () => {
    const mine = { modules: ['ventes'], editions: ['entreprise'] };
    expect(concerns({ modules: ['ventes', 'stocks'], editions: [] }, mine)).toBe(true);
    expect(concerns({ modules: ['stocks'], editions: [] }, mine)).toBe(false);
    expect(concerns({ modules: ['ventes'], editions: ['standard'] }, mine)).toBe(false);
    expect(concerns({ modules: ['stocks'], editions: ['standard'] }, { modules: [], editions: [] })).toBe(true);
  });
});

describe('the stored installation', () => {
  it('round-trips', () => {
    const installation = { installed: '15.0.0', modules: ['ventes'], editions: [] };
    expect(readStoredInstallation(storedInstallation(installation))).toEqual(installation);
  });

  it('reads anything else as none, never throwing', () => {
    for (const text of [null, '', '{', 'null', '[]', '{"v":2,"installed":"1","modules":[],"editions":[]}', '{"v":1}'])
      expect(readStoredInstallation(text)).toBeNull();
  });
});
