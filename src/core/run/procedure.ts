/**
 * The production-deployment procedure around a checklist (checklist.md, "The upgrade path"):
 *
 *   1. copy the production data to a test server          item `procedure:copy-data`
 *   2. install the new version there                      item `procedure:install-test`
 *   3. verify each change of the road book                the checklist's entry items
 *   4. verify the strategic processes                     the checklist's process items
 *   5. final sign-off                                     the sign-off form (no status)
 *   6. archive the production data and the installer     item `procedure:archive`
 *   7. install in production                              item `procedure:install-production`
 *
 * Steps 1, 2, 6 and 7 are items with a status like any other (a copy or an installation can
 * fail or be blocked, and needs a comment then); steps 1 and 2 count in the sign-off, steps 6
 * and 7 come after it and are listed in the report as what remains to do. Their text names
 * the versions and the installer (file and SHA-256) of the target version, and their `hash`
 * is a digest of that text, so a republished installer flags a step "changed since".
 */
import type { Checklist, ChecklistItem, PathVersion } from '../checklist/types.ts';
import { textDigest } from '../checklist/digest.ts';
import { escapeHtml } from '../escape.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import { procedureItemId } from '../item-id.ts';
import type { Locale } from '../model.ts';

/** Read from here by the procedure's own tests and callers; item ids live in item-id.ts. */
export { isProcedureItem } from '../item-id.ts';

export type ProcedureItemKey = 'copy-data' | 'install-test' | 'archive' | 'install-production';

/** The seven steps, in order; `item` ones are checklist items, the others are sections. */
export const PROCEDURE_STEPS = [
  { n: 1, key: 'copy-data', kind: 'item' },
  { n: 2, key: 'install-test', kind: 'item' },
  { n: 3, key: 'changes', kind: 'changes' },
  { n: 4, key: 'processes', kind: 'processes' },
  { n: 5, key: 'sign-off', kind: 'sign-off' },
  { n: 6, key: 'archive', kind: 'item' },
  { n: 7, key: 'install-production', kind: 'item' },
] as const;

export interface Procedure {
  /** Steps 1 and 2: before the tests, counted in the sign-off. */
  before: ChecklistItem[];
  /** Steps 6 and 7: after the sign-off. */
  after: ChecklistItem[];
}

function installerText(locale: Locale, version: PathVersion | null): string | null {
  const installer = version?.installer;
  if (!version || !installer) return null;
  return installer.sha256
    ? translate(locale, 'procedure.installer', {
        version: version.version,
        file: installer.file,
        sha256: installer.sha256,
      })
    : translate(locale, 'procedure.installerNoSha', { version: version.version, file: installer.file });
}

function item(
  checklist: Checklist,
  locale: Locale,
  key: ProcedureItemKey,
  step: string,
  expect: string,
  setup: string | null,
): ChecklistItem {
  return {
    id: procedureItemId(key),
    key,
    entry: null,
    process: null,
    knownIssue: null,
    title: translate(locale, 'procedure.title'),
    version: checklist.to,
    module: null,
    modules: [],
    type: null,
    step,
    stepHtml: escapeHtml(step),
    expect,
    expectHtml: escapeHtml(expect),
    priority: 'critical',
    menu: null,
    setup,
    url: null,
    hash: textDigest([step, expect, setup ?? ''].join('\n')),
  };
}

/** The procedure's items for a checklist, in the language given (default: the checklist's). */
export function procedureItems(checklist: Checklist, locale: Locale = checklist.locale): Procedure {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const { from, to } = checklist;
  const target = checklist.path.to;
  const targetInstaller = installerText(locale, target);
  const fromInstaller = installerText(locale, checklist.path.from);
  const intermediate = checklist.warnings.find((w) => w.code === 'minimum-from');

  const copy = item(
    checklist,
    locale,
    'copy-data',
    t('procedure.copyData.step'),
    from ? t('procedure.copyData.expect', { from }) : t('procedure.copyData.expectNoFrom'),
    null,
  );
  const installStep = intermediate
    ? t('procedure.installTest.stepIntermediate', { install: intermediate.install, to })
    : t('procedure.installTest.step', { to });
  const installSetup = [targetInstaller, intermediate?.message].filter((s): s is string => !!s).join('\n') || null;
  const installTest = item(
    checklist,
    locale,
    'install-test',
    installStep,
    checklist.dataChanges.length
      ? t('procedure.installTest.expectData', { n: checklist.dataChanges.length })
      : t('procedure.installTest.expect'),
    installSetup,
  );
  const archive = item(
    checklist,
    locale,
    'archive',
    t('procedure.archive.step', { to }),
    target.installer
      ? t('procedure.archive.expect', { file: target.installer.file })
      : t('procedure.archive.expectNoInstaller'),
    [targetInstaller, fromInstaller ? t('procedure.archive.keepFrom', { installer: fromInstaller }) : null]
      .filter((s): s is string => !!s)
      .join('\n') || null,
  );
  const installProduction = item(
    checklist,
    locale,
    'install-production',
    t('procedure.installProduction.step', { to }),
    checklist.actions.length
      ? t('procedure.installProduction.expectActions', { n: checklist.actions.length })
      : t('procedure.installProduction.expect'),
    null,
  );
  return { before: [copy, installTest], after: [archive, installProduction] };
}
