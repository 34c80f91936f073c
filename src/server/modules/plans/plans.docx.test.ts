import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { planDocx, type PlanForDocx } from './plans.docx.js';

type Item = PlanForDocx['items'][number];

const month = (title: string, startDate: string, endDate: string, extra: Partial<Item> = {}): Item => ({
  title,
  dateKind: 'month',
  startDate,
  endDate,
  ownerName: null,
  status: 'planned',
  ...extra,
});
const day = (title: string, date: string, extra: Partial<Item> = {}): Item => ({ ...month(title, date, date), dateKind: 'date', ...extra });

function plan(over: Partial<PlanForDocx> = {}): PlanForDocx {
  return {
    orgName: '张店四中工会',
    title: '张店四中工会工作计划',
    periodLabel: '2025—2026学年第二学期',
    planDate: '2026-03-01',
    sections: [
      {
        heading: '指导思想',
        body: '<p>坚持以<strong>习近平新时代中国特色社会主义思想</strong>为指导，<em>团结</em>带领<u>全体教职工</u>。</p><p></p>',
      },
      {
        heading: '主要工作任务',
        body:
          '<h3>（一）强化思想政治引领</h3>' +
          '<ol><li><p> 深化理论学习，筑牢思想根基。<br></p></li><li><p>弘扬劳模精神。</p><ul><li><p>学习身边榜样</p></li></ul></li></ol>' +
          '<ul><li><p>读书交流</p></li></ul>',
      },
      { heading: '保障措施', body: '<p>组织保障：加强学校党委对工会工作的领导。<br>经费保障：合理安排经费。</p>' },
    ],
    goals: [],
    items: [
      day('“三八”妇女节系列活动', '2026-03-08', { ownerName: '李芳', status: 'done' }),
      month('制定工会工作计划', '2026-03-01', '2026-03-31', { ownerName: '王强' }),
      { ...month('读书节系列活动', '2026-04-13', '2026-04-17'), dateKind: 'range' },
      month('心理健康辅导', '2026-05-01', '2026-05-31', { status: 'postponed' }),
      month('暑期教职工疗休养', '2026-07-01', '2026-08-31', { status: 'cancelled' }),
    ],
    ...over,
  };
}

/** The package's main part, as Word reads it. */
async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml missing');
  return file.async('string');
}

/** Errors a strict, namespace-aware XML parser finds; none for a well-formed part. */
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => errors.push(e.message));
  parser.write(xml).close();
  return errors;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of every paragraph of the body outside tables, in order. */
function paragraphs(xml: string): string[] {
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '<w:p>[表格]</w:p>');
  return [...outside.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map((m) =>
    unescapeXml([...(m[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|(\[表格\])/g)].map((t) => t[1] ?? t[2]).join('')),
  );
}

/** The table's rows as cell texts; a cell merged from the row above reads ''. */
function tableRows(xml: string): string[][] {
  const table = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(xml)?.[1] ?? '';
  return [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) =>
    [...row[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => unescapeXml([...c[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))),
  );
}

/** The run properties of the run holding exactly this text. */
function runProps(xml: string, text: string): string {
  const run = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].find((m) => m[1].includes(`>${text}</w:t>`));
  if (!run) throw new Error(`no run with ${text}`);
  return /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run[1])?.[1] ?? '';
}

