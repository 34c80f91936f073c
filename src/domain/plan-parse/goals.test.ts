import { describe, expect, it } from 'vitest';
import { extractGoals, goalsInLine } from './goals.js';

const one = (line: string) => {
  const goals = goalsInLine(line);
  expect(goals).toHaveLength(1);
  return goals[0];
};

describe('goals bound to a metric', () => {
  it('reads the seed goals: 参与率不低于85%, 需求响应率达100%, 专题学习不少于4次, 慰问全覆盖', () => {
    expect(one('3. 丰富文体活动载体，开展形式多样的文体活动，教职工文体活动参与率不低于85%。')).toEqual({
      text: '教职工文体活动参与率不低于85%',
      metric: 'participation_rate',
      comparator: '>=',
      target: 0.85,
    });
    expect(one('提升教职工获得感，教职工需求响应率达100%。')).toEqual({
      text: '教职工需求响应率达100%',
      metric: 'request_response_rate',
      comparator: '=',
      target: 1,
    });
    expect(one('推动理论学习入脑入心，全年组织专题学习不少于4次。引导教职工…')).toEqual({
      text: '全年组织专题学习不少于4次',
      metric: 'study_sessions',
      comparator: '>=',
      target: 4,
    });
    expect(one('为退休教师送上纪念礼品，实现慰问全覆盖、帮扶精准化。')).toEqual({
      text: '实现慰问全覆盖、帮扶精准化',
      metric: 'care_coverage',
      comparator: '=',
      target: 1,
    });
  });

  it.each([
    ['参与率不低于85%', '>=', 0.85],
    ['参与率不少于85%', '>=', 0.85],
    ['参与率至少85%', '>=', 0.85],
    ['参与率≥85%', '>=', 0.85],
    ['参与率>=85%', '>=', 0.85],
    ['参与率达到90%', '>=', 0.9],
    ['参与率达90%', '>=', 0.9],
    ['参与率达到90%以上', '>=', 0.9],
    ['参与率90%以上', '>=', 0.9],
    ['参与率达到100%', '=', 1],
    ['参与率达100％', '=', 1],
    ['参与率不低于８５％', '>=', 0.85],
    ['参与率不低于 85.5 %', '>=', 0.855],
    ['参与率不低于百分之八十五', '>=', 0.85],
    ['参与率超过80%', '>', 0.8],
  ])('%s → %s %d', (line, comparator, target) => {
    expect(one(line)).toMatchObject({ metric: 'participation_rate', comparator, target });
  });

  it('reads ceilings, counts in Chinese numerals and other metrics', () => {
    expect(goalsInLine('专题学习不少于四次')).toEqual([{ text: '专题学习不少于四次', metric: 'study_sessions', comparator: '>=', target: 4 }]);
    expect(one('提案办结率达到90%以上')).toMatchObject({ metric: 'proposal_closure_rate', comparator: '>=', target: 0.9 });
    expect(one('教职工满意率达到100%')).toMatchObject({ metric: 'satisfaction_rate', comparator: '=', target: 1 });
    expect(one('入会率不低于95%')).toMatchObject({ metric: 'membership_rate', comparator: '>=', target: 0.95 });
    expect(one('慰问覆盖率达到100%')).toMatchObject({ metric: 'care_coverage', comparator: '=', target: 1 });
    expect(one('开展活动不少于10次')).toMatchObject({ metric: 'activity_count', comparator: '>=', target: 10 });
    expect(one('计划完成率不超过100%')).toMatchObject({ metric: 'calendar_completion_rate', comparator: '<=', target: 1 });
    expect(one('集中学习不多于6次')).toMatchObject({ metric: 'study_sessions', comparator: '<=', target: 6 });
  });

  it('reads the care goals: 五必访按期率 and 帮扶人次, in 人次 or in 次', () => {
    expect(one('五必访按期率达到100%')).toMatchObject({ metric: 'care_on_time_rate', comparator: '=', target: 1 });
    expect(one('坚持“五必访”，及时慰问率不低于95%')).toMatchObject({ metric: 'care_on_time_rate', comparator: '>=', target: 0.95 });
    expect(one('慰问及时率达100%')).toMatchObject({ metric: 'care_on_time_rate', comparator: '=', target: 1 });
    expect(one('生病住院教职工按期慰问率达90%以上')).toMatchObject({ metric: 'care_on_time_rate', comparator: '>=', target: 0.9 });
    expect(one('全年帮扶困难职工不少于20人次')).toEqual({ text: '全年帮扶困难职工不少于20人次', metric: 'assistance_count', comparator: '>=', target: 20 });
    expect(one('帮扶人次达到30人次以上')).toMatchObject({ metric: 'assistance_count', comparator: '>=', target: 30 });
    expect(one('困难职工帮扶救助不少于十次')).toMatchObject({ metric: 'assistance_count', comparator: '>=', target: 10 });
  });

  it('binds a target in 人次 only to a metric that counts people', () => {
    expect(goalsInLine('开展活动不少于500人次')).toEqual([]);
    expect(goalsInLine('专题学习不少于100人次')).toEqual([]);
    expect(goalsInLine('帮扶困难职工不少于20人次，开展活动不少于4次').map((g) => [g.metric, g.target])).toEqual([
      ['assistance_count', 20],
      ['activity_count', 4],
    ]);
  });

  it('reads two goals of one sentence, each with its clause', () => {
    expect(goalsInLine('教职工参与率不低于85%，满意率达到95%以上。')).toEqual([
      { text: '教职工参与率不低于85%', metric: 'participation_rate', comparator: '>=', target: 0.85 },
      { text: '满意率达到95%以上', metric: 'satisfaction_rate', comparator: '>=', target: 0.95 },
    ]);
  });
});

describe('numbers that are not goals', () => {
  it.each([
    '上年度全区职工收入增长4.3%',
    '会议费同比压缩6%',
    '参与率同比提高4.3%',
    '参与率较去年提高了5%',
    '学校现有女教师49人,已占学校总人数的58%以上',
    '参与率已达到90%',
    '参与率达到了90%',
    '参与率达到了90%以上',
  ])('%s is a figure about the past or a change', (line) => {
    expect(goalsInLine(line)).toEqual([]);
  });

  it.each(['参与率达到____%', '参与率不低于  %', '满意率达到＿＿＿％以上'])('%s has a blank target', (line) => {
    expect(goalsInLine(line)).toEqual([]);
  });

  it.each([
    '开展群众性经济技术创新活动面要达到80%以上',
    '全年每个职工至少提3条合理化建议',
    '再拿出7000元以上给予救助',
    '开好每年至少一次的教代会',
    '力争全年创建市级“优秀工人先锋号”1个',
    '困难职工帮扶全覆盖',
  ])('%s matches no metric', (line) => {
    expect(goalsInLine(line)).toEqual([]);
  });

  it('does not bind a rate metric to a count or a count metric to a rate', () => {
    expect(goalsInLine('参与率不低于4次')).toEqual([]);
    expect(goalsInLine('专题学习不少于80%')).toEqual([]);
    expect(goalsInLine('专题学习不少于4')).toEqual([]);
  });
});

describe('the goals of a plan', () => {
  it('lists each goal once (the first sentence that states it), in document order', () => {
    const goals = extractGoals(['二、工作目标', '1. 参与率不低于85%。', '2. 全年组织专题学习不少于4次。', '重申：参与率不低于85%。']);
    expect(goals.map((g) => g.metric)).toEqual(['participation_rate', 'study_sessions']);
  });
});
