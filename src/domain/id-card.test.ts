import { describe, expect, it } from 'vitest';
import { idCardBirthDate, idCardCheckChar, idCardGender, isValidIdCard } from './id-card.js';
import { seededRandom } from './seeded-random.js';
import { refCheckChar } from './reference-id-card.test-support.js';

/** A well-formed ID: region code, birth date YYYYMMDD, 3-digit sequence, and the reference check character. */
function makeId(region: string, birth: string, seq: string): string {
  const first17 = region + birth + seq;
  return first17 + refCheckChar(first17);
}

const rng = seededRandom;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('reference implementation (sanity of the test itself)', () => {
  it('derives the published weight sequence 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2', () => {
    const weights = Array.from({ length: 17 }, (_, i) => 2 ** (18 - i - 1) % 11);
    expect(weights).toEqual([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  });
});

describe('idCardCheckChar', () => {
  it('gives X for the GB 11643-1999 sample 11010519491231002X (worked by hand: Σ = 167, 167 mod 11 = 2 → X)', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
  });

  it('gives 4 for the GB 11643-1999 sample 440524188001010014 (worked by hand: Σ = 195, 195 mod 11 = 8 → 4)', () => {
    expect(idCardCheckChar('44052418800101001')).toBe('4');
  });

  it('gives 1 when the weighted sum is a multiple of 11 (all zeros)', () => {
    expect(idCardCheckChar('00000000000000000')).toBe('1');
  });

  it('uses the right weight for every position (one non-zero digit at a time)', () => {
    for (let pos = 0; pos < 17; pos++) {
      for (let digit = 1; digit <= 9; digit++) {
        const first17 = '0'.repeat(pos) + String(digit) + '0'.repeat(16 - pos);
        expect(idCardCheckChar(first17), `digit ${digit} at position ${pos + 1}`).toBe(refCheckChar(first17));
      }
    }
  });

  it('agrees with the reference on 5 000 random 17-digit prefixes, every check character included', () => {
    const rand = rng(11);
    const seen = new Set<string>();
    for (let n = 0; n < 5000; n++) {
      let first17 = '';
      for (let i = 0; i < 17; i++) first17 += Math.floor(rand() * 10);
      const expected = refCheckChar(first17);
      seen.add(expected);
      expect(idCardCheckChar(first17)).toBe(expected);
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });
});

describe('isValidIdCard', () => {
  it('accepts the GB 11643 sample with an X check character, also written with a lower-case x', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true);
    expect(isValidIdCard('11010519491231002x')).toBe(true);
  });

  it('accepts surrounding spaces (as pasted from a spreadsheet)', () => {
    expect(isValidIdCard('  11010519491231002X ')).toBe(true);
  });

  it('accepts valid numbers built with the reference check digit, X ones included', () => {
    const rand = rng(42);
    let withX = 0;
    for (let n = 0; n < 2000; n++) {
      const y = 1930 + Math.floor(rand() * 80);
      const m = 1 + Math.floor(rand() * 12);
      const d = 1 + Math.floor(rand() * 28);
      const id = makeId(pad(110000 + Math.floor(rand() * 550000), 6), `${y}${pad(m, 2)}${pad(d, 2)}`, pad(Math.floor(rand() * 1000), 3));
      if (id.endsWith('X')) {
        withX++;
        expect(isValidIdCard(id.slice(0, 17) + 'x')).toBe(true);
      }
      expect(isValidIdCard(id), id).toBe(true);
    }
    expect(withX).toBeGreaterThan(50);
  });

  it('refuses every wrong check character', () => {
    const id = makeId('320102', '19850302', '123');
    for (const c of '0123456789X') {
      if (c === id[17]) continue;
      expect(isValidIdCard(id.slice(0, 17) + c), `check char ${c}`).toBe(false);
    }
  });

  it('refuses a number where any one digit was mistyped (MOD 11-2 catches every single-digit error)', () => {
    const rand = rng(7);
    for (let n = 0; n < 200; n++) {
      const id = makeId('440305', `19${pad(50 + Math.floor(rand() * 50), 2)}0615`, pad(Math.floor(rand() * 1000), 3));
      const pos = [0, 1, 2, 3, 4, 5, 14, 15, 16][Math.floor(rand() * 9)]; // keep the birth date real
      const wrong = String((Number(id[pos]) + 1 + Math.floor(rand() * 9)) % 10);
      const typo = id.slice(0, pos) + wrong + id.slice(pos + 1);
      expect(isValidIdCard(typo), `${id} → ${typo}`).toBe(false);
    }
  });

  it('refuses a swap of two adjacent different digits', () => {
    const id = makeId('310104', '19780911', '456');
    for (let pos = 14; pos < 16; pos++) {
      if (id[pos] === id[pos + 1]) continue;
      const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
      expect(isValidIdCard(swapped)).toBe(false);
    }
  });

  it('refuses 17 and 19 characters, even when the digits are otherwise right', () => {
    const id = makeId('110105', '19491231', '002');
    expect(isValidIdCard(id.slice(0, 17))).toBe(false);
    expect(isValidIdCard(id + '0')).toBe(false);
    expect(isValidIdCard('0' + id)).toBe(false);
    expect(isValidIdCard('')).toBe(false);
  });

  it('refuses the first-generation 15-digit numbers', () => {
    expect(isValidIdCard('110105491231002')).toBe(false);
  });

  it('refuses letters other than a final X, and X anywhere else', () => {
    expect(isValidIdCard('11010519491231002A')).toBe(false);
    expect(isValidIdCard('A1010519491231002X')).toBe(false);
    expect(isValidIdCard('1101051949123100X2')).toBe(false);
    expect(isValidIdCard('11010519491231O02X')).toBe(false); // letter O for zero
  });

  it('refuses spaces or dashes inside the number and full-width digits', () => {
    expect(isValidIdCard('110105 19491231002X')).toBe(false);
    expect(isValidIdCard('110105-19491231002X')).toBe(false);
    expect(isValidIdCard('１１０１０５１９４９１２３１００２Ｘ')).toBe(false);
  });

  it('refuses impossible birth dates even with a correct check digit', () => {
    for (const birth of ['19850230', '19850001', '19851301', '19850100', '19850431', '19850229', '19000229', '18991231']) {
      const id = makeId('110105', birth, '123');
      expect(isValidIdCard(id), birth).toBe(false);
    }
  });

  it('accepts leap days of leap years (1984, 2000) and month ends', () => {
    for (const birth of ['19840229', '20000229', '19850131', '19850430', '19851231', '19850228']) {
      expect(isValidIdCard(makeId('110105', birth, '123')), birth).toBe(true);
    }
  });
});

