/**
 * The checklist page's addresses: a run's (its path, its id once saved, and the filters and
 * view kept from the address it is opened from) and the address now without one parameter.
 */
import { requestToParams } from '../../core/run/request.ts';
import type { SavedRun } from '../../core/run/types.ts';

/** The parameters of the address a run's address keeps: the item filters, the view and the arrangement. */
const KEPT_PARAMS = ['status', 'group', 'priority', 'changed', 'view', 'order', 'minimum'] as const;

/** The address of `run` (its id only once `saved`), keeping the filters and view of `keep`. */
export function runUrl(
  run: SavedRun,
  saved: boolean,
  keep: URLSearchParams = new URLSearchParams(location.search),
): URL {
  const url = new URL(location.href);
  const params = requestToParams(run.request);
  if (saved) params.set('run', run.id);
  for (const name of KEPT_PARAMS) {
    const value = keep.get(name);
    if (value) params.set(name, value);
  }
  url.search = params.toString();
  url.hash = '';
  return url;
}

/** The address now without parameter `name`. */
export function urlWithout(name: string): URL {
  const url = new URL(location.href);
  url.searchParams.delete(name);
  return url;
}