describe('planDocx', () => {
  it('lays out title, period, numbered sections, body and the schedule table, then the signature', async () => {
    const xml = await documentXml(await planDocx(plan()));
    expect(xmlErrors(xml)).toEqual([]);
    expect(paragraphs(xml)).toEqual([
      '张店四中工会工作计划',
      '（2025—2026学年第二学期）',
      '',
      '一、指导思想',
      '坚持以习近平新时代中国特色社会主义思想为指导，团结带领全体教职工。',
      '二、主要工作任务',
      '（一）强化思想政治引领',
      '1. 深化理论学习，筑牢思想根基。',
      '2. 弘扬劳模精神。',
      '· 学习身边榜样',
      '· 读书交流',
      '三、保障措施',
      '组织保障：加强学校党委对工会工作的领导。经费保障：合理安排经费。',
      '四、工作安排',
      '[表格]',
      '',
      '张店四中工会',
      '2026年3月1日',
    ]);
    expect(xml).toContain('<w:br/>');
  });

  it('groups the schedule by month in date order: 月份 | 工作内容 | 负责人 | 状态', async () => {
    const xml = await documentXml(await planDocx(plan()));
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(tableRows(xml)).toEqual([
      ['月份', '工作内容', '负责人', '状态'],
      ['3月', '制定工会工作计划', '王强', '计划'],
      ['', '“三八”妇女节系列活动（3月8日）', '李芳', '已完成'],
      ['4月', '读书节系列活动（4月13日—4月17日）', '', '计划'],
      ['5月', '心理健康辅导', '', '延期'],
      ['7—8月', '暑期教职工疗休养', '', '取消'],
    ]);
    // The March cell spans its two rows; the header repeats on every page.
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('styles runs from <strong>, <em> and <u>, headings bold in 黑体, body in 仿宋', async () => {
    const xml = await documentXml(await planDocx(plan()));
    expect(runProps(xml, '习近平新时代中国特色社会主义思想')).toContain('<w:b/>');
    expect(runProps(xml, '团结')).toContain('<w:i/>');
    expect(runProps(xml, '全体教职工')).toContain('<w:u w:val="single"/>');
    expect(runProps(xml, '坚持以')).not.toContain('<w:b/>');
    expect(runProps(xml, '一、指导思想')).toMatch(/w:eastAsia="黑体"[\s\S]*<w:b\/>/);
    expect(runProps(xml, '坚持以')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runProps(xml, '（一）强化思想政治引领')).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*<w:b\/>/);
    expect(runProps(xml, '张店四中工会工作计划')).toMatch(/w:eastAsia="宋体"[\s\S]*<w:b\/>[\s\S]*<w:sz w:val="44"\/>/);
  });

  it('centres the title and period and right-aligns the signature, on an A4 page', async () => {
    const xml = await documentXml(await planDocx(plan()));
    const paragraphXml = (text: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].find((m) => m[1].includes(`>${text}</w:t>`))![1];
    expect(paragraphXml('张店四中工会工作计划')).toContain('<w:jc w:val="center"/>');
    expect(paragraphXml('（2025—2026学年第二学期）')).toContain('<w:jc w:val="center"/>');
    expect(paragraphXml('2026年3月1日')).toContain('<w:jc w:val="right"/>');
    expect(paragraphXml('张店四中工会')).toContain('<w:jc w:val="right"/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('puts the table right after the body of a section already called 工作安排, numbering typed headings afresh', async () => {
    const xml = await documentXml(
      await planDocx(
        plan({
          sections: [
            { heading: '一、工作目标', body: '<p>提升教职工幸福感。</p>' },
            { heading: '三、工作安排', body: '<p>具体安排如下：</p>' },
            { heading: '保障措施', body: '<p>加强组织保障。</p>' },
          ],
        }),
      ),
    );
    expect(xmlErrors(xml)).toEqual([]);
    expect(paragraphs(xml).slice(3, 10)).toEqual(['一、工作目标', '提升教职工幸福感。', '二、工作安排', '具体安排如下：', '[表格]', '三、保障措施', '加强组织保障。']);
    expect(paragraphs(xml).filter((p) => p.includes('工作安排'))).toHaveLength(1);
  });

  it('keeps festival names that look like numbers at the start of a heading', async () => {
    const xml = await documentXml(
      await planDocx(plan({ items: [], sections: [{ heading: '5.1劳动节系列活动', body: '' }, { heading: '2. 3.8妇女节', body: '' }] })),
    );
    expect(paragraphs(xml).slice(3, 5)).toEqual(['一、5.1劳动节系列活动', '二、3.8妇女节']);
  });

  it('leaves the schedule out when there are no items', async () => {
    const xml = await documentXml(await planDocx(plan({ items: [] })));
    expect(xml).not.toContain('<w:tbl>');
    expect(xml).not.toContain('工作安排');
  });

  it('puts goals in a 工作目标 section after 指导思想, or into an empty goals section', async () => {
    const goals = [{ text: '教职工文体活动参与率不低于85%' }, { text: '教职工需求响应率达100%' }];
    const xml = await documentXml(await planDocx(plan({ goals, items: [] })));
    expect(paragraphs(xml).slice(5, 9)).toEqual(['二、工作目标', '1. 教职工文体活动参与率不低于85%', '2. 教职工需求响应率达100%', '三、主要工作任务']);

    const filled = await documentXml(await planDocx(plan({ goals, items: [], sections: [{ heading: '工作目标', body: '' }, { heading: '保障措施', body: '<p>略</p>' }] })));
    expect(paragraphs(filled).slice(3, 7)).toEqual(['一、工作目标', '1. 教职工文体活动参与率不低于85%', '2. 教职工需求响应率达100%', '二、保障措施']);

    const written = await documentXml(await planDocx(plan({ goals, items: [], sections: [{ heading: '工作目标', body: '<p>见下。</p>' }] })));
    expect(paragraphs(written).slice(3, 5)).toEqual(['一、工作目标', '见下。']);
    expect(written).not.toContain('参与率不低于85%');
  });

  it('writes the organisation without a date line when the plan has no date', async () => {
    const xml = await documentXml(await planDocx(plan({ planDate: null })));
    expect(paragraphs(xml).slice(-2)).toEqual(['', '张店四中工会']);
    expect(xml).not.toContain('2026年3月1日');
  });

  it('keeps the XML well-formed whatever the text: escaped tags, ampersands, quotes, control characters', async () => {
    const xml = await documentXml(
      await planDocx(
        plan({
          title: '工会计划 <script> & "引号" \u000B\uFFFE\uD800',
          periodLabel: '2026年度 & <上半年>',
          sections: [
            { heading: '标题 <b> & </w:t>', body: '<p>正文里写着 &lt;b&gt; 标签、&amp;符号、&quot;引号&quot;、]]&gt; 和 &#x4E2D;&#25991;</p><p>a < b，未闭合 <b>粗体</p>' },
            { heading: '其他', body: '未包在段落里的文字<unknown attr="x>y">保留文字</unknown><!-- 注释 -->\u0001结束' },
          ],
          items: [day('活动 <1> & "2"', '2026-03-08', { ownerName: '张&三' })],
        }),
      ),
    );
    expect(xmlErrors(xml)).toEqual([]);
    expect(xml.match(/<w:p>/g)?.length).toBe(xml.match(/<\/w:p>/g)?.length);
    const texts = paragraphs(xml);
    expect(texts[0]).toBe('工会计划 <script> & "引号" ');
    expect(texts[1]).toBe('（2026年度 & <上半年>）');
    expect(texts).toContain('一、标题 <b> & </w:t>');
    expect(texts).toContain('正文里写着 <b> 标签、&符号、"引号"、]]> 和 中文');
    expect(texts).toContain('a < b，未闭合 粗体');
    expect(texts).toContain('未包在段落里的文字保留文字结束');
    expect(tableRows(xml)[1]).toEqual(['3月', '活动 <1> & "2"（3月8日）', '张&三', '计划']);
    expect(runProps(xml, '粗体')).toContain('<w:b/>');
  });

  it('sets Chinese fonts and language as the document default', async () => {
    const zip = await JSZip.loadAsync(await planDocx(plan()));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(xmlErrors(styles)).toEqual([]);
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)?.[1] ?? '';
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
  });
});
