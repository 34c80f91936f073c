import { describe, expect, it } from 'vitest';
import { ageOn, birthRangeForAges, parseLooseDate, todayInShanghai, toIsoDate } from './dates.js';
import { seededRandom } from './seeded-random.js';

const DAY_MS = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(ms(day) + n * DAY_MS);
/** Excel's serial day number of a date, counted here from 1899-12-30 (Excel's 1900 leap-year bug included). */
const excelSerial = (day: string) => (ms(day) - Date.UTC(1899, 11, 30)) / DAY_MS;

const rng = seededRandom;

describe('toIsoDate', () => {
  it('builds zero-padded dates and refuses impossible ones', () => {
    expect(toIsoDate(1985, 3, 2)).toBe('1985-03-02');
    expect(toIsoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(toIsoDate(2023, 2, 29)).toBeNull();
    expect(toIsoDate(1900, 2, 29)).toBeNull();
    expect(toIsoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(toIsoDate(1985, 4, 31)).toBeNull();
    expect(toIsoDate(1985, 0, 1)).toBeNull();
    expect(toIsoDate(1985, 1, 0)).toBeNull();
    expect(toIsoDate(1985.5, 1, 1)).toBeNull();
  });
});

describe('parseLooseDate: full dates as people write them', () => {
  it.each([
    ['1985-03-02'],
    ['1985-3-2'],
    ['1985/3/2'],
    ['1985/03/02'],
    ['1985.3.2'],
    ['1985.03.02'],
    ['19850302'],
    ['1985年3月2日'],
    ['1985年03月02日'],
    ['1985年3月2号'],
    ['1985年3月2'],
    [' 1985-03-02 '],
    ['1985 年 3 月 2 日'],
    ['１９８５年３月２日'],
    ['１９８５－０３－０２'],
    ['１９８５．３．２'],
    ['１９８５／３／２'],
    ['１９８５０３０２'],
  ])('%s → 1985-03-02', (raw) => {
    expect(parseLooseDate(raw)).toBe('1985-03-02');
  });

  it('reads a leap day of a leap year and refuses it in a common year', () => {
    expect(parseLooseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseLooseDate('2000年2月29日')).toBe('2000-02-29');
    expect(parseLooseDate('2023-02-29')).toBeNull();
    expect(parseLooseDate('1900-02-29')).toBeNull();
    expect(parseLooseDate('2100-02-29')).toBeNull();
  });

  it.each([
    ['2023-02-29'],
    ['1985-13-01'],
    ['1985-00-10'],
    ['1985-02-30'],
    ['1985-04-31'],
    ['1985-03-00'],
    ['19851301'],
    ['19850230'],
    ['1985年13月1日'],
    ['1985年2月30日'],
    ['abc'],
    ['无'],
    ['不详'],
    ['N/A'],
    [''],
    ['   '],
    ['1985'],
    ['85-03-02'],
    ['03/02/1985'],
    ['1985-03-02-01'],
    ['1985--03-02'],
    ['1985-03-02T10:00'],
    ['1985年'],
    ['198513'],
    ['1234'],
  ])('%j cannot be read', (raw) => {
    expect(parseLooseDate(raw)).toBeNull();
  });

  it('gives null for null, undefined, booleans and objects', () => {
    expect(parseLooseDate(null)).toBeNull();
    expect(parseLooseDate(undefined)).toBeNull();
    expect(parseLooseDate(true)).toBeNull();
    expect(parseLooseDate({})).toBeNull();
  });
});

describe('parseLooseDate: year and month only (出生年月)', () => {
  it.each([['1985-03'], ['1985-3'], ['1985/03'], ['1985.03'], ['1985.3'], ['1985年3月'], ['1985年03月'], ['1985年3'], ['198503'], ['１９８５年３月']])(
    '%s → 1985-03-01',
    (raw) => {
      expect(parseLooseDate(raw)).toBe('1985-03-01');
    },
  );

  it('refuses a month that does not exist', () => {
    expect(parseLooseDate('1985-13')).toBeNull();
    expect(parseLooseDate('1985年0月')).toBeNull();
    expect(parseLooseDate('198500')).toBeNull();
  });
});

describe('parseLooseDate: spreadsheet cells', () => {
  it('reads the Excel serial number 31108 as 1985-03-02 (checked: 1985-03-02 is day 31108 after 1899-12-30)', () => {
    expect(excelSerial('1985-03-02')).toBe(31108);
    expect(parseLooseDate(31108)).toBe('1985-03-02');
    expect(parseLooseDate('31108')).toBe('1985-03-02');
  });

  it('drops the time of day in a serial number', () => {
    expect(parseLooseDate(31108.75)).toBe('1985-03-02');
    expect(parseLooseDate('31108.5')).toBe('1985-03-02');
  });

  it('reads serial numbers of many dates from 1920 to 2090, leap days included', () => {
    const rand = rng(3);
    const days = ['1984-02-29', '2000-02-29', '2024-02-29', '2000-03-01', '1999-12-31'];
    for (let n = 0; n < 2000; n++) days.push(iso(Date.UTC(1920, 0, 1) + Math.floor(rand() * 62_000) * DAY_MS));
    for (const day of days) expect(parseLooseDate(excelSerial(day)), day).toBe(day);
  });

  it('refuses serial numbers outside any plausible date', () => {
    expect(parseLooseDate(0)).toBeNull();
    expect(parseLooseDate(-5)).toBeNull();
    expect(parseLooseDate(Number.NaN)).toBeNull();
    expect(parseLooseDate(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('reads a JS Date given as UTC midnight of the calendar day', () => {
    expect(parseLooseDate(new Date(Date.UTC(1985, 2, 2)))).toBe('1985-03-02');
    expect(parseLooseDate(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
  });

  it('reads the same calendar day whatever the server’s time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(parseLooseDate(new Date(Date.UTC(1985, 2, 2))), tz).toBe('1985-03-02');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('refuses an invalid Date', () => {
    expect(parseLooseDate(new Date('not a date'))).toBeNull();
  });

  it('reads digits Excel kept as a number the way they were typed, not as serial days of 1905', () => {
    expect(parseLooseDate(19850302)).toBe('1985-03-02');
    expect(parseLooseDate(198503)).toBe('1985-03-01');
    expect(parseLooseDate(1985.03)).toBe('1985-03-01');
    expect(parseLooseDate(1985.3)).toBe('1985-03-01');
    expect(parseLooseDate(1985.11)).toBe('1985-11-01');
    expect(parseLooseDate(1985.12)).toBe('1985-12-01');
  });

  it('refuses numbers it could only guess: a year alone, 1985.1 (January or October?), impossible months and days', () => {
    expect(parseLooseDate(1985)).toBeNull();
    expect(parseLooseDate(1985.1)).toBeNull();
    expect(parseLooseDate(1985.13)).toBeNull();
    expect(parseLooseDate(19850230)).toBeNull();
    expect(parseLooseDate(198513)).toBeNull();
  });
});

describe('ageOn', () => {
  it('counts whole years, turning over on the birthday', () => {
    expect(ageOn('1985-03-02', '2025-03-01')).toBe(39);
    expect(ageOn('1985-03-02', '2025-03-02')).toBe(40);
    expect(ageOn('1985-03-02', '2025-12-31')).toBe(40);
    expect(ageOn('1985-12-31', '2026-01-01')).toBe(40);
    expect(ageOn('1985-03-02', '1985-03-02')).toBe(0);
    expect(ageOn('1985-03-02', '1986-03-01')).toBe(0);
  });

  it('turns a 29 February birthday over on 1 March in a common year and on 29 February in a leap year', () => {
    expect(ageOn('2000-02-29', '2023-02-28')).toBe(22);
    expect(ageOn('2000-02-29', '2023-03-01')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
    expect(ageOn('1984-02-29', '1985-02-28')).toBe(0);
    expect(ageOn('1984-02-29', '1985-03-01')).toBe(1);
  });

  it('gives someone born on 28 February their birthday on 28 February, leap year or not', () => {
    expect(ageOn('1985-02-28', '2024-02-28')).toBe(39);
    expect(ageOn('1985-02-28', '2023-02-28')).toBe(38);
    expect(ageOn('1985-02-28', '2023-02-27')).toBe(37);
  });
});

describe('todayInShanghai', () => {
  it('is the calendar day in UTC+8, not UTC', () => {
    expect(todayInShanghai(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(todayInShanghai(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(todayInShanghai(new Date('2024-02-28T20:00:00Z'))).toBe('2024-02-29');
  });
});

describe('birthRangeForAges', () => {
  it('gives the inclusive birth range of an age band', () => {
    expect(birthRangeForAges('2025-06-15', 30, 39)).toEqual({ from: '1985-06-16', to: '1995-06-15' });
    expect(birthRangeForAges('2025-06-15', 0, 29)).toEqual({ from: '1995-06-16', to: '2025-06-15' });
  });

  it('has no lower bound when the band has no upper age', () => {
    expect(birthRangeForAges('2025-06-15', 60, null)).toEqual({ from: null, to: '1965-06-15' });
  });

  it('handles 29 February as the day the ages are taken on', () => {
    // On 2024-02-29 someone born 2023-02-28 is 1, someone born 2023-03-01 is still 0.
    expect(birthRangeForAges('2024-02-29', 1, 1)).toEqual({ from: '2022-03-01', to: '2023-02-28' });
    expect(birthRangeForAges('2024-02-29', 0, 0)).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(birthRangeForAges('2024-02-29', 4, 4)).toEqual({ from: '2019-03-01', to: '2020-02-29' });
  });

  /**
   * Every birth date in the range has an age inside the band and the days just outside do not. Returns what
   * is wrong (plain checks, one expect per test, so thousands of cases stay fast).
   */
  function bandProblems(day: string, min: number, max: number | null, sweep: boolean): string[] {
    const { from, to } = birthRangeForAges(day, min, max);
    const label = `${day} ages ${min}–${max ?? '∞'} → [${from}, ${to}]`;
    const wrong: string[] = [];
    const inBand = (birth: string) => {
      const age = ageOn(birth, day);
      return age >= min && (max === null || age <= max);
    };
    if (!inBand(to)) wrong.push(`${label}: last day ${to} is aged ${ageOn(to, day)}`);
    if (ageOn(addDays(to, 1), day) !== min - 1) wrong.push(`${label}: day after the range is aged ${ageOn(addDays(to, 1), day)}`);
    if (max === null) {
      if (from !== null) wrong.push(`${label}: open band has a lower bound`);
      if (!inBand(addDays(to, -365 * 80))) wrong.push(`${label}: someone 80 years older is out`);
      return wrong;
    }
    if (from === null) return [...wrong, `${label}: closed band has no lower bound`];
    if (!inBand(from)) wrong.push(`${label}: first day ${from} is aged ${ageOn(from, day)}`);
    if (ageOn(addDays(from, -1), day) !== max + 1) wrong.push(`${label}: day before the range is aged ${ageOn(addDays(from, -1), day)}`);
    if (sweep) {
      for (let t = ms(from); t <= ms(to); t += DAY_MS) {
        if (!inBand(iso(t))) {
          wrong.push(`${label}: ${iso(t)} is in the range but aged ${ageOn(iso(t), day)}`);
          break;
        }
      }
    }
    return wrong;
  }

  it('keeps every birth date in the band and none outside, for thousands of days and bands', () => {
    const rand = rng(2024);
    const days = ['2024-02-29', '2000-02-29', '2023-02-28', '2023-03-01', '2024-02-28', '2024-03-01', '2025-01-01', '2024-12-31'];
    for (let n = 0; n < 3000; n++) days.push(iso(Date.UTC(1990, 0, 1) + Math.floor(rand() * 25_500) * DAY_MS));
    const bands: [number, number | null][] = [[0, 29], [30, 39], [40, 49], [50, 59], [60, null]];
    const wrong: string[] = [];
    let cases = 0;
    days.forEach((day, i) => {
      for (const [min, max] of bands) {
        wrong.push(...bandProblems(day, min, max, i % 150 === 0));
        cases++;
      }
      const min = Math.floor(rand() * 80);
      const max = rand() < 0.2 ? null : min + Math.floor(rand() * 15);
      wrong.push(...bandProblems(day, min, max, i % 75 === 0));
      cases++;
    });
    expect(cases).toBe(days.length * 6);
    expect(wrong).toEqual([]);
  });

  it('keeps every birth date in the band when the day is a leap day or the day after it', () => {
    const wrong: string[] = [];
    for (const day of ['1992-02-29', '1996-02-29', '2004-02-29', '2024-02-29', '2024-03-01', '2023-03-01']) {
      for (let min = 0; min <= 40; min += 1) wrong.push(...bandProblems(day, min, min + (min % 3), true));
    }
    expect(wrong).toEqual([]);
  });
});
