import { describe, expect, it } from 'vitest';
import { parsePlan, planParseJson } from './index.js';

const months = (text: string) => planParseJson(parsePlan(text)).months;
const lines = (...l: string[]) => l.join('\n');

describe('month headings and their items', () => {
  it('reads every spelling of a month heading, full-width and ASCII', () => {
    const text = lines(
      '一、工作安排',
      '三月份：',
      '1、制定工会工作计划；',
      '4月:',
      '(1)植树活动',
      '5月份',
      '1. 心理健康辅导',
      '六月',
      '1．学生中考',
      '9月：',
      '①教师节庆祝',
      '十月份:',
      '1）重阳节慰问',
      '十一月份：',
      '1 、评教评学活动',
    );
    expect(months(text)).toEqual({
      3: ['制定工会工作计划'],
      4: ['植树活动'],
      5: ['心理健康辅导'],
      6: ['学生中考'],
      9: ['教师节庆祝'],
      10: ['重阳节慰问'],
      11: ['评教评学活动'],
    });
  });

  it('puts an item under every month a heading covers', () => {
    const text = lines('七、八月份', '1.组织教工体检', '1-2月', '1.寒假慰问', '1~2月：', '1.春节团拜', '7,8月', '1.暑期疗休养', '八、九月份：', '1.开学准备', '1—2月', '1.资料归档', '七八月份:评校评教');
    const m = months(text);
    expect(m[7]).toEqual(['组织教工体检', '暑期疗休养', '评校评教']);
    expect(m[8]).toEqual(['组织教工体检', '暑期疗休养', '开学准备', '评校评教']);
    expect(m[9]).toEqual(['开学准备']);
    expect(m[1]).toEqual(['寒假慰问', '春节团拜', '资料归档']);
    expect(m[2]).toEqual(['寒假慰问', '春节团拜', '资料归档']);
  });

  it('takes an item written on the heading line as an item of that month', () => {
    expect(months(lines('一月份:春节慰问', '三月：植树活动', '五月份: 文体活动'))).toEqual({ 1: ['春节慰问'], 3: ['植树活动'], 5: ['文体活动'] });
  });

  it('splits unnumbered items of a heading line at spaces and semicolons, one item per further line', () => {
    const text = lines('三月份:庆祝“三八”节 开展扶贫一日捐', '上报义务教育阶段贫困生资料', '十月份:筹备教代会；帮扶特困生', '十二月份', '庆元旦文体活动');
    expect(months(text)).toEqual({
      3: ['庆祝“三八”节', '开展扶贫一日捐', '上报义务教育阶段贫困生资料'],
      10: ['筹备教代会', '帮扶特困生'],
      12: ['庆元旦文体活动'],
    });
  });

  it('tells a section heading "七、保障措施" from the month heading "七、八月份"', () => {
    const p = parsePlan(lines('五、工作安排', '七、八月份：', '1. 暑期疗休养', '六、保障措施', '1. 经费保障：合理安排经费。', '七、其他'));
    expect(p.sections.map((s) => s.heading)).toEqual(['工作安排', '保障措施', '其他']);
    expect(p.items).toEqual([{ text: '暑期疗休养', months: [7, 8] }]);
  });
});

