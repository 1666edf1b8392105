/** What a build says of the site in place when it leaves it there: the one wording of both. */

/** A failed build's last words: the site in `out` was not touched. */
export function existsNote(out: string): string {
  return `the previous site (if any) in ${out} is unchanged.`;
}

/** A build that found nothing to do. */
export function nothingChanged(out: string): string {
  return `Nothing changed since the last build: the site in ${out} is left as it is.\n`;
}
