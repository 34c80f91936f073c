import ical, { escape, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { ITEM_STATUSES } from '../../../contracts/plans.js';
import { dayParts, type DateKind } from '../../../domain/calendar-dates.js';
import { assertNever } from '../../../domain/policy.js';

/** A schedule item as the iCalendar feed needs it. */
export interface IcsItem {
  id: string;
  title: string;
  dateKind: DateKind;
  startDate: string;
  endDate: string;
  status: (typeof ITEM_STATUSES)[number];
  note: string | null;
  category: string | null;
  ownerName: string | null;
  updatedAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * A calendar day as UTC midnight. The calendar carries no timezone object on purpose: ical-generator then writes
 * VALUE=DATE days from the UTC fields, so the output does not depend on the server process's TZ.
 */
function utcDay(iso: string): Date {
  const { year, month, day } = dayParts(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The all-day span [start, end) of an item: DTEND is exclusive, a month item covers its months whole. */
function span(item: Pick<IcsItem, 'dateKind' | 'startDate' | 'endDate'>): { start: Date; end: Date } {
  switch (item.dateKind) {
    case 'month': {
      const s = dayParts(item.startDate);
      const e = dayParts(item.endDate);
      return { start: new Date(Date.UTC(s.year, s.month - 1, 1)), end: new Date(Date.UTC(e.year, e.month, 1)) };
    }
    case 'date': {
      const start = utcDay(item.startDate);
      return { start, end: new Date(start.getTime() + DAY_MS) };
    }
    case 'range':
      return { start: utcDay(item.startDate), end: new Date(utcDay(item.endDate).getTime() + DAY_MS) };
    default:
      return assertNever(item.dateKind);
  }
}

/** RFC 5545 TEXT allows no control characters but tab (line breaks are escaped by the library). */
function plain(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

function summaryOf(item: IcsItem): string {
  const title = plain(item.title);
  switch (item.status) {
    case 'done':
      return `【已完成】${title}`;
    case 'postponed':
      return `【延期】${title}`;
    case 'planned':
    case 'cancelled':
      return title;
    default:
      return assertNever(item.status);
  }
}

function statusOf(status: IcsItem['status']): ICalEventStatus {
  switch (status) {
    case 'planned':
    case 'done':
      return ICalEventStatus.CONFIRMED;
    case 'postponed':
      return ICalEventStatus.TENTATIVE;
    case 'cancelled':
      return ICalEventStatus.CANCELLED;
    default:
      return assertNever(status);
  }
}

function descriptionOf(item: IcsItem): string | null {
  const lines: string[] = [];
  if (item.ownerName) lines.push(`负责人：${item.ownerName}`);
  if (item.category) lines.push(`类别：${item.category}`);
  if (item.note) lines.push(`备注：${item.note}`);
  return lines.length > 0 ? plain(lines.join('\n')) : null;
}

/**
 * The organisation's calendar as an iCalendar feed: each schedule item an all-day event (a month item spanning its
 * months), done and postponed items marked in the summary, cancelled ones sent as STATUS:CANCELLED so subscribed
 * clients drop them, and the year's festivals as all-day events. Output for the same data is byte-identical
 * (DTSTAMP is the item's last change), so it can be cached by its hash.
 */
export function buildIcs(org: { id: string; name: string }, items: IcsItem[], festivals: { name: string; date: string }[]): string {
  const calendar = ical({
    prodId: { company: 'Unionhome', product: 'calendar', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes NAME and X-WR-CALNAME unescaped, unlike every other text; an organisation name with a
    // comma, semicolon or line break would otherwise corrupt the feed.
    name: escape(plain(`${org.name} 行事历`), false),
    ttl: 60 * 60,
  });

  for (const item of items) {
    const { start, end } = span(item);
    calendar.createEvent({
      id: `${item.id}@unionhome`,
      allDay: true,
      start,
      end,
      summary: summaryOf(item),
      description: descriptionOf(item),
      categories: item.category ? [{ name: plain(item.category) }] : [],
      status: statusOf(item.status),
      transparency: ICalEventTransparency.TRANSPARENT,
      stamp: item.updatedAt,
      lastModified: item.updatedAt,
    });
  }

  for (const festival of festivals) {
    const start = utcDay(festival.date);
    calendar.createEvent({
      id: `festival-${festival.date}-${festival.name}@unionhome`,
      allDay: true,
      start,
      end: new Date(start.getTime() + DAY_MS),
      summary: plain(festival.name),
      categories: [{ name: '节日' }],
      transparency: ICalEventTransparency.TRANSPARENT,
      // Festivals never change; a fixed stamp (New Year's Day of their year) keeps the feed stable.
      stamp: new Date(Date.UTC(start.getUTCFullYear(), 0, 1)),
    });
  }

  return withCalendarProperties(calendar.toString(), [
    // Not calendar.timezone(): the library would then read dates, and write DTSTAMP, in the process's local time.
    'X-WR-TIMEZONE:Asia/Shanghai',
    `X-WR-RELCALID:${escape(org.id, false)}@unionhome`,
  ]);
}

/**
 * Adds calendar properties before the first component. calendar.x() would write them after the events, where
 * RFC 5545 (icalbody = calprops component) does not allow them.
 */
function withCalendarProperties(ics: string, lines: string[]): string {
  const at = ics.search(/^(BEGIN:V(?!CALENDAR)|END:VCALENDAR)/m);
  return ics.slice(0, at) + lines.map((l) => `${l}\r\n`).join('') + ics.slice(at);
}
