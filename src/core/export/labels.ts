/**
 * What every export shows people the same way: the module cell and group heading of an item,
 * the text of a step with its menu and setup, the title of a checklist, entry links. The
 * labels of statuses, priorities and roadbook.yml's choices come from core/i18n/labels.ts.
 */
import type { ChecklistArrangement } from '../checklist/risk.ts';
import type { Checklist, ChecklistItem, ChecklistKnownIssue } from '../checklist/types.ts';
import { labelOf, severityLabel } from '../i18n/labels.ts';
import { translate } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';

/** Options every exporter accepts; `order` and `minimum` arrange the items (checklist/risk.ts). */
export interface ExportOptions extends ChecklistArrangement {
  /** Language of the labels; default: the checklist's. */
  locale?: Locale;
  /**
   * Absolute origin the site is served from (`https://roadbook.example.com`), to make the
   * entry links of a downloaded file absolute; default: links stay relative to the site.
   */
  origin?: string;
  /** Azure DevOps: the area path of the test cases (default: empty, the project's default area). */
  areaPath?: string;
}

export function localeOf(checklist: Pick<Checklist, 'locale'>, options?: ExportOptions): Locale {
  return options?.locale ?? checklist.locale;
}

/**
 * The module an item is listed under, as a label; a process step or a known issue: its
 * modules' labels (a known issue without modules concerns every module, and says so).
 */
export function moduleCell(checklist: Pick<Checklist, 'labels'>, item: ChecklistItem, locale: Locale): string {
  if (item.module !== null) return labelOf(checklist.labels.modules, item.module);
  if (item.knownIssue !== null && item.modules.length === 0) return translate(locale, 'export.allModules');
  return item.modules.map((m) => labelOf(checklist.labels.modules, m)).join(', ');
}

/** The heading an item is grouped under: its module's label, "Known issues" or "Strategic processes". */
export function groupLabel(checklist: Pick<Checklist, 'labels'>, item: ChecklistItem, locale: Locale): string {
  if (item.module !== null) return labelOf(checklist.labels.modules, item.module);
  return translate(locale, item.knownIssue !== null ? 'export.knownIssues' : 'export.processes');
}

/** The step with its menu and setup on their own lines, for cells that hold the whole step. */
export function stepWithContext(item: ChecklistItem, locale: Locale): string {
  const lines = [item.step];
  if (item.menu) lines.push(translate(locale, 'export.step.menu', { menu: item.menu }));
  if (item.setup) lines.push(translate(locale, 'export.step.setup', { setup: item.setup }));
  return lines.join('\n');
}

/** The step with its menu, for tools that have their own field for the setup. */
export function stepWithMenu(item: ChecklistItem, locale: Locale): string {
  return item.menu ? `${item.step}\n${translate(locale, 'export.step.menu', { menu: item.menu })}` : item.step;
}

/** "Recette Gestan 15.1.0 → 15.3.0", or "Recette Gestan 15.3.0" for one version. */
export function checklistTitle(checklist: Pick<Checklist, 'product' | 'from' | 'to'>, locale: Locale): string {
  return checklist.from === null
    ? translate(locale, 'export.title.version', { product: checklist.product, to: checklist.to })
    : translate(locale, 'export.title.path', { product: checklist.product, from: checklist.from, to: checklist.to });
}

/** An entry link, absolute when an origin is given. */
export function linkOf(url: string, options?: ExportOptions): string {
  if (!options?.origin) return url;
  return new URL(url, options.origin.endsWith('/') ? options.origin : `${options.origin}/`).href;
}

/** What a known issue's line says after its title: severity, workaround, the version that fixes it. */
export function knownIssueFacts(issue: ChecklistKnownIssue, locale: Locale): string {
  const facts = [severityLabel(locale, issue.severity)];
  if (issue.workaround) facts.push(translate(locale, 'export.knownIssue.workaround', { workaround: issue.workaround }));
  if (issue.fixedIn && issue.fixedBy) {
    facts.push(translate(locale, 'export.knownIssue.fixedIn', { version: issue.fixedIn, entry: issue.fixedBy }));
  }
  return facts.join(' — ');
}

/** "A better target: version 15.3.0 fixes KI-1, KI-2.", or null without one. */
export function betterTargetText(checklist: Pick<Checklist, 'betterTarget'>, locale: Locale): string | null {
  const better = checklist.betterTarget;
  return better
    ? translate(locale, 'export.betterTarget', { version: better.version, ids: better.fixes.join(', ') })
    : null;
}
