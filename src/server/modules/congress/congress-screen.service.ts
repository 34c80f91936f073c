import type { z } from 'zod';
import type { hallScreenSchema } from '../../../contracts/congress.js';
import type { Ctx } from '../../http/context.js';
import { instant } from '../activities/activities.presenter.js';
import { orgNameOf } from '../calendar/calendar.repository.js';
import { loadSession } from './congress.access.js';
import { codeOf } from './congress-attendance.service.js';
import { figuresView, termLabel, voteView } from './congress.presenter.js';
import { attendanceCounts, ballotCounts, votesOfSession } from './congress.repository.js';

/**
 * GET /congress/sessions/:id/screen: the hall screen — attendance live, each open vote's progress (ballots cast,
 * never choices), results once closed, and the check-in code while scanning is possible.
 */
export async function hallScreen(ctx: Ctx, sessionId: string, origin: string): Promise<z.infer<typeof hallScreenSchema>> {
  const { org, session, term } = await loadSession(ctx, sessionId, 'congress.manage');
  const votes = await votesOfSession(ctx.db, session.id);
  const counts = await ballotCounts(ctx.db, votes.map((v) => v.id));
  const screenViewer = { canManage: false, voteRefusal: null, ballot: undefined };
  return {
    orgName: await orgNameOf(ctx.db, org.id),
    term: { label: termLabel(term), form: term.form },
    title: session.title,
    place: session.place,
    startsAt: instant(session.startsAt),
    status: session.status,
    attendance: figuresView(await attendanceCounts(ctx.db, term, session.id)),
    votes: votes
      .filter((v) => v.status !== 'draft')
      .map((v) => {
        const { id, title, mode, channel, status, base, present, ballots, yes, no, abstain, passed, resultText } = voteView(v, counts.get(v.id) ?? 0, screenViewer);
        return { id, title, mode, channel, status, base, present, ballots, yes, no, abstain, passed, resultText };
      }),
    checkin: session.status === 'closed' ? null : codeOf(session, origin),
  };
}