describe('idCardBirthDate', () => {
  it('reads the birth date as YYYY-MM-DD', () => {
    expect(idCardBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idCardBirthDate(makeId('320102', '19850302', '123'))).toBe('1985-03-02');
    expect(idCardBirthDate(makeId('320102', '19840229', '123'))).toBe('1984-02-29');
  });

  it('gives null for a birth part that is not a real date', () => {
    expect(idCardBirthDate(makeId('320102', '19850230', '123'))).toBeNull();
    expect(idCardBirthDate(makeId('320102', '19850001', '123'))).toBeNull();
    expect(idCardBirthDate(makeId('320102', '19850229', '123'))).toBeNull();
    expect(idCardBirthDate(makeId('320102', '19851232', '123'))).toBeNull();
  });
});

describe('idCardGender', () => {
  it('reads the 17th digit: odd is male, even (0 included) is female', () => {
    for (let digit = 0; digit <= 9; digit++) {
      const id = makeId('110105', '19850302', `12${digit}`);
      expect(idCardGender(id), `17th digit ${digit}`).toBe(digit % 2 === 1 ? 'M' : 'F');
    }
  });

  it('reads the GB 11643 samples: 11010519491231002X is a woman, 440524188001010014 a man', () => {
    expect(idCardGender('11010519491231002X')).toBe('F');
    expect(idCardGender('440524188001010014')).toBe('M');
  });
});
