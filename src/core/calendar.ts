/**
 * /calendar.ics: the release date and the end-of-support date of every published version,
 * as an iCalendar file (RFC 5545, written by ical-generator) a reader subscribes to. Each
 * event's UID is made from the product, the version and the kind of event, so a calendar
 * that reads the file again updates its events instead of adding new ones; a version
 * withdrawn after its release keeps its event, cancelled. Drafts are never in it.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { translate } from './i18n/translate.ts';
import { counter } from './i18n/count.ts';
import { versionStatusLabel } from './i18n/labels.ts';
import type { RoadBookConfig, VersionInfo } from './model.ts';
import { absoluteUrl, versionUrl } from './urls.ts';

/** What the calendar reads of a version. */
export type CalendarVersion = Pick<VersionInfo, 'version' | 'slug' | 'date' | 'status' | 'title' | 'endOfSupport'>;

export interface CalendarInput {
  config: Pick<RoadBookConfig, 'product' | 'title' | 'locale' | 'site'>;
  base: string;
  versions: readonly CalendarVersion[];
  /** Changes per version, for the release event's description. */
  entryCount: (slug: string) => number;
}

export const CALENDAR_EVENT_KINDS = ['release', 'end-of-support'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

/** The UID of one event: the same for the same product, version and kind, build after build. */
export function calendarUid(product: string, version: string, kind: CalendarEventKind): string {
  return `${kind}.${encodeURIComponent(version)}.${encodeURIComponent(product || 'roadbook')}@roadbook`;
}

/** A `YYYY-MM-DD` date as the instant iCalendar writes a whole day from (UTC, so no zone moves it). */
function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function buildCalendar({ config, base, versions, entryCount }: CalendarInput): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(config.locale, key, params);
  const tn = counter(config.locale);
  const published = versions.filter((v) => v.status !== 'draft' && v.date);
  // The newest date the calendar shows stamps every event: the file is the same for the same road book.
  const dates = published.flatMap((v) => [v.date!, ...(v.endOfSupport ? [v.endOfSupport] : [])]).sort();
  const stamp = day(dates.at(-1) ?? '1970-01-01');
  const calendar = ical({
    name: t('site.calendar.name', { title: config.title }),
    prodId: { company: config.product || config.title, product: 'roadbook', language: config.locale.toUpperCase() },
  });
  for (const version of published) {
    const page = absoluteUrl(config.site, versionUrl(base, version.slug));
    // URL must be an absolute URI: only a site with `site` set has one; the description always says where.
    const url = config.site ? page : null;
    const name = [config.product, version.version].filter(Boolean).join(' ');
    const withdrawn = version.status === 'withdrawn';
    const release = t('site.calendar.release', { product: config.product, version: version.version });
    calendar.createEvent({
      id: calendarUid(config.product, version.version, 'release'),
      start: day(version.date!),
      allDay: true,
      stamp,
      summary: withdrawn ? `[${versionStatusLabel(config.locale, 'withdrawn')}] ${release}` : release,
      description: [
        ...(withdrawn ? [t('site.calendar.releaseWithdrawn', { version: version.version })] : []),
        ...(version.title ? [`${name} — ${version.title}`] : []),
        tn('site.counts.entries', entryCount(version.slug)),
        page,
      ].join('\n'),
      url,
      status: withdrawn ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (version.endOfSupport && !withdrawn) {
      calendar.createEvent({
        id: calendarUid(config.product, version.version, 'end-of-support'),
        start: day(version.endOfSupport),
        allDay: true,
        stamp,
        summary: t('site.calendar.endOfSupport', { product: config.product, version: version.version }),
        description: page,
        url,
        status: ICalEventStatus.CONFIRMED,
      });
    }
  }
  return calendar.toString();
}
