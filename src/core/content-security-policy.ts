/**
 * The site's Content-Security-Policy: the one place it is written. Every page carries it in a
 * `<meta http-equiv>` (layouts/Base.astro), and the server settings of the README send the
 * same string as a header (a test compares them). The site is built so that the policy never
 * depends on a build: no inline script or stylesheet (the integration keeps Astro from
 * inlining them), so no hash to list, and a server header written once stays right.
 * Astro's own `security.csp` is not used for that reason: it lists the hash of every script
 * and stylesheet it emits, which changes with each build.
 * Browser-safe.
 */

/** One directive and its sources, in the order they are written. */
export type CspDirectives = readonly (readonly [directive: string, sources: readonly string[]])[];

export const CSP_DIRECTIVES: CspDirectives = [
  // Everything not named below: the site's own origin and nothing else.
  ['default-src', ["'self'"]],
  // Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' (no JavaScript eval).
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['style-src', ["'self'"]],
  // pagefind's stylesheet draws its search icon as an SVG data: URL; thumbnails of a tester's
  // attachments are object URLs (blob:) the page makes itself. The site's own icon is a file.
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
];

/**
 * Directives a `<meta>` cannot carry (browsers ignore them there): only a server's header
 * sends them. `frame-ancestors` keeps other sites from framing the pages.
 */
export const CSP_HEADER_ONLY_DIRECTIVES: CspDirectives = [['frame-ancestors', ["'self'"]]];

export function serializePolicy(directives: CspDirectives): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The policy every page carries in its `<meta http-equiv="Content-Security-Policy">`. */
export const PAGE_POLICY = serializePolicy(CSP_DIRECTIVES);

/** The policy a server sends as a header with each page: the page's, plus what only a header can say. */
export const HEADER_POLICY = serializePolicy([...CSP_DIRECTIVES, ...CSP_HEADER_ONLY_DIRECTIVES]);

/**
 * What a server sends with a road book's own files (`/versions/<v>/assets/…`): a sandbox, so
 * that an SVG or HTML file opened directly cannot run script on the site's origin.
 */
export const ASSET_POLICY = 'sandbox';
