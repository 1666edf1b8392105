/**
 * The options of the native allocator that Astro's bundler brings. Vite's bundler, rolldown,
 * is a native module that allocates with mimalloc, and mimalloc by default asks the kernel
 * for transparent huge pages for its arenas and gives freed memory back only after a delay:
 * in a build of 10,000 entries the bundler's arena then stayed at 345 MB resident after the
 * bundles were made, through the writing of the pages and beside pagefind's process. With
 * neither, 71 MB, and the build's peak (the build's process and pagefind's together) went
 * from 1.76 to 1.50 GiB.
 *
 * mimalloc reads its options from the environment when its library is loaded, which is when
 * Vite is first imported (the site's integration imports it): so the CLI sets them as it
 * starts, and only where the environment leaves them unset.
 */
export function tuneNativeAllocator(env: NodeJS.ProcessEnv = process.env): void {
  env.MIMALLOC_ALLOW_THP ??= '0';
  env.MIMALLOC_PURGE_DELAY ??= '0';
}
