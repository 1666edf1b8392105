/**
 * The rules that refuse the sign-off (checklist.md "Sign-off report"): a failed or blocked item
 * without a comment (listed, so the page links to each), a result in conflict, a missing
 * decision, environment, place, date, signing party, or testers (unless the results say who ran
 * them), and the decision "accepted" while an item failed or is blocked (that is "accepted with
 * reserves" or "refused"). Items not run, or changed since they were marked, do not refuse it:
 * the report (signoff.ts) counts and lists them.
 */
import { NEEDS_COMMENT, resultOf, signOffBlockers, statusOf, type RunResults } from '../checklist/progress.ts';
import type { ChecklistItem } from '../checklist/types.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';
import type { SignOffForm } from './types.ts';
export type SignOffProblemCode =
  'needs-comment' | 'missing-field' | 'no-decision' | 'accepted-with-failures' | 'no-party' | 'in-conflict';

export interface SignOffProblem {
  code: SignOffProblemCode;
  message: string;
  /** The form field concerned (`environment`, `decision`, …). */
  field?: keyof SignOffForm;
  /** The items concerned (needs-comment, accepted-with-failures, in-conflict). */
  items?: ChecklistItem[];
}

export function emptySignOff(): SignOffForm {
  return { environment: '', place: '', date: '', testers: '', decision: null, parties: [], notes: '' };
}

const REQUIRED: (keyof Pick<SignOffForm, 'environment' | 'place' | 'date' | 'testers'>)[] = [
  'environment',
  'place',
  'date',
  'testers',
];

/** Everything that refuses the sign-off now; empty when it can be signed. */
export function signOffProblems(
  signOffItems: readonly ChecklistItem[],
  results: RunResults,
  form: SignOffForm | null,
  locale: Locale,
): SignOffProblem[] {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const problems: SignOffProblem[] = [];
  const blockers = signOffBlockers({ items: signOffItems as ChecklistItem[] }, results);
  if (blockers.length) {
    problems.push({
      code: 'needs-comment',
      message: t('signoff.problem.needsComment', { n: blockers.length }),
      items: blockers,
    });
  }
  // A result changed in two places at once counts only once a tester kept one of its versions.
  const conflicts = signOffItems.filter((i) => !!resultOf(results, i.id)?.conflict?.length);
  if (conflicts.length) {
    problems.push({
      code: 'in-conflict',
      message: t('signoff.problem.inConflict', { n: conflicts.length }),
      items: conflicts,
    });
  }
  const f = form ?? emptySignOff();
  // The testers may also be known from the results (each records who ran it).
  const testersKnown = signOffItems.some((i) => resultOf(results, i.id)?.tester?.trim());
  for (const field of REQUIRED) {
    if (field === 'testers' && testersKnown) continue;
    if (!f[field].trim()) {
      problems.push({
        code: 'missing-field',
        field,
        message: t('signoff.problem.missing', { field: t(`signoff.field.${field}` as MessageKey) }),
      });
    }
  }
  if (!f.parties.some((p) => p.name.trim() && p.role.trim())) {
    problems.push({ code: 'no-party', field: 'parties', message: t('signoff.problem.noParty') });
  }
  if (!f.decision) {
    problems.push({ code: 'no-decision', field: 'decision', message: t('signoff.problem.noDecision') });
  } else if (f.decision === 'accepted') {
    const failing = signOffItems.filter((i) => NEEDS_COMMENT.includes(statusOf(results, i.id)));
    if (failing.length) {
      problems.push({
        code: 'accepted-with-failures',
        field: 'decision',
        message: t('signoff.problem.acceptedWithFailures', { n: failing.length }),
        items: failing,
      });
    }
  }
  return problems;
}
