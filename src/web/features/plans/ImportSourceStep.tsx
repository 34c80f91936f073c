import { useEffect, useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Alert, Button, Flex, Form, Input, Segmented, Typography, Upload } from 'antd';
import { todayInShanghai } from '../../../domain/dates';
import { PLAN_LIMITS } from '../../../contracts/plans';
import { statedPeriod } from '../../../domain/plan-parse/stated-period';
import { api, ApiError, sendForm } from '../../lib/api';
import { ErrorAlert } from '../../components';
import { defaultPeriod } from './period';
import { rangeOf } from './plan-form-values';
import type { ParsedPlan, PeriodKind } from './plan-types';
import { PeriodFields } from './PeriodFields';

/** The period the user said the plan covers; it helps the parser place "九月" in the right year. */
export interface SourcePeriod {
  periodKind: PeriodKind;
  period: [Dayjs, Dayjs];
  /** The document's own words for the period ("2025-2026年第二学期") when the period was taken from them. */
  statedPhrase?: string;
}

const sameDays = (p: SourcePeriod['period'], start: string, end: string) => p[0].format('YYYY-MM-DD') === start && p[1].format('YYYY-MM-DD') === end;

type Source = 'text' | 'file';

interface Props {
  onParsed: (parsed: ParsedPlan, period: SourcePeriod) => void;
}

/**
 * 第一步: paste the plan's text or choose its .docx/.txt, say which period it covers, and let the server read
 * it (POST /plans/parse). Nothing is saved here.
 */
export function ImportSourceStep({ onParsed }: Props) {
  const [form] = Form.useForm<SourcePeriod>();
  const [source, setSource] = useState<Source>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Once the user has chosen the period themself, the document's own period no longer replaces it.
  const [isPeriodChosen, setPeriodChosen] = useState(false);
  const stated = useMemo(() => (source === 'text' ? statedPeriod(text) : null), [source, text]);
  useEffect(() => {
    if (stated && !isPeriodChosen) form.setFieldsValue({ periodKind: stated.kind, period: rangeOf(stated.start, stated.end) });
  }, [stated, isPeriodChosen, form]);

  const send = (p: SourcePeriod) => {
    const periodStart = p.period[0].format('YYYY-MM-DD');
    const periodEnd = p.period[1].format('YYYY-MM-DD');
    if (source === 'text') return api.send<ParsedPlan>('POST', '/plans/parse', { text, periodStart, periodEnd });
    const body = new FormData();
    body.append('file', file!);
    // With a file, the period travels in the query string (the server reads only the file from the form).
    return sendForm<ParsedPlan>(`/plans/parse?${new URLSearchParams({ periodStart, periodEnd })}`, body);
  };
  const parse = useMutation({
    mutationFn: async (p: SourcePeriod): Promise<{ parsed: ParsedPlan; period: SourcePeriod }> => {
      const parsed = await send(p);
      const own = parsed.statedPeriod;
      if (!own || isPeriodChosen) return { parsed, period: p };
      const period: SourcePeriod = { periodKind: own.kind, period: rangeOf(own.start, own.end), statedPhrase: own.phrase };
      // A file names its period only once read: read it again so that its months land in the years it means.
      if (sameDays(p.period, own.start, own.end)) return { parsed, period };
      form.setFieldsValue({ periodKind: own.kind, period: period.period });
      return { parsed: await send(period), period };
    },
    onSuccess: ({ parsed, period }) => onParsed(parsed, period),
  });

  const submit = (p: SourcePeriod) => {
    if (source === 'text' && !text.trim()) return setProblem('请先粘贴计划的文字。');
    if (source === 'file' && !file) return setProblem('请先选择计划文件。');
    setProblem(null);
    parse.mutate(p);
  };
  const today = todayInShanghai();
  const initial = defaultPeriod('school_year', today);

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>
        把已经写好的工作计划交给系统：它会识别出标题、各个章节、带数字的目标（如“参与率不低于85%”）和每月的工作安排，下一步您可以逐项核对修改，确认后才保存。
      </Typography.Paragraph>
      <Segmented<Source>
        value={source}
        onChange={(v) => {
          setSource(v);
          setProblem(null);
        }}
        options={[
          { value: 'text', label: '粘贴文字' },
          { value: 'file', label: '上传文件' },
        ]}
        style={{ alignSelf: 'flex-start' }}
        data-testid="plan-import-source"
      />
      {source === 'text' ? (
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 12, maxRows: 24 }}
          maxLength={PLAN_LIMITS.parseTextMax}
          showCount
          placeholder={'把计划全文粘贴到这里，例如：\n\n2025-2026学年工会工作计划\n一、指导思想\n……\n二、工作目标\n1. 教职工文体活动参与率不低于85%……\n三、每月工作安排\n九月：1. 召开工会委员会……'}
          aria-label="计划全文"
          data-testid="plan-import-text"
        />
      ) : (
        <Upload.Dragger
          accept=".docx,.txt"
          multiple={false}
          maxCount={1}
          fileList={file ? [{ uid: 'plan', name: file.name, status: 'done' }] : []}
          onRemove={() => setFile(null)}
          beforeUpload={(f) => {
            setProblem(null);
            if (f.size > PLAN_LIMITS.parseFileMaxBytes) setProblem('文件超过 10 MB，请把文字复制出来粘贴。');
            else if (!/\.(docx|txt)$/i.test(f.name)) setProblem('只支持 Word（.docx）和纯文本（.txt）文件；旧版 .doc 请先在 Word 或 WPS 中另存为 .docx。');
            else setFile(f);
            // The file is sent with the period fields by our own request, not by antd's uploader.
            return false;
          }}
          data-testid="plan-import-file"
        >
          <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 4 }}>
            点击或拖入计划文件
          </Typography.Paragraph>
          <Typography.Text type="secondary">支持 .docx 和 .txt，最大 10 MB</Typography.Text>
        </Upload.Dragger>
      )}
      <Form<SourcePeriod>
        form={form}
        layout="vertical"
        initialValues={{ periodKind: 'school_year', period: rangeOf(initial.start, initial.end) }}
        onFinish={submit}
        style={{ maxWidth: 480 }}
      >
        <PeriodFields form={form} onPeriodChange={() => setPeriodChosen(true)} />
        {stated && !isPeriodChosen ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: -12 }} data-testid="plan-import-stated">
            已按文中的“{stated.phrase}”设定期间；如不对，请直接修改。
          </Typography.Text>
        ) : null}
      </Form>
      {problem ? <Alert type="warning" showIcon title={problem} /> : null}
      {parse.error ? (
        <ErrorAlert
          error={parse.error}
          style={{ marginBottom: 0 }}
          fields={parse.error instanceof ApiError ? parse.error.fields : undefined}
        />
      ) : null}
      <div>
        <Button type="primary" loading={parse.isPending} onClick={() => form.submit()} data-testid="plan-import-parse">
          识别计划
        </Button>
      </div>
    </Flex>
  );
}
