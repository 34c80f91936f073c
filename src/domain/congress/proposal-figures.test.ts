import { describe, expect, it } from 'vitest';
import { proposalFigures, type ProposalFigureRow } from './proposal-figures.js';

const TODAY = '2026-06-15';

function row(over: Partial<ProposalFigureRow> = {}): ProposalFigureRow {
  return { status: 'accepted', kind: 'proposal', replyDueOn: null, repliedOn: null, finalRating: null, ...over };
}

describe('proposalFigures', () => {
  it('has no rates, rather than 0 % or 100 %, when nothing is counted', () => {
    expect(proposalFigures([], TODAY)).toEqual({
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

  it('has no rates from drafts, proposals awaiting review, withdrawn ones and opinions', () => {
    const rows = [row({ status: 'draft' }), row({ status: 'submitted' }), row({ status: 'withdrawn' }), row({ status: 'submitted', kind: 'opinion' })];
    expect(proposalFigures(rows, TODAY)).toMatchObject({ submitted: 0, acceptanceRate: null, closureRate: null, onTimeRate: null, satisfactionRate: null });
  });

  it('computes a session by hand', () => {
    const rows: ProposalFigureRow[] = [
      // Closed, replied on the deadline, 满意.
      row({ status: 'closed', replyDueOn: '2026-05-08', repliedOn: '2026-05-08', finalRating: 'satisfied' }),
      // Closed, replied a day late, 基本满意.
      row({ status: 'closed', replyDueOn: '2026-05-08', repliedOn: '2026-05-09', finalRating: 'basic' }),
      // Closed after round 2, 不满意 both times; the second reply was on time.
      row({ status: 'closed', replyDueOn: '2026-06-01', repliedOn: '2026-05-30', finalRating: 'unsatisfied' }),
      // Replied early, not rated yet.
      row({ status: 'replied', replyDueOn: '2026-06-30', repliedOn: '2026-06-10' }),
      // Assigned, deadline passed without a reply.
      row({ status: 'assigned', replyDueOn: '2026-06-12' }),
      // Assigned, deadline today: not missed yet.
      row({ status: 'assigned', replyDueOn: TODAY }),
      // Accepted, not yet assigned.
      row({ status: 'accepted' }),
      row({ status: 'rejected' }),
      row({ status: 'converted' }),
      // Folded into a target above: not counted.
      row({ status: 'merged' }),
      row({ status: 'withdrawn' }),
      row({ status: 'draft' }),
      row({ status: 'submitted', kind: 'opinion' }),
    ];
    expect(proposalFigures(rows, TODAY)).toEqual({
      submitted: 9,
      accepted: 7,
      acceptanceRate: 7 / 9,
      due: 5,
      onTime: 3,
      onTimeRate: 3 / 5,
      closed: 3,
      closureRate: 3 / 7,
      rated: 3,
      satisfied: 2,
      satisfactionRate: 2 / 3,
    });
  });

  it('counts a converted proposal as reviewed whatever its kind became', () => {
    const rows = [row({ status: 'accepted' }), row({ status: 'converted', kind: 'opinion' })];
    expect(proposalFigures(rows, TODAY)).toMatchObject({ submitted: 2, accepted: 1, acceptanceRate: 0.5 });
  });

  it('counts every state from 立案 on as accepted', () => {
    const rows = (['accepted', 'assigned', 'replied', 'closed'] as const).map((status) => row({ status }));
    expect(proposalFigures(rows, TODAY)).toMatchObject({ submitted: 4, accepted: 4, acceptanceRate: 1, closed: 1, closureRate: 0.25 });
  });

  it('counts a reply as on time on the deadline day and late the day after', () => {
    const onTheDay = proposalFigures([row({ replyDueOn: '2026-06-01', repliedOn: '2026-06-01' })], TODAY);
    expect(onTheDay).toMatchObject({ due: 1, onTime: 1, onTimeRate: 1 });
    const dayLate = proposalFigures([row({ replyDueOn: '2026-06-01', repliedOn: '2026-06-02' })], TODAY);
    expect(dayLate).toMatchObject({ due: 1, onTime: 0, onTimeRate: 0 });
  });

  it('counts a missing reply as late only from the day after the deadline', () => {
    expect(proposalFigures([row({ replyDueOn: '2026-06-15' })], '2026-06-15')).toMatchObject({ due: 0, onTimeRate: null });
    expect(proposalFigures([row({ replyDueOn: '2026-06-15' })], '2026-06-16')).toMatchObject({ due: 1, onTime: 0, onTimeRate: 0 });
  });

  it('counts an early reply at once, before its deadline comes', () => {
    expect(proposalFigures([row({ replyDueOn: '2026-07-01', repliedOn: '2026-06-10' })], TODAY)).toMatchObject({ due: 1, onTime: 1, onTimeRate: 1 });
  });

  it('reads satisfaction from the final rating: 满意 and 基本满意 over all rated', () => {
    const rows = [row({ finalRating: 'satisfied' }), row({ finalRating: 'basic' }), row({ finalRating: 'unsatisfied' }), row({ finalRating: 'unsatisfied' }), row()];
    expect(proposalFigures(rows, TODAY)).toMatchObject({ rated: 4, satisfied: 2, satisfactionRate: 0.5 });
  });
});
