/**
 * What a sign-off report seals (seal.ts), read from the report itself: the one place that
 * decides which of its fields the seal covers. Every writer and the verifier call it, so a
 * report and its verification can never disagree on that.
 */
import { canSeal, SEAL_VERSION, sealOf, type SealData, type SealedItem } from './seal.ts';
import type { ReportItem, SignOffReport } from './signoff.ts';

function sealedItem(item: ReportItem): SealedItem {
  return {
    id: item.id,
    hash: item.hash,
    result: {
      status: item.status,
      comment: item.comment,
      tester: item.tester,
      defect: item.defect,
      date: item.time === '' ? null : item.time,
    },
  };
}

/** The sealed data of a report: the items signed off are those of its groups (steps 6–7 come after it). */
export function reportSealData(report: SignOffReport): SealData {
  return {
    seal: SEAL_VERSION,
    product: report.product,
    locale: report.locale,
    buildId: report.buildId,
    path: report.path,
    signOff: {
      decision: report.decision,
      environment: report.environment,
      place: report.place,
      date: report.date,
      parties: report.parties.map((p) => ({ role: p.role, name: p.name })),
    },
    items: report.groups.flatMap((g) => g.items.map(sealedItem)),
  };
}

/** The report with its seal; as it is, without one, where no digest can be computed (`canSeal`). */
export async function withSeal(report: SignOffReport): Promise<SignOffReport> {
  const { seal: _stale, ...unsealed } = report;
  return canSeal() ? { ...unsealed, seal: await sealOf(reportSealData(report)) } : unsealed;
}
