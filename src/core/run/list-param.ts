/**
 * How an address carries a list (modules, editions, processes): comma-separated, a repeated
 * parameter read too, blanks and repeats dropped. The upgrade and checklist addresses
 * (request.ts) and an installation's link (core/installation.ts) read theirs with it; it
 * stands alone so that a page reading an installation does not load request.ts' labels.
 */
export function listParam(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return [...new Set(values)];
}
