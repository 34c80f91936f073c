import { describe, expect, it } from 'vitest';
import { proposalFigures, roundTimeliness, type ProposalFigureRow, type ReplyRoundRow } from './proposal-figures.js';

const TODAY = '2026-06-15';

function row(over: Partial<ProposalFigureRow> = {}): ProposalFigureRow {
  return { status: 'accepted', kind: 'proposal', finalRating: null, ...over };
}
const round = (replyDueOn: string | null, repliedOn: string | null = null): ReplyRoundRow => ({ replyDueOn, repliedOn });

describe('roundTimeliness', () => {
  it.each([
    ['replied before the deadline', round('2026-06-20', '2026-06-10'), 'onTime'],
    ['replied on the deadline day', round('2026-06-01', '2026-06-01'), 'onTime'],
    ['replied the day after the deadline', round('2026-06-01', '2026-06-02'), 'late'],
    ['replied after the deadline, on a later day than today’s check', round('2026-05-01', '2026-06-15'), 'late'],
    ['no reply, the deadline passed yesterday', round('2026-06-14'), 'missed'],
    ['no reply, the deadline is today', round(TODAY), null],
    ['no reply, the deadline is ahead', round('2026-07-01'), null],
    ['no deadline and no reply', round(null), null],
    ['no deadline, replied', round(null, '2026-06-01'), null],
  ] as const)('%s', (_, r, expected) => {
    expect(roundTimeliness(r, TODAY)).toBe(expected);
  });
});

describe('proposalFigures', () => {
  it('has no rates, rather than 0 % or 100 %, when nothing is counted', () => {
    expect(proposalFigures([], [], TODAY)).toEqual({
      submitted: 0,
      accepted: 0,
      acceptanceRate: null,
      due: 0,
      onTime: 0,
      onTimeRate: null,
      closed: 0,
      closureRate: null,
      rated: 0,
      satisfied: 0,
      satisfactionRate: null,
    });
  });

  it('has no rates from drafts, proposals awaiting review, withdrawn ones, opinions and rounds not yet due', () => {
    const rows = [row({ status: 'draft' }), row({ status: 'submitted' }), row({ status: 'withdrawn' }), row({ status: 'submitted', kind: 'opinion' })];
    expect(proposalFigures(rows, [round(TODAY), round('2026-07-01'), round(null)], TODAY)).toMatchObject({
      submitted: 0,
      due: 0,
      acceptanceRate: null,
      closureRate: null,
      onTimeRate: null,
      satisfactionRate: null,
    });
  });

  it('computes a session by hand, every round against its own deadline', () => {
    const rows: ProposalFigureRow[] = [
      row({ status: 'closed', finalRating: 'satisfied' }), // 1
      row({ status: 'closed', finalRating: 'basic' }), // 2
      row({ status: 'closed', finalRating: 'unsatisfied' }), // 3: two rounds, 不满意 both times
      row({ status: 'replied' }), // 4: not rated yet
      row({ status: 'assigned' }), // 5: deadline passed without a reply
      row({ status: 'assigned' }), // 6: deadline today
      row({ status: 'assigned' }), // 7: round 2 under way, its deadline ahead
      row({ status: 'accepted' }), // 8: not yet assigned
      row({ status: 'rejected' }),
      row({ status: 'converted' }),
      // Folded into a target above: not counted.
      row({ status: 'merged' }),
      row({ status: 'withdrawn' }),
      row({ status: 'draft' }),
      row({ status: 'submitted', kind: 'opinion' }),
    ];
    const rounds: ReplyRoundRow[] = [
      round('2026-05-08', '2026-05-08'), // 1: on the deadline — on time
      round('2026-05-08', '2026-05-09'), // 2: a day late
      round('2026-04-10', '2026-04-20'), // 3, round 1: late
      round('2026-06-01', '2026-05-30'), // 3, round 2: on time
      round('2026-06-30', '2026-06-10'), // 4: early — on time
      round('2026-06-12'), // 5: missed
      round(TODAY), // 6: not due yet
      round('2026-05-20', '2026-05-25'), // 7, round 1: late, and stays late in round 2
      round('2026-07-20'), // 7, round 2: not due yet
    ];
    expect(proposalFigures(rows, rounds, TODAY)).toEqual({
      submitted: 10,
      accepted: 8,
      acceptanceRate: 8 / 10,
      due: 7,
      onTime: 3,
      onTimeRate: 3 / 7,
      closed: 3,
      closureRate: 3 / 8,
      rated: 3,
      satisfied: 2,
      satisfactionRate: 2 / 3,
    });
  });

  it('counts a converted proposal as reviewed whatever its kind became', () => {
    const rows = [row({ status: 'accepted' }), row({ status: 'converted', kind: 'opinion' })];
    expect(proposalFigures(rows, [], TODAY)).toMatchObject({ submitted: 2, accepted: 1, acceptanceRate: 0.5 });
  });

  it('counts every state from 立案 on as accepted', () => {
    const rows = (['accepted', 'assigned', 'replied', 'closed'] as const).map((status) => row({ status }));
    expect(proposalFigures(rows, [], TODAY)).toMatchObject({ submitted: 4, accepted: 4, acceptanceRate: 1, closed: 1, closureRate: 0.25 });
  });

  it('counts a reply as on time on the deadline day and late the day after', () => {
    expect(proposalFigures([], [round('2026-06-01', '2026-06-01')], TODAY)).toMatchObject({ due: 1, onTime: 1, onTimeRate: 1 });
    expect(proposalFigures([], [round('2026-06-01', '2026-06-02')], TODAY)).toMatchObject({ due: 1, onTime: 0, onTimeRate: 0 });
  });

  it('counts a missing reply as late only from the day after the deadline', () => {
    expect(proposalFigures([], [round('2026-06-15')], '2026-06-15')).toMatchObject({ due: 0, onTimeRate: null });
    expect(proposalFigures([], [round('2026-06-15')], '2026-06-16')).toMatchObject({ due: 1, onTime: 0, onTimeRate: 0 });
  });

  it('counts an early reply at once, before its deadline comes', () => {
    expect(proposalFigures([], [round('2026-07-01', '2026-06-10')], TODAY)).toMatchObject({ due: 1, onTime: 1, onTimeRate: 1 });
  });

  it('keeps a late first reply late once the second round begins, and counts the second round on its own deadline', () => {
    const first = round('2026-05-08', '2026-05-12');
    expect(proposalFigures([row({ status: 'assigned' })], [first, round('2026-07-06')], TODAY)).toMatchObject({ due: 1, onTime: 0, onTimeRate: 0 });
    // The second reply on time, though after the first round's deadline: one of two rounds on time.
    expect(proposalFigures([row({ status: 'replied' })], [first, round('2026-07-06', '2026-06-12')], TODAY)).toMatchObject({ due: 2, onTime: 1, onTimeRate: 0.5 });
  });

  it('leaves a round without a deadline out, replied or not', () => {
    expect(proposalFigures([], [round(null, '2026-06-01'), round(null)], TODAY)).toMatchObject({ due: 0, onTime: 0, onTimeRate: null });
  });

  it('reads satisfaction from the final rating: 满意 and 基本满意 over all rated', () => {
    const rows = [row({ finalRating: 'satisfied' }), row({ finalRating: 'basic' }), row({ finalRating: 'unsatisfied' }), row({ finalRating: 'unsatisfied' }), row()];
    expect(proposalFigures(rows, [], TODAY)).toMatchObject({ rated: 4, satisfied: 2, satisfactionRate: 0.5 });
  });
});
