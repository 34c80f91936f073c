import { useState } from 'react';
import dayjs from 'dayjs';
import { Card, Steps } from 'antd';
import { Link } from 'react-router-dom';
import { PageHeader, useIsPhone } from '../../components';
import { ImportDraftStep } from './ImportDraftStep';
import { ImportSourceStep, type SourcePeriod } from './ImportSourceStep';
import { draftGoals, draftItem, type DraftFormValues, type DraftItem } from './plan-draft';
import type { ParsedPlan } from './plan-types';
import { suggestedTitle } from './period';
import './plans.css';

interface Draft {
  values: DraftFormValues;
  items: DraftItem[];
  statedPhrase?: string;
}

/** The parser's answer as the draft form starts. */
function draftOf(parsed: ParsedPlan, p: SourcePeriod): Draft {
  const period = { start: p.period[0].format('YYYY-MM-DD'), end: p.period[1].format('YYYY-MM-DD') };
  return {
    values: {
      title: parsed.title?.trim() || suggestedTitle(p.periodKind, period),
      periodKind: p.periodKind,
      period: p.period,
      planDate: parsed.planDate ? dayjs(parsed.planDate) : null,
      // A section's month list becomes the schedule items; its body keeps only the rest, so nothing is there twice.
      sections: parsed.sections.map((s) => ({ heading: s.heading, body: s.prose, hasSchedule: s.prose !== s.body })),
      goals: draftGoals(parsed),
    },
    items: (parsed.suggestedItems ?? []).map((i) => draftItem({ title: i.title, dateKind: i.dateKind, startDate: i.startDate, endDate: i.endDate })),
    statedPhrase: p.statedPhrase,
  };
}

/**
 * 导入计划: paste or upload an existing plan, check and correct what was recognised, then save it as a plan
 * with its sections, goals and schedule. The draft lives in the page only; nothing is saved before 保存计划.
 */
export function PlanImportPage() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const isPhone = useIsPhone();
  return (
    <div>
      <Link to="/plans" style={{ display: 'inline-block', marginBottom: 8 }}>
        ← 工作计划
      </Link>
      <PageHeader title="导入计划" subtitle="把 Word 计划或粘贴的文字变成可跟踪的计划：章节、目标和每月工作安排" />
      <Card styles={{ body: { padding: isPhone ? 12 : 24 } }}>
        <Steps
          current={draft ? 1 : 0}
          items={[{ title: '粘贴或上传' }, { title: '核对修改' }, { title: '保存' }]}
          style={{ marginBottom: 24 }}
          responsive
          data-testid="plan-import-steps"
        />
        {/* The first step stays mounted while hidden, so 返回上一步 finds the text and period as they were. */}
        <div hidden={draft !== null}>
          <ImportSourceStep onParsed={(parsed, p) => setDraft(draftOf(parsed, p))} />
        </div>
        {draft ? <ImportDraftStep initialValues={draft.values} initialItems={draft.items} statedPhrase={draft.statedPhrase} onBack={() => setDraft(null)} /> : null}
      </Card>
    </div>
  );
}
