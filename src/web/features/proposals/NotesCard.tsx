import { useState } from 'react';
import { App, Button, Card, Input, Typography } from 'antd';
import { PROPOSAL_LIMITS } from '../../../contracts/proposals';
import { errorMessage } from '../../components';
import { formatShanghaiTime } from '../../lib/time';
import type { ProposalDetail } from './proposal-types';
import { useAddNote } from './use-proposals';

/** 督办意见: the committee's notes on a proposal (the departments read them too), and a new one for the committee. */
export function NotesCard({ proposal: p }: { proposal: ProposalDetail }) {
  const { message } = App.useApp();
  const add = useAddNote(p.id);
  const [text, setText] = useState('');
  // Supervision is of the handling: notes are written while a department holds it or its reply waits for a rating.
  const canWrite = p.can.note && (p.status === 'assigned' || p.status === 'replied');
  if (p.notes.length === 0 && !canWrite) return null;
  return (
    <Card size="small" title={`督办意见${p.notes.length ? `（${p.notes.length}）` : ''}`} data-testid="proposal-notes">
      {p.notes.length === 0 ? null : (
        <ul className="uh-prop-notes">
          {p.notes.map((n) => (
            <li key={n.id}>
              <div className="uh-prop-pre">{n.text}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {n.author} · {formatShanghaiTime(n.at, false)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <div style={{ marginTop: p.notes.length ? 12 : 0 }}>
          <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={PROPOSAL_LIMITS.noteMax} placeholder="如 已电话催办，总务处承诺本周内答复" data-testid="proposal-note-text" />
          <Button
            style={{ marginTop: 8 }}
            disabled={!text.trim()}
            loading={add.isPending}
            onClick={() =>
              add.mutate(text.trim(), {
                onSuccess: () => {
                  setText('');
                  void message.success('已记录督办意见');
                },
                onError: (e) => void message.error(errorMessage(e)),
              })
            }
            data-testid="proposal-note-save"
          >
            记录督办意见
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