describe('numbered items', () => {
  it('removes numbering and trailing punctuation and keeps the inner text', () => {
    const text = lines('三月', '1. 制定工会工作计划，部署上半年工作任务；', '2. 开展“三八”妇女节系列活动（健康讲座、趣味活动等）；3. 开展教职工需求调研，建立诉求台账；', '4. 开展师德师风专题学习。', '四月', '3、 读书节系列活动。', '（2）开展教职工庆“五一”趣味运动 。');
    expect(months(text)).toEqual({
      3: ['制定工会工作计划，部署上半年工作任务', '开展“三八”妇女节系列活动（健康讲座、趣味活动等）', '开展教职工需求调研，建立诉求台账', '开展师德师风专题学习'],
      4: ['读书节系列活动', '开展教职工庆“五一”趣味运动'],
    });
  });

  it('never reads festivals as months or list numbers', () => {
    const text = lines(
      '三月：',
      '1.开展“3.8”节庆祝活动：关心女教工；参加全区“庆三•八”长跑比赛。',
      '2.庆祝“三八”妇女节',
      '四月：',
      '1.迎“5.1”教职工趣味运动会',
      '2.五一劳动节系列活动筹备',
      '九月',
      '1.国庆十一文艺演出排练',
    );
    expect(months(text)).toEqual({
      3: ['开展“3.8”节庆祝活动：关心女教工；参加全区“庆三•八”长跑比赛', '庆祝“三八”妇女节'],
      4: ['迎“5.1”教职工趣味运动会', '五一劳动节系列活动筹备'],
      9: ['国庆十一文艺演出排练'],
    });
  });

  it('joins a hard-wrapped line to its item; a new number or a month heading starts a new one', () => {
    const text = lines('三月', '1. 组织教职工开展师德师风专题学习，撰写学习', '心得体会并在教研组内交流；', '2. 召开座谈会', '四月', '1. 开展教职工健康知识讲座，邀请专家', '进行心理辅导');
    expect(months(text)).toEqual({
      3: ['组织教职工开展师德师风专题学习，撰写学习心得体会并在教研组内交流', '召开座谈会'],
      4: ['开展教职工健康知识讲座，邀请专家进行心理辅导'],
    });
  });

  it('does not join prose after a finished or a short item, nor across a blank line', () => {
    const text = lines(
      '十二月份:',
      '1、学校工会工作总结',
      '2、资料归档',
      '相关推荐',
      '一月',
      '1. 组织教职工观看迎新年演出，并开展趣味游戏活动。',
      '本学期，学校工会将以更加饱满的热情服务教职工。',
      '二月',
      '1. 配合行政搞好开学准备工作，做好返校安排',
      '',
      '以上安排视情况调整',
    );
    expect(months(text)).toEqual({
      12: ['学校工会工作总结', '资料归档'],
      1: ['组织教职工观看迎新年演出，并开展趣味游戏活动'],
      2: ['配合行政搞好开学准备工作，做好返校安排'],
    });
  });
});

describe('months inside items', () => {
  it('places items of a 工作安排 list without month headings by the month they name', () => {
    const p = parsePlan(lines('五、工作安排', '1. 召开教代会（3月）', '2. 六月份组织教职工体检', '3. 组织秋游，10月左右', '4. 设立教职工活动室', '5. 组织教职工运动会(4-6月为第一阶段;10-12月为第二阶段)。'));
    expect(p.items).toEqual([
      { text: '召开教代会', months: [3] },
      { text: '六月份组织教职工体检', months: [6] },
      { text: '组织秋游，10月左右', months: [10] },
      { text: '设立教职工活动室', months: [] },
      { text: '组织教职工运动会(4-6月为第一阶段;10-12月为第二阶段)', months: [4, 5, 6, 10, 11, 12] },
    ]);
  });

  it('outside the schedule only an explicit (3月) dates an item; it never invents a month', () => {
    const p = parsePlan(
      lines(
        '三、主要工作',
        '1、坚持开展好工会活动，坚持每月一次活动。',
        '（1）工会活动“金点子”征集评选活动（二月）',
        '（2）羽毛球比赛（四月）',
        '2、关心女职工生理和心理健康，每年10月份~12月份组织女教职工体检。',
        '3、组织好“三八”妇女节、教师节、重阳节等重大节日的庆祝活动。',
        '一是规范召开职工代表大会。5月份，公司获评职代会规范化建设先进单位。',
      ),
    );
    expect(p.items).toEqual([
      { text: '工会活动“金点子”征集评选活动', months: [2] },
      { text: '羽毛球比赛', months: [4] },
    ]);
  });
});

describe('flattened tables', () => {
  it('reads a "月份 | 主要工作" table, an empty month cell continuing the month above', () => {
    const text = lines('附：工作安排', '月份 | 主要工作 | 负责人', '3月 | 制定计划；开展三八活动 | 张主席', ' | 召开座谈会 | 李委员', '4月 | 1.植树活动 2.健康讲座 | 王老师');
    expect(months(text)).toEqual({ 3: ['制定计划', '开展三八活动', '召开座谈会'], 4: ['植树活动', '健康讲座'] });
  });

  it('reads a tab-separated table', () => {
    expect(months(lines('月份\t主要工作', '三月\t植树活动', '七、八月\t暑期疗休养'))).toEqual({ 3: ['植树活动'], 7: ['暑期疗休养'], 8: ['暑期疗休养'] });
  });

  it('reads table cells each on its own line', () => {
    const text = lines('附：工作安排', '月 份', '主要工作', '九月份', '1、召开工会委员会例会。', '2、制定本学期工会工作计划。', '十月份', '学习新工会法', '二月份', '寒假', '中学工会工作计划篇二', '一、指导思想');
    const p = parsePlan(text);
    expect(planParseJson(p).months).toEqual({ 9: ['召开工会委员会例会', '制定本学期工会工作计划'], 10: ['学习新工会法'], 2: ['寒假'] });
    expect(p.sections.map((s) => s.heading)).toEqual(['工作安排', '指导思想']);
  });
});

