/**
 * Verifying a sign-off report (checklist.md, "Sealed sign-off"): given the text of a report
 * file (Markdown or JSON, as the site and the CLI write them) and the road book as it is now,
 *
 * - reads the sealed data back and computes its seal again: the report is "sealed and
 *   unchanged" when that is the seal it states (and, for Markdown, the text before the seal
 *   still has the digest it states); otherwise it was changed after it was made;
 * - builds the checklist of the sealed path on the road book as it is now, and lists the
 *   items whose content hash changed since the report was made, those gone and those added.
 *
 * Shared by the CLI (`roadbook run verify`) and the site's "verify a report" page. Reading the
 * file: read-sealed-report.ts.
 */
import { buildChecklist, ChecklistError, type ChecklistSource } from '../checklist/index.ts';
import { translate } from '../i18n/translate.ts';
import { loadMessages } from '../i18n/messages.ts';
import type { Locale } from '../model.ts';
import { procedureItems } from './procedure.ts';
import { readSealedReport, type ReportReadError, type SealedReport } from './read-sealed-report.ts';
import type { SealData } from './seal.ts';
import { runView } from './view.ts';

/** An item whose content hash is not the one sealed. */
export interface ChangedItem {
  id: string;
  sealed: string;
  now: string;
}

/** The sealed items against the road book as it is now. */
export interface SiteComparison {
  /** The build id of the road book now (null when unknown). */
  buildId: string | null;
  sameBuild: boolean;
  changed: ChangedItem[];
  /** Sealed items the path no longer has. */
  gone: string[];
  /** Items the path has now that the report did not. */
  added: string[];
  /** Why the sealed path cannot be built on the road book now (an unknown version…); then every item is gone. */
  pathError: string | null;
}

/** Builds the sealed path on `source` (the road book now) and compares its items' hashes. */
export function compareWithSite(data: SealData, source: ChecklistSource): SiteComparison {
  const buildId = source.buildId ?? null;
  const sameBuild = buildId !== null && buildId === data.buildId;
  let items: { id: string; hash: string }[];
  try {
    // A target withdrawn since is still the path the report was about.
    const checklist = buildChecklist(source, data.path, { withdrawnTarget: true });
    items = runView(checklist, procedureItems(checklist, data.locale)).signOffItems;
  } catch (error) {
    if (!(error instanceof ChecklistError)) throw error;
    return { buildId, sameBuild, changed: [], gone: data.items.map((i) => i.id), added: [], pathError: error.message };
  }
  const now = new Map(items.map((i) => [i.id, i.hash]));
  const sealed = new Set(data.items.map((i) => i.id));
  const changed: ChangedItem[] = [];
  const gone: string[] = [];
  for (const item of data.items) {
    const hash = now.get(item.id);
    if (hash === undefined) gone.push(item.id);
    else if (hash !== item.hash) changed.push({ id: item.id, sealed: item.hash, now: hash });
  }
  return {
    buildId,
    sameBuild,
    changed,
    gone,
    added: items.map((i) => i.id).filter((id) => !sealed.has(id)),
    pathError: null,
  };
}

export interface Verification {
  report: SealedReport;
  /** The seal matches the sealed data (and the Markdown text its digest): not changed since it was made. */
  unchanged: boolean;
  site: SiteComparison;
  /** The road book is another product than the report's. */
  otherProduct: boolean;
}

/**
 * Reads a report and compares it with the road book now: `source` gives the road book for
 * the sealed data (the browser loads the data files of the sealed path only).
 */
export async function verifyReport(
  text: string,
  sourceFor: (data: SealData) => ChecklistSource | Promise<ChecklistSource>,
  locale: Locale,
): Promise<{ ok: true; verification: Verification } | { ok: false; error: ReportReadError }> {
  const read = await readSealedReport(text, locale);
  if (!read.ok) return read;
  const { report } = read;
  const source = await sourceFor(report.data);
  // The items are rebuilt in the words they were sealed in, which may not be the site's.
  await loadMessages(report.data.locale);
  const otherProduct = report.data.product !== source.product;
  const site = otherProduct
    ? {
        buildId: source.buildId ?? null,
        sameBuild: false,
        changed: [],
        gone: [],
        added: [],
        pathError: translate(locale, 'verify.otherProduct', { found: report.data.product, expected: source.product }),
      }
    : compareWithSite(report.data, source);
  return {
    ok: true,
    verification: {
      report,
      unchanged: report.stated === report.computed && report.textIntact,
      site,
      otherProduct,
    },
  };
}

/** True when the report is unchanged and nothing it covers changed on the road book since. */
export function allClear(v: Verification): boolean {
  return (
    v.unchanged &&
    !v.otherProduct &&
    v.site.pathError === null &&
    v.site.changed.length === 0 &&
    v.site.gone.length === 0 &&
    v.site.added.length === 0
  );
}
