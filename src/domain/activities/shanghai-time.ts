const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant as Asia/Shanghai wall time `YYYY-MM-DDTHH:mm:ss+08:00` (China has had no daylight saving since 1991). */
export function toShanghaiIso(instant: Date): string {
  return `${new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** An instant as people read it on a notice: "12月1日 08:00", with the year ("2027年1月5日 08:00") when it is not `now`'s year. */
export function shanghaiWallTime(instant: Date, now: Date): string {
  const wall = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  const nowYear = new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  const year = wall.getUTCFullYear() === nowYear ? '' : `${wall.getUTCFullYear()}年`;
  const hh = String(wall.getUTCHours()).padStart(2, '0');
  const mm = String(wall.getUTCMinutes()).padStart(2, '0');
  return `${year}${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${hh}:${mm}`;
}