describe('full-width and ASCII punctuation', () => {
  it('parses the same plan alike whichever punctuation it uses', () => {
    const fullWidth = lines('一、工作目标：', '参与率不低于８５％，满意率达到９５％以上。', '二、工作安排：', '３月：', '（１）植树活动；（２）健康讲座', '７，８月：', '１．暑期疗休养');
    const ascii = lines('一.工作目标:', '参与率不低于85%,满意率达到95%以上.', '二.工作安排:', '3月:', '(1)植树活动;(2)健康讲座', '7,8月:', '1.暑期疗休养');
    const a = planParseJson(parsePlan(fullWidth));
    const b = planParseJson(parsePlan(ascii));
    expect(a.sections).toEqual(['工作目标', '工作安排']);
    expect(b.sections).toEqual(a.sections);
    expect(a.months).toEqual({ 3: ['植树活动', '健康讲座'], 7: ['暑期疗休养'], 8: ['暑期疗休养'] });
    expect(b.months).toEqual(a.months);
    expect(a.goals.map((g) => [g.metric, g.comparator, g.target])).toEqual([
      ['participation_rate', '>=', 0.85],
      ['satisfaction_rate', '>=', 0.95],
    ]);
    expect(b.goals.map((g) => [g.metric, g.comparator, g.target])).toEqual(a.goals.map((g) => [g.metric, g.comparator, g.target]));
  });
});

describe('sections', () => {
  it('reads top-level headings without their numerals; (一) is a sub-heading inside the body', () => {
    const p = parsePlan(lines('某校工会工作计划', '一、指导思想', '坚持以教职工为中心。', '二、工作目标：', '（一）强化思想引领', '1. 组织专题学习。', '三．主要工作任务', '第四部分 保障措施', '经费保障。'));
    expect(p.sections).toEqual([
      { heading: '指导思想', body: '坚持以教职工为中心。', prose: '坚持以教职工为中心。' },
      { heading: '工作目标', body: '（一）强化思想引领\n1. 组织专题学习。', prose: '（一）强化思想引领\n1. 组织专题学习。' },
      { heading: '主要工作任务', body: '', prose: '' },
      { heading: '保障措施', body: '经费保障。', prose: '经费保障。' },
    ]);
  });

  it('keeps text written on the heading line in the body', () => {
    const p = parsePlan('一、指导思想：以习近平新时代中国特色社会主义思想为指导，全面落实上级工会和学校工作要求，切实维护教职工合法权益。\n二、工作目标');
    const body = '以习近平新时代中国特色社会主义思想为指导，全面落实上级工会和学校工作要求，切实维护教职工合法权益。';
    expect(p.sections[0]).toEqual({ heading: '指导思想', body, prose: body });
  });

  it('nests numbered headings under a bare heading they directly follow', () => {
    const p = parsePlan(lines('指导思想', '高举旗帜。', '工作重点', '一、做好疫情防控工作', '1．配合学校做好防控。', '二、加强师德建设', '2022年2月8日', '行事历', '二月份', '1．召开工会委员会议。'));
    expect(p.sections.map((s) => s.heading)).toEqual(['指导思想', '工作重点', '行事历']);
    expect(p.sections[1].body).toBe('一、做好疫情防控工作\n1．配合学校做好防控。\n二、加强师德建设');
    expect(p.planDate).toBe('2022-02-08');
    expect(p.items).toEqual([{ text: '召开工会委员会议', months: [2] }]);
  });

  it('keeps, as prose, what a section says besides its month list, and drops the month list that became items', () => {
    const p = parsePlan(
      lines('四、工作安排', '具体安排如下：', '三月', '1. 召开教代会', '2. 开展“三八”妇女节活动，组织女教职工', '参加健康讲座', '四月：读书节；春季运动会', '月份 | 主要工作', '5月 | 劳动技能比赛', '以上安排如有变动另行通知。'),
    );
    expect(p.items.map((i) => i.text)).toEqual(['召开教代会', '开展“三八”妇女节活动，组织女教职工参加健康讲座', '读书节', '春季运动会', '劳动技能比赛']);
    expect(p.sections[0].prose).toBe('具体安排如下：\n以上安排如有变动另行通知。');
    expect(p.sections[0].body.split('\n')).toHaveLength(9);
  });

  it('keeps a numbered list with months only in its text as prose (those lines are not a month list)', () => {
    const p = parsePlan(lines('三、主要工作', '1. 召开教代会（3月）', '2. 组织体检'));
    expect(p.items).toEqual([{ text: '召开教代会', months: [3] }]);
    expect(p.sections[0].prose).toBe(p.sections[0].body);
  });

  it('lists the sections of every plan in a compilation; a plan title ends the schedule above it', () => {
    const p = parsePlan(lines('一、指导思想', '以人为本。', '二、活动安排', '六月：', '1、各类先进教师评选活动。', '2025年下半年学校工会工作计划', '一、指导思想', '二、主要工作'));
    expect(p.sections.map((s) => s.heading)).toEqual(['指导思想', '活动安排', '指导思想', '主要工作']);
    expect(p.items).toEqual([{ text: '各类先进教师评选活动', months: [6] }]);
  });
});

