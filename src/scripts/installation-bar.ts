/**
 * The header's "Mon installation" (installation-header.ts loads it when there is one to show
 * or an address hands one out): the bar — the installation, with one click each to change it
 * (the home page's form), forget it, or copy the link that hands it out — following the
 * store, and a notice (aria-live) for what the bar did and what a link did.
 *
 * A link (`?installed=&modules=&editions=`, from an IT department) is checked against the
 * site's /data/index.json (core's checkInstallation): recorded when there is none yet, asked
 * about when another one is, refused when the site does not know its version. Its parameters
 * then leave the address, so a reload or the address passed on does not ask again.
 */
import { counter } from '../core/i18n/count.ts';
import { localeFrom, translator, type MessageKey, type MessageParams } from '../core/i18n/translate.ts';
import {
  checkInstallation,
  INSTALLATION_PARAMS,
  installationFromParams,
  installationSummary,
  installationToParams,
  sameInstallation,
  type Installation,
} from '../core/installation.ts';
import { requestFromParams } from '../core/run/request.ts';
import type { DataIndex } from '../core/data-files.ts';
import { homeUrl } from '../core/urls.ts';
import { pageDataFiles } from './lib/page-data.ts';
import { h } from './lib/dom.ts';
import { pageScope, type InstallationStore } from './lib/installation-store.ts';

const locale = localeFrom(document.documentElement.lang);
const t = translator(locale);
const count = counter(locale);

/** Shows the bar and the notice in `root` (the header's element), and reads the link of `search` if given. */
export function connectBar(root: HTMLElement, store: InstallationStore, search: string | null): void {
  const { base } = pageScope();
  const text = h('span');
  const notice = h('div', { data: { part: 'notice' }, attrs: { role: 'status' } });
  const forget = button('site.installation.forget', () => {
    store.forget();
    // The button is gone with the bar: the message takes the focus it had.
    notice.tabIndex = -1;
    notice.focus();
    say(notice, 'site.installation.forgotten');
  });
  const copy = button('site.installation.copy', () => {
    const installation = store.get();
    if (installation) void copyLink(notice, installationLink(installation, base));
  });
  const change = h('a', { attrs: { href: `${homeUrl(base)}#mon-installation` }, text: t('site.installation.change') });
  const bar = h('p', { data: { part: 'bar' } }, text, change, forget, copy);
  const show = (installation: Installation | null) => {
    bar.hidden = !installation;
    text.textContent = installation ? t('site.installation.header', { installation: counted(installation) }) : '';
  };
  root.replaceChildren(bar, notice);
  show(store.get());
  store.subscribe(show);
  root.dataset.state = 'ready';
  if (search !== null) void receiveLink(notice, store, search);
}

/** "15.1.0 · 2 modules · 1 édition": the header's short form (the notices name the lists). */
function counted(installation: Installation): string {
  const parts = [installation.installed];
  if (installation.modules.length) parts.push(count('site.installation.modules', installation.modules.length));
  if (installation.editions.length) parts.push(count('site.installation.editions', installation.editions.length));
  return parts.join(' · ');
}

/** The address of the home page that hands `installation` out. */
function installationLink(installation: Installation, base: string): string {
  const url = new URL(homeUrl(base), location.origin);
  // Commas kept as written: the link reads as the format documents it (`modules=facturation,ventes`).
  url.search = installationToParams(installation).toString().replaceAll('%2C', ',');
  return url.href;
}

/** Replaces the notice with `text` and, when given, the buttons that answer it. */
function tell(notice: HTMLElement, text: string, buttons: HTMLButtonElement[] = [], error = false): void {
  notice.replaceChildren(
    h('p', { class: error ? 'callout callout-error' : 'callout' }, text, ...buttons.flatMap((b) => [' ', b])),
  );
}

function say(notice: HTMLElement, key: MessageKey, params?: MessageParams): void {
  tell(notice, t(key, params));
}

async function copyLink(notice: HTMLElement, link: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(link);
    say(notice, 'site.installation.copied');
  } catch {
    // Clipboard refused (permissions, no secure context): the link is there to select by hand.
    say(notice, 'site.installation.copyFailed', { link });
  }
}

function button(label: MessageKey, onClick: () => void): HTMLButtonElement {
  const el = h('button', { attrs: { type: 'button' }, text: t(label) });
  el.addEventListener('click', onClick);
  return el;
}

/**
 * The address without the installation it handed out. Modules and editions stay when the
 * address also names a path (`to`): they are then the path's too (the upgrade and checklist pages).
 */
function cleanAddress(): void {
  const url = new URL(location.href);
  const path = requestFromParams(url.searchParams) !== null;
  url.searchParams.delete(INSTALLATION_PARAMS.installed);
  if (!path) {
    url.searchParams.delete(INSTALLATION_PARAMS.modules);
    url.searchParams.delete(INSTALLATION_PARAMS.editions);
  }
  history.replaceState(history.state, '', url);
}

/** Records or offers the installation the address hands out; never throws. */
async function receiveLink(notice: HTMLElement, store: InstallationStore, search: string): Promise<void> {
  const asked = installationFromParams(new URLSearchParams(search));
  cleanAddress();
  if (!asked) return;
  let index: DataIndex;
  try {
    index = await pageDataFiles(pageScope().base).index();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return tell(notice, t('site.installation.linkFailed', { reason }), [], true);
  }
  const checked = checkInstallation(asked, index);
  const installation = checked.installation;
  if (!installation) return tell(notice, t('site.installation.unknownVersion', { version: asked.installed }), [], true);
  const unknown = [...checked.unknownModules, ...checked.unknownEditions];
  const leftOut = unknown.length ? ` ${t('site.installation.unknownChoices', { list: unknown.join(', ') })}` : '';
  const words = (i: Installation) => installationSummary(i, index);
  const mine = store.get();
  if (mine && sameInstallation(mine, installation))
    return tell(notice, t('site.installation.recorded', { installation: words(mine) }) + leftOut);
  if (mine) {
    return tell(notice, t('site.installation.other', { link: words(installation), mine: words(mine) }) + leftOut, [
      button('site.installation.replace', () => record(notice, store, installation, words(installation), null)),
      button('site.installation.keep', () => say(notice, 'site.installation.kept', { installation: words(mine) })),
    ]);
  }
  record(notice, store, installation, words(installation), leftOut);
}

/** Records the link's installation; `leftOut` (first time) offers to undo it, with what was left out. */
function record(
  notice: HTMLElement,
  store: InstallationStore,
  installation: Installation,
  words: string,
  leftOut: string | null,
): void {
  const kept = store.set(installation);
  if (leftOut === null) {
    say(notice, kept ? 'site.installation.saved' : 'site.installation.pageOnly', { installation: words });
    return;
  }
  const key = kept ? 'site.installation.fromLink' : 'site.installation.fromLinkPageOnly';
  tell(notice, t(key, { installation: words }) + leftOut, [
    button('site.installation.undo', () => {
      store.forget();
      say(notice, 'site.installation.undone');
    }),
  ]);
}
