import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.js';
import { copyRows } from '../../src/server/db/copy.js';
import { freshDatabase } from '../support/test-db.js';

// COPY is how imports write members; what goes in must come out unchanged on both engines.
describe('copyRows', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
    await database.query('CREATE TABLE copy_probe (n integer, t text, b boolean, d date, tags text[] NOT NULL)');
  });
  afterAll(async () => database.close());

  it('writes awkward text, NULLs, booleans, dates and text arrays exactly, inside the transaction', async () => {
    const rows = [
      [1, '张三', true, '2024-02-29', ['骨干教师', 'a,b', '{x}', 'say "hi"', 'NULL', 'back\\slash']],
      [2, 'tab\there\nnew line\r\\N', false, null, []],
      [3, null, null, '1950-01-01', ['']],
    ] as const;
    await database.db.transaction(async (tx) => copyRows(tx, 'copy_probe', ['n', 't', 'b', 'd', 'tags'], rows));
    const back = await database.query<{ n: number; t: string | null; b: boolean | null; d: string | null; tags: string[] }>(
      "SELECT n, t, b, to_char(d, 'YYYY-MM-DD') AS d, tags FROM copy_probe ORDER BY n",
    );
    expect(back).toEqual(rows.map(([n, t, b, d, tags]) => ({ n, t, b, d, tags: [...tags] })));
  });

  it('writes nothing when the transaction rolls back', async () => {
    const before = (await database.query<{ c: number }>('SELECT count(*)::int AS c FROM copy_probe'))[0].c;
    await expect(
      database.db.transaction(async (tx) => {
        await copyRows(tx, 'copy_probe', ['n', 't', 'tags'], Array.from({ length: 12_000 }, (_, i) => [i, `row ${i}`, []]));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await database.query<{ c: number }>('SELECT count(*)::int AS c FROM copy_probe'))[0].c).toBe(before);
  });

  it('accepts an empty set of rows and writes nothing', async () => {
    const before = (await database.query<{ c: number }>('SELECT count(*)::int AS c FROM copy_probe'))[0].c;
    await database.db.transaction(async (tx) => copyRows(tx, 'copy_probe', ['n', 'tags'], []));
    expect((await database.query<{ c: number }>('SELECT count(*)::int AS c FROM copy_probe'))[0].c).toBe(before);
  });
});