describe('title, date line and what is never an item', () => {
  it('takes the first heading-like line as title and the date line as planDate', () => {
    const p = parsePlan(lines('[bookmark: _GoBack]张店四中工会工作计划', '（2025-2026年第二学期）', '2026年是开局之年。', '一、工作安排', '三月', '1. 制定计划', '2026年3月1日'));
    expect(p.title).toBe('张店四中工会工作计划');
    expect(p.planDate).toBe('2026-03-01');
    expect(p.items).toEqual([{ text: '制定计划', months: [3] }]);
    expect(p.sections[0].body).toBe('三月\n1. 制定计划');
  });

  it('ends an unnumbered month list at the date line; the date is never an item', () => {
    const p = parsePlan(lines('十二月份:庆元旦文体活动 工会委员会总结年度工作', '2026年12月31日', '三月：植树活动', '20__年2月'));
    expect(p.items).toEqual([
      { text: '庆元旦文体活动', months: [12] },
      { text: '工会委员会总结年度工作', months: [12] },
      { text: '植树活动', months: [3] },
    ]);
    expect(p.planDate).toBe('2026-12-31');
  });

  it('joins a title broken over two lines and skips a bracketed period line', () => {
    expect(parsePlan(lines('江苏省仪征中学2021-2022学年度第二学期', '工会工作计划 ', '', '指导思想')).title).toBe('江苏省仪征中学2021-2022学年度第二学期工会工作计划');
    expect(parsePlan(lines('（2025-2026年第二学期）', '某校工会工作要点', '一、指导思想')).title).toBe('某校工会工作要点');
  });

  it('has no title when the text starts with a section, and no planDate for a date without a day', () => {
    const p = parsePlan(lines('一、指导思想', '以人为本。', '20__年2月'));
    expect(p.title).toBeNull();
    expect(p.planDate).toBeNull();
    expect(parsePlan('某校工会工作计划\n2026年3月').planDate).toBeNull();
  });

  it('reads goals anywhere in the document and background figures never', () => {
    const p = parsePlan(lines('去年教职工活动参与率同比增长4.3%。', '一、主要工作任务', '1. 深化理论学习，全年组织专题学习不少于4次。', '2. 参与率达到____%。', '三月', '1. 开展活动不少于2次'));
    expect(p.goals).toEqual([
      { text: '全年组织专题学习不少于4次', metric: 'study_sessions', comparator: '>=', target: 4 },
      { text: '开展活动不少于2次', metric: 'activity_count', comparator: '>=', target: 2 },
    ]);
  });

  it('reads Windows line ends, and an empty text as an empty plan', () => {
    expect(months('三月\r\n1. 植树活动\r\n四月\r\n1. 健康讲座\r\n')).toEqual({ 3: ['植树活动'], 4: ['健康讲座'] });
    expect(parsePlan('')).toEqual({ title: null, planDate: null, statedPeriod: null, sections: [], items: [], goals: [] });
    expect(planParseJson(parsePlan(''))).toEqual({ sections: [], months: {}, goals: [] });
  });
});
