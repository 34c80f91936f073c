import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import { buildIcs, type IcsItem } from './calendar.ics.js';

const ORG = { id: '7f1c2a4e-0000-4000-8000-000000000001', name: '张店四中工会' };
const UPDATED = new Date('2026-02-20T08:30:00Z');

function item(over: Partial<IcsItem> & Pick<IcsItem, 'id' | 'title'>): IcsItem {
  return {
    dateKind: 'date',
    startDate: '2026-03-08',
    endDate: '2026-03-08',
    status: 'planned',
    note: null,
    category: null,
    ownerName: null,
    updatedAt: UPDATED,
    ...over,
  };
}

// ical.js 2.2 does not know RFC 7986's NAME and would hand back its raw, still escaped text; NAME is TEXT.
(ICAL.design.icalendar.property as Record<string, unknown>)['name'] ??= { defaultType: 'text' };

/** Parses the feed back the way a calendar client would. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description ?? null,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      isDate: e.startDate.isDate && e.endDate.isDate,
      status: (c.getFirstPropertyValue('status') as string | null) ?? null,
      stamp: c.getFirstPropertyValue('dtstamp')?.toString() ?? null,
    };
  });
  return { calendar, events, byUid: Object.fromEntries(events.map((e) => [e.uid, e])) };
}

const ITEMS: IcsItem[] = [
  item({ id: 'i-date', title: '“三八”妇女节系列活动', ownerName: '李芳', category: '女工工作', note: '健康讲座、趣味活动' }),
  item({ id: 'i-range', title: '春季教职工运动会', dateKind: 'range', startDate: '2026-04-20', endDate: '2026-04-24', status: 'done' }),
  item({ id: 'i-month', title: '暑期疗休养', dateKind: 'month', startDate: '2026-07-01', endDate: '2026-08-31', status: 'postponed' }),
  item({ id: 'i-cancel', title: '春游', dateKind: 'date', startDate: '2026-04-11', endDate: '2026-04-11', status: 'cancelled' }),
  item({ id: 'i-dec', title: '冬送温暖', dateKind: 'month', startDate: '2026-12-01', endDate: '2026-12-31' }),
];
const FESTIVALS = [
  { name: '清明', date: '2026-04-05' },
  { name: '端午', date: '2026-06-19' },
];

describe('buildIcs', () => {
  it('names the calendar after the organisation, in Asia/Shanghai', () => {
    const { calendar } = parse(buildIcs(ORG, ITEMS, FESTIVALS));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('张店四中工会 行事历');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });

  it('writes calendar properties before the events, as RFC 5545 requires', () => {
    const ics = buildIcs(ORG, ITEMS, FESTIVALS);
    expect(ics.indexOf('X-WR-TIMEZONE:')).toBeGreaterThan(0);
    expect(ics.indexOf('X-WR-TIMEZONE:')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('sends every item and festival as an all-day event with its uid, summary and exclusive end', () => {
    const { events, byUid } = parse(buildIcs(ORG, ITEMS, FESTIVALS));
    expect(events).toHaveLength(7);
    expect(events.every((e) => e.isDate)).toBe(true);
    expect(byUid['i-date@unionhome']).toMatchObject({ summary: '“三八”妇女节系列活动', start: '2026-03-08', end: '2026-03-09' });
    expect(byUid['i-range@unionhome']).toMatchObject({ summary: '【已完成】春季教职工运动会', start: '2026-04-20', end: '2026-04-25' });
    expect(byUid['i-month@unionhome']).toMatchObject({ summary: '【延期】暑期疗休养' });
    expect(byUid['i-cancel@unionhome']).toMatchObject({ summary: '春游', start: '2026-04-11', end: '2026-04-12' });
    expect(byUid['festival-2026-04-05-清明@unionhome']).toMatchObject({ summary: '清明', start: '2026-04-05', end: '2026-04-06' });
    expect(byUid['festival-2026-06-19-端午@unionhome']).toMatchObject({ summary: '端午', start: '2026-06-19', end: '2026-06-20' });
  });

  it('spans a month item over its whole months, December into the next year', () => {
    const { byUid } = parse(buildIcs(ORG, ITEMS, []));
    expect(byUid['i-month@unionhome']).toMatchObject({ start: '2026-07-01', end: '2026-09-01' });
    expect(byUid['i-dec@unionhome']).toMatchObject({ start: '2026-12-01', end: '2027-01-01' });
  });

  it('covers whole months even when a month item carries mid-month days', () => {
    const { byUid } = parse(buildIcs(ORG, [item({ id: 'm', title: '读书节', dateKind: 'month', startDate: '2026-04-15', endDate: '2026-04-15' })], []));
    expect(byUid['m@unionhome']).toMatchObject({ start: '2026-04-01', end: '2026-05-01' });
  });

  it('marks a cancelled item CANCELLED and the others confirmed or tentative', () => {
    const { byUid } = parse(buildIcs(ORG, ITEMS, []));
    expect(byUid['i-cancel@unionhome'].status).toBe('CANCELLED');
    expect(byUid['i-date@unionhome'].status).toBe('CONFIRMED');
    expect(byUid['i-range@unionhome'].status).toBe('CONFIRMED');
    expect(byUid['i-month@unionhome'].status).toBe('TENTATIVE');
  });

  it('describes owner, category and note on separate lines, only those present', () => {
    const { byUid } = parse(buildIcs(ORG, ITEMS, []));
    expect(byUid['i-date@unionhome'].description).toBe('负责人：李芳\n类别：女工工作\n备注：健康讲座、趣味活动');
    expect(byUid['i-range@unionhome'].description).toBeNull();
    const { byUid: one } = parse(buildIcs(ORG, [item({ id: 'n', title: '座谈会', note: '带上笔记本' })], []));
    expect(one['n@unionhome'].description).toBe('备注：带上笔记本');
  });

  it('keeps commas, semicolons, backslashes and line breaks in titles, notes and the calendar name', () => {
    const title = '座谈会, 意见征集; 第一场 \\ 教工之家';
    const note = '第一行\n第二行，中文逗号, 英文逗号; 分号';
    const ics = buildIcs({ id: ORG.id, name: '某校工会, 分会; 一\n二' }, [item({ id: 'esc', title, note, ownerName: '王,五' })], []);
    const { calendar, byUid } = parse(ics);
    expect(byUid['esc@unionhome'].summary).toBe(title);
    expect(byUid['esc@unionhome'].description).toBe(`负责人：王,五\n备注：${note}`);
    expect(calendar.getFirstPropertyValue('name')).toBe('某校工会, 分会; 一\n二 行事历');
    // No raw line break inside a property: every physical line is a property, a fold or the end.
    for (const line of ics.split('\r\n').filter((l) => l !== '')) {
      expect(line, line).toMatch(/^([A-Z-]+[;:]| )/);
    }
  });

  it('drops control characters that iCalendar text cannot carry', () => {
    const ics = buildIcs(ORG, [item({ id: 'ctl', title: '粘贴\u000B来的\u0001标题', note: '甲\u0000乙\n丙' })], []);
    expect(ics).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(parse(ics).byUid['ctl@unionhome']).toMatchObject({ summary: '粘贴来的标题', description: '备注：甲乙\n丙' });
  });

  it('folds long lines without breaking a Chinese character', () => {
    const title = '开展“学习身边榜样”主题活动暨师德师风专题培训与警示教育活动，组织教职工签订师德师风承诺书';
    const ics = buildIcs(ORG, [item({ id: 'long', title })], []);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(parse(ics).byUid['long@unionhome'].summary).toBe(title);
  });

  it('stamps an item with its last change, so the same data gives the same feed', () => {
    const { byUid } = parse(buildIcs(ORG, ITEMS, FESTIVALS));
    expect(byUid['i-date@unionhome'].stamp).toBe('2026-02-20T08:30:00Z');
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-03-01T00:00:00Z'));
      const first = buildIcs(ORG, ITEMS, FESTIVALS);
      vi.setSystemTime(new Date('2026-09-01T12:34:56Z'));
      expect(buildIcs(ORG, ITEMS, FESTIVALS)).toBe(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a valid, empty calendar when there is nothing to send', () => {
    const ics = buildIcs(ORG, [], []);
    const { calendar, events } = parse(ics);
    expect(events).toEqual([]);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('张店四中工会 行事历');
  });
});
