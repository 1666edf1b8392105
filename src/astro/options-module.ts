import type { Plugin } from 'vite';
import type { SiteOptions } from './options.ts';

/** The module the loader, pages and endpoints import the integration's options from. */
export const OPTIONS_MODULE = 'virtual:roadbook/options';

/** Vite's convention: a leading NUL marks an id no other plugin should touch. */
const RESOLVED = `\0${OPTIONS_MODULE}`;

/**
 * The Vite plugin that serves `virtual:roadbook/options` (typed in virtual-modules.d.ts): the
 * options as JSON, so that code Vite loads (the content config, pages) reads the values the
 * integration was given, whichever process or config file created it.
 */
export function optionsModule(options: SiteOptions): Plugin {
  return {
    name: 'roadbook:options',
    resolveId: (id) => (id === OPTIONS_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(options)};` : undefined),
  };
}
