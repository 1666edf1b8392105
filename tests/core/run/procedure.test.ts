import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../src/core/checklist/index.ts';
import { isProcedureItem, PROCEDURE_STEPS, procedureItems } from '../../../src/core/run/procedure.ts';
import { checklist, source, TARGET_SHA, versionsWithInstaller } from './fixture.ts';

describe('the deployment procedure around a checklist', () => {
  const c = checklist();
  const { before, after } = procedureItems(c);

  it('has the seven steps of checklist.md in order; four of them are items with a status', () => {
    expect(PROCEDURE_STEPS.map((s) => s.key)).toEqual([
      'copy-data',
      'install-test',
      'changes',
      'processes',
      'sign-off',
      'archive',
      'install-production',
    ]);
    expect(before.map((i) => i.id)).toEqual(['procedure:copy-data', 'procedure:install-test']);
    expect(after.map((i) => i.id)).toEqual(['procedure:archive', 'procedure:install-production']);
    for (const item of [...before, ...after]) {
      expect(isProcedureItem(item.id)).toBe(true);
      expect(item).toMatchObject({
        entry: null,
        process: null,
        module: null,
        url: null,
        priority: 'critical',
        version: '15.3.0',
      });
      expect(item.hash).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(isProcedureItem('GES-100#remise')).toBe(false);
  });

  it('names the versions and the installer to archive, with its SHA-256', () => {
    expect(before[0]!.expect).toContain('15.1.0');
    expect(before[1]!.step).toBe('Installer la version 15.3.0 sur le serveur de test');
    expect(before[1]!.setup).toBe(
      `Installateur de la version 15.3.0 : Gestan_15.3.0_setup.exe (SHA-256 ${TARGET_SHA})`,
    );
    // The path changes data: the installation step says the migrations must end without error.
    expect(before[1]!.expect).toMatch(
      /migrations de données se terminent sans erreur \(modifications des données sur le parcours : \d+\)/,
    );
    expect(after[0]!.step).toBe(
      "Archiver les données de la version en production et l'installateur de la version 15.3.0",
    );
    expect(after[0]!.expect).toContain('Gestan_15.3.0_setup.exe');
    expect(after[0]!.setup).toContain(TARGET_SHA);
    // The installer of the version in production (15.1.0) is the only way back: keep it.
    expect(after[0]!.setup).toContain('Gestan_15.1.0_setup.exe');
    expect(after[1]!.expect).toBe("Le programme s'ouvre sur les données de production");
  });

  it('says when an intermediate installation is needed', () => {
    const c2 = buildChecklist(source(), { from: '14.0.0', to: '15.3.0' });
    const { before: b2 } = procedureItems(c2);
    expect(b2[1]!.step).toBe('Installer la version 15.0.0, puis la version 15.3.0, sur le serveur de test');
    expect(b2[1]!.setup).toContain(c2.warnings[0]!.message);
    // GES-200 (15.1.0) asks for an action: installing in production includes it.
    expect(procedureItems(c2).after[1]!.expect).toMatch(/actions requises \(1\)/);
  });

  it('changes its hash when the installer is republished (the step is then flagged "changed since")', () => {
    const other = procedureItems(checklist({ versions: versionsWithInstaller('c'.repeat(64)) }));
    expect(other.before[1]!.hash).not.toBe(before[1]!.hash);
    expect(other.before[0]!.hash).toBe(before[0]!.hash);
  });

  it('speaks the language asked', () => {
    const en = procedureItems(c, 'en');
    expect(en.before[1]!.step).toBe('Install version 15.3.0 on the test server');
    expect(en.after[1]!.step).toBe('Install version 15.3.0 in production');
  });
});
