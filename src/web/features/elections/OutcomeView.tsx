import type { ReactNode } from 'react';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useIsPhone } from '../../components';
import type { RoundOutcome } from './elections-types';
import { nextStepText, STEP_STYLES, type RoundSequel } from './election-format';

type Tally = RoundOutcome['tallies'][number];

/** 应到 / 实到 / 发出 / 收回 / 有效 / 无效, with the online and paper ballots under 收回. */
function Figures({ figures: f }: { figures: RoundOutcome['figures'] }) {
  const cells: [string, number, string?][] = [
    ['应到', f.due],
    ['实到', f.present],
    ['发出', f.issued],
    ['收回', f.returned, f.online && f.paper ? `手机 ${f.online} · 纸质 ${f.paper}` : f.online ? '手机' : '纸质'],
    ['有效', f.valid],
    ['无效', f.invalid],
  ];
  return (
    <div className="uh-el-figures" data-testid="outcome-figures">
      {cells.map(([label, n, note]) => (
        <div key={label} className="uh-el-figure">
          <span className="uh-el-figure-n">{n}</span>
          <span className="uh-el-figure-label">{label}</span>
          {note ? <span className="uh-el-figure-note">{note}</span> : null}
        </div>
      ))}
    </div>
  );
}

/** The reasoning of the count, step by step, each with its sign and colour (当选 red star, 无效 red cross…). */
export function CountSteps({ steps }: { steps: RoundOutcome['steps'] }) {
  return (
    <ol className="uh-el-steps" data-testid="outcome-steps">
      {steps.map((s, i) => {
        const style = STEP_STYLES[s.kind];
        return (
          <li key={i} className={`uh-el-step uh-el-step-${s.kind}`}>
            <span className="uh-el-step-sign" style={{ color: style.color, borderColor: style.color }} aria-label={style.label}>
              {style.sign}
            </span>
            <span>{s.text}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** The "下一步" box: what the count calls for while it is the latest word; afterwards, what it called for. */
function NextBox({ outcome, nameById, sequel, nextAction }: { outcome: RoundOutcome; nameById: ReadonlyMap<string, string>; sequel: RoundSequel; nextAction?: ReactNode }) {
  const next = nextStepText(outcome.next, nameById);
  if (sequel.kind === 'closed') return null;
  if (sequel.kind === 'round') {
    return (
      <div className="uh-el-next" data-testid="outcome-next">
        <Typography.Text type="secondary">
          本轮之后：{next.text}（已进行第 {sequel.number} 轮）
        </Typography.Text>
      </div>
    );
  }
  return (
    <div className={next.isRound ? 'uh-el-next uh-el-next-round' : 'uh-el-next'} data-testid="outcome-next">
      <Typography.Text strong>下一步：</Typography.Text>
      <Typography.Text>{next.text}</Typography.Text>
      {nextAction ? <div style={{ marginTop: 8 }}>{nextAction}</div> : null}
    </div>
  );
}

/**
 * A counted round: the headline (who is elected, or why the round is void), the figures, each person's 赞成 /
 * 不赞成 / 弃权, the reasoning in steps and what comes next (`sequel` says whether that has happened) — with
 * `nextAction` (the button opening that round) when the viewer may open it.
 */
export function OutcomeView({
  outcome,
  nameById,
  sequel = { kind: 'pending' },
  nextAction,
  isStepsOpen = true,
}: {
  outcome: RoundOutcome;
  nameById: ReadonlyMap<string, string>;
  sequel?: RoundSequel;
  nextAction?: ReactNode;
  isStepsOpen?: boolean;
}) {
  const isPhone = useIsPhone();
  const headline = outcome.isVoid
    ? '本轮选举无效'
    : outcome.elected.length
      ? `当选：${outcome.elected.map((e) => `${e.name}（${e.yes} 票）`).join('、')}`
      : '本轮无人当选';
  const columns: TableColumnsType<Tally> = [
    {
      key: 'name',
      title: '姓名',
      render: (_v, t) => (
        <span className="uh-el-tally-name">
          {t.name}
          {t.isWriteIn ? <Tag style={{ marginInlineStart: 6 }}>另选</Tag> : null}
        </span>
      ),
    },
    { key: 'yes', title: '赞成', dataIndex: 'yes', align: 'right', width: isPhone ? 48 : 80 },
    { key: 'no', title: '不赞成', dataIndex: 'no', align: 'right', width: isPhone ? 66 : 80, render: (n: number, t) => (t.isWriteIn ? '—' : n) },
    { key: 'abstain', title: '弃权', dataIndex: 'abstain', align: 'right', width: isPhone ? 44 : 80, render: (n: number, t) => (t.isWriteIn ? '—' : n) },
    { key: 'result', title: isPhone ? '' : '结果', width: isPhone ? 52 : 90, render: (_v, t) => (t.elected ? <Tag color="red">当选</Tag> : null) },
  ];
  return (
    <div className="uh-el-outcome" data-testid="round-outcome">
      <div className={outcome.isVoid ? 'uh-el-headline uh-el-headline-void' : 'uh-el-headline'} data-testid="outcome-headline">
        {headline}
      </div>
      <Figures figures={outcome.figures} />
      {outcome.tallies.length ? (
        <Table<Tally>
          rowKey={(t) => t.candidateId ?? `w:${t.name}`}
          size="small"
          columns={columns}
          dataSource={outcome.tallies}
          pagination={false}
          className="uh-el-tally"
          data-testid="outcome-tally"
        />
      ) : null}
      <details className="uh-el-reasoning" open={isStepsOpen}>
        <summary>计票过程</summary>
        <CountSteps steps={outcome.steps} />
      </details>
      <NextBox outcome={outcome} nameById={nameById} sequel={sequel} nextAction={nextAction} />
    </div>
  );
}
