const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' });
const SHANGHAI_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function shanghaiDay(at: Date): { year: number; month: number; day: number; index: number } {
  const p = Object.fromEntries(SHANGHAI_DAY.formatToParts(at).map((x) => [x.type, x.value]));
  const [year, month, day] = [Number(p.year), Number(p.month), Number(p.day)];
  return { year, month, day, index: Date.UTC(year, month - 1, day) / (24 * HOUR) };
}

/**
 * When something happened, as a notification list says it in Chinese (Asia/Shanghai): 刚刚, 3 分钟前, 2 小时前,
 * 昨天 15:30, 3 天前, then the date (12月3日, with the year when it is not this year's).
 */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const ago = now.getTime() - at.getTime();
  if (ago < MINUTE) return '刚刚';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} 分钟前`;
  const day = shanghaiDay(at);
  const today = shanghaiDay(now);
  const days = today.index - day.index;
  if (days === 0 || ago < 6 * HOUR) return `${Math.floor(ago / HOUR)} 小时前`;
  if (days === 1) return `昨天 ${SHANGHAI_CLOCK.format(at)}`;
  if (days < 7) return `${days} 天前`;
  return day.year === today.year ? `${day.month}月${day.day}日` : `${day.year}年${day.month}月${day.day}日`;
}
