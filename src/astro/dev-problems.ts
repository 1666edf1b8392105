import type { Diagnostic } from '../core/diagnostics.ts';
import { escapeHtml } from '../core/escape.ts';
import { translate } from '../core/i18n/translate.ts';
import type { Locale } from '../core/model.ts';
import type { ProblemsData } from './collections.ts';

/**
 * What the dev preview shows in the browser while the road book has errors: a notice above
 * the last good page, or a page of its own when there has never been one. Every text comes
 * from content, so all of it is escaped. Styles are inline: the notice stands on any page.
 */

const BOX =
  'margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#5c0a0a;border-bottom:4px solid #b3261e;' +
  'font:15px/1.5 system-ui,sans-serif';

function problemList(diagnostics: readonly Diagnostic[]): string {
  const line = (d: Diagnostic) =>
    `<li><code>${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</code> ` +
    `<strong>${escapeHtml(d.severity)}</strong> ${escapeHtml(d.message)} <code>${escapeHtml(d.code)}</code></li>`;
  return `<ul style="margin:0.5rem 0 0;padding-left:1.25rem">${diagnostics.map(line).join('')}</ul>`;
}

function notice(problems: ProblemsData, explanation: 'dev.problems.stale' | 'dev.problems.none'): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(problems.locale, key, params);
  return (
    `<aside id="roadbook-problems" role="alert" lang="${problems.locale}" style="${BOX}">` +
    `<h2 style="margin:0;font-size:1.15rem">${escapeHtml(t('dev.problems.title'))}</h2>` +
    `<p style="margin:0.25rem 0 0">${escapeHtml(t('dev.problems.count', { errors: problems.errorCount, warnings: problems.warningCount }))}. ` +
    `${escapeHtml(t(explanation))}</p>` +
    problemList(problems.diagnostics) +
    `</aside>`
  );
}

/** The page's HTML with the notice first in its body. */
export function withProblems(html: string, problems: ProblemsData): string {
  const body = /<body\b[^>]*>/i.exec(html);
  const at = body ? body.index + body[0].length : 0;
  return html.slice(0, at) + notice(problems, 'dev.problems.stale') + html.slice(at);
}

function page(locale: Locale, title: string, body: string, head = ''): string {
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">${head}` +
    `<title>${escapeHtml(title)}</title></head><body style="margin:0">${body}</body></html>`
  );
}

/** A page of its own, for when the road book has never been read without errors. */
export function problemsPage(problems: ProblemsData, base: string): string {
  // The preview's client: the page reloads once the content is fixed.
  const client = `<script type="module" src="${escapeHtml(base.replace(/\/?$/, '/'))}@vite/client"></script>`;
  const title = translate(problems.locale, 'dev.problems.title');
  return page(problems.locale, title, notice(problems, 'dev.problems.none'), client);
}

/** For the moment the preview's store is being reloaded and holds nothing yet. */
export function loadingPage(locale: Locale): string {
  const text = escapeHtml(translate(locale, 'dev.loading'));
  return page(locale, text, `<p style="${BOX}">${text}</p>`, '<meta http-equiv="refresh" content="1">');
}
