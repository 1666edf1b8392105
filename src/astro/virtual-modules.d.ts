declare module 'virtual:roadbook/options' {
  /** The options `roadbook()` was given, with their defaults (options-module.ts). */
  const options: import('./options.ts').SiteOptions;
  export default options;
}
