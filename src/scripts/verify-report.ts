/**
 * <rb-verify-report>: the verify page. A report file picked or dropped is read here, in the
 * browser (it is never sent anywhere), and verified by core (core/run/verify-report.ts)
 * against the data files of this site: only the versions of the report's path are loaded.
 */
import { planPath, sourceFromDataFiles, type ChecklistSource } from '../core/checklist/index.ts';
import type { DataIndex } from '../core/data-files.ts';
import { localeFrom, translator, type MessageKey } from '../core/i18n/translate.ts';
import type { Locale } from '../core/model.ts';
import { canSeal, type SealData } from '../core/run/seal.ts';
import { allClear, verifyReport, type Verification } from '../core/run/verify-report.ts';
import { DataFiles, includesDrafts } from './lib/data.ts';
import { h, part } from './lib/dom.ts';

class RoadbookVerifyReport extends HTMLElement {
  private locale: Locale = 'fr';
  private t = translator('fr');
  private data = new DataFiles('/');

  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    this.locale = localeFrom(this.dataset.locale);
    this.t = translator(this.locale);
    this.data = new DataFiles(this.dataset.base ?? '/');
    const input = part<HTMLInputElement>(this, 'verify-file');
    const zone = part(this, 'verify-drop');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.verify(file);
    });
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.dataset.over = '';
    });
    zone.addEventListener('dragleave', () => delete zone.dataset.over);
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      delete zone.dataset.over;
      const file = event.dataTransfer?.files[0];
      if (file) void this.verify(file);
    });
  }

  /** The road book of this site for the sealed path: the data files of its versions. */
  private async sourceFor(index: DataIndex, sealed: SealData): Promise<ChecklistSource> {
    const options = { includeDrafts: includesDrafts(index) };
    const plan = planPath(sourceFromDataFiles(index, new Map(), options), sealed.path, { withdrawnTarget: true });
    // A path this site cannot build any more: core says why, without any version file.
    if (!plan.ok) return sourceFromDataFiles(index, new Map(), options);
    const files = await this.data.versions(plan.versions.map((v) => v.slug));
    return sourceFromDataFiles(index, files, options);
  }

  private show(...nodes: HTMLElement[]): void {
    part(this, 'verify-result').replaceChildren(...nodes);
  }

  private async verify(file: File): Promise<void> {
    const t = this.t;
    const name = h('p', { class: 'verify-file', text: t('verify.file', { name: file.name }) });
    if (!canSeal()) {
      this.show(name, callout('error', t('verify.noCrypto')));
      return;
    }
    this.show(name, h('p', { text: t('verify.reading') }));
    try {
      const text = await file.text();
      const index = await this.data.index();
      const outcome = await verifyReport(text, (sealed) => this.sourceFor(index, sealed), this.locale);
      if (!outcome.ok) {
        const { error } = outcome;
        this.show(name, callout('error', t('verify.unreadable'), error.message, t('verify.at', { line: error.line })));
        this.dataset.outcome = 'unreadable';
        return;
      }
      this.show(name, ...this.findings(outcome.verification));
      this.dataset.outcome = allClear(outcome.verification) ? 'clear' : 'changed';
    } catch (error) {
      this.show(
        name,
        callout('error', t('verify.failed', { reason: error instanceof Error ? error.message : String(error) })),
      );
    }
  }

  private findings(v: Verification): HTMLElement[] {
    const t = this.t;
    const { site, report } = v;
    const nodes: HTMLElement[] = [];
    if (v.unchanged) {
      nodes.push(
        callout('ok', t('verify.unchanged'), t('verify.unchangedHelp')),
        h(
          'p',
          null,
          `${t('verify.seal')} `,
          h('code', { class: 'hash', text: report.stated, data: { part: 'verify-seal' } }),
        ),
      );
    } else {
      nodes.push(
        callout('error', t('verify.tampered'), t(report.textIntact ? 'verify.tamperedData' : 'verify.tamperedText')),
      );
    }
    nodes[0]!.dataset.part = 'verify-verdict';
    nodes[0]!.dataset.unchanged = String(v.unchanged);
    if (site.pathError) nodes.push(callout('error', t('verify.pathError', { reason: site.pathError })));
    if (!site.sameBuild && !v.otherProduct) {
      nodes.push(
        h('p', {
          class: 'muted',
          text: t('verify.otherBuild', { sealed: report.data.buildId ?? '—', now: site.buildId ?? '—' }),
        }),
      );
    }
    const list = (key: MessageKey, kind: string, ids: string[]) => {
      if (!ids.length) return;
      nodes.push(
        h('h2', { text: t(key, { n: ids.length }) }),
        h('ul', { data: { part: `verify-${kind}` } }, ...ids.map((id) => h('li', null, h('code', { text: id })))),
      );
    };
    list(
      'verify.changed',
      'changed',
      site.changed.map((c) => c.id),
    );
    if (!site.pathError) list('verify.gone', 'gone', site.gone);
    list('verify.added', 'added', site.added);
    if (!site.pathError && !v.otherProduct && !site.changed.length && !site.gone.length && !site.added.length) {
      nodes.push(h('p', { data: { part: 'verify-nothing' }, text: t('verify.nothingChanged') }));
    }
    return nodes;
  }
}

/** A callout: the verdict (`ok`) or what went wrong (`error`). */
function callout(kind: 'ok' | 'error', title: string, ...lines: string[]): HTMLElement {
  return h(
    'div',
    { class: kind === 'ok' ? 'callout verify-ok' : 'callout callout-error' },
    h('p', { class: 'callout-title', text: title }),
    ...lines.map((text) => h('p', { text })),
  );
}

if (!customElements.get('rb-verify-report')) customElements.define('rb-verify-report', RoadbookVerifyReport);
