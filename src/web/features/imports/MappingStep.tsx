import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Progress, Radio, Select, Table, Typography } from 'antd';
import { ROSTER_COLUMNS } from '../../../domain/roster-columns';
import { useT } from '../../lib/i18n';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../components';
import type { ImportJob, ImportMode } from './import-types';

const FIELD_OPTIONS = [
  { value: '', label: '不导入' },
  ...ROSTER_COLUMNS.map((c) => ({ value: c.key as string, label: c.header as string })),
];
const HEADER_OF = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key as string, c.header as string]));

interface Props {
  job: ImportJob;
  onCheckStarted: () => Promise<void>;
  onRestart: () => void;
}

/** Problems the server would refuse, said before sending: a field used twice, or no 姓名 column. */
function mappingProblems(mapping: Record<string, string>): string[] {
  const used = Object.values(mapping).filter(Boolean);
  const problems: string[] = [];
  if (!used.includes('name')) problems.push('请指定哪一列是“姓名”。');
  const twice = [...new Set(used.filter((f, i) => used.indexOf(f) !== i))];
  for (const f of twice) problems.push(`“${HEADER_OF[f]}”对应了不止一列，每个字段只能对应一列。`);
  return problems;
}

/**
 * 列对应: each column of the file is matched to a roster field (guessed by the server from the header),
 * the import mode is chosen, and 检查数据 checks every row in the background.
 */
export function MappingStep({ job, onCheckStarted, onRestart }: Props) {
  const t = useT();
  const [mapping, setMapping] = useState<Record<string, string>>(() =>
    Object.fromEntries(job.headers.map((_, i) => [String(i), job.mapping[String(i)] ?? ''])),
  );
  const [mode, setMode] = useState<ImportMode>(job.mode ?? 'create');
  const problems = mappingProblems(mapping);
  const check = useMutation({
    mutationFn: () => api.send('POST', `/imports/${job.id}/check`, { mapping, mode }),
    onSuccess: onCheckStarted,
  });
  const isChecking = job.status === 'checking';

  const rows = job.headers.map((header, i) => ({ key: String(i), index: i, header }));

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>
        文件“{job.fileName}”共 {job.rowCount} 行数据。请确认每一列对应名册中的哪个字段，不需要的列选“不导入”。
      </Typography.Paragraph>
      {check.error ? <ErrorAlert error={check.error} /> : null}
      {/* A check that broke off returns the import to this step with the reason. */}
      {job.error && job.status === 'read' ? <Alert type="error" showIcon title={job.error} /> : null}
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="import-mapping-table"
        columns={[
          { title: '列', dataIndex: 'index', width: 64, render: (i: number) => columnLetter(i) },
          { title: '文件中的表头', dataIndex: 'header', render: (h: string) => h || <Typography.Text type="secondary">（空）</Typography.Text> },
          {
            title: '对应字段',
            key: 'field',
            width: 220,
            render: (_: unknown, r) => (
              <Select
                aria-label={`“${r.header}”对应的字段`}
                data-testid={`import-mapping-${r.index}`}
                value={mapping[r.key] ?? ''}
                options={FIELD_OPTIONS}
                onChange={(v: string) => setMapping((m) => ({ ...m, [r.key]: v }))}
                style={{ width: '100%' }}
                disabled={isChecking}
              />
            ),
          },
        ]}
      />
      <div>
        <Typography.Text strong>导入方式</Typography.Text>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as ImportMode)}
          disabled={isChecking}
          data-testid="import-mode"
          style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
          options={[
            { value: 'create', label: '仅新增（文件中的工号或身份证号已在名册中时报错）' },
            { value: 'upsert', label: '新增并更新已有会员（按工号或身份证号匹配）' },
          ]}
        />
      </div>
      {problems.length ? <Alert type="warning" showIcon title={problems.join(' ')} data-testid="import-mapping-problems" /> : null}
      {isChecking ? (
        <div data-testid="import-check-progress">
          <Typography.Text>
            正在检查，已检查 {job.rowsDone} / {job.rowCount} 行…
          </Typography.Text>
          <Progress percent={job.progress} status="active" />
        </div>
      ) : null}
      <Flex gap={8} wrap>
        <Button
          type="primary"
          onClick={() => check.mutate()}
          loading={check.isPending || isChecking}
          disabled={problems.length > 0}
          data-testid="import-check"
        >
          {t('检查数据')}
        </Button>
        <Button onClick={onRestart} disabled={isChecking} data-testid="import-restart">
          {t('重新上传')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** 0 → A, 25 → Z, 26 → AA: the column letters the user sees in Excel. */
function columnLetter(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
