import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useT } from '../../lib/i18n';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../components';
import type { ImportJob } from './import-types';
import { ProblemTable } from './ProblemTable';

interface Props {
  job: ImportJob;
  onCommitted: (result: { created: number; updated: number }) => void;
  onBackToMapping: () => void;
  onRestart: () => void;
  /** Reloads the import, e.g. when the server says it was committed already (a second tab, a double click). */
  onRefresh: () => void;
}

/**
 * 预览: what the import would do. With any problem nothing can be imported (all or nothing), and every
 * problem is listed so the file can be fixed in one pass; otherwise 确认导入 writes everything at once.
 */
export function PreviewStep({ job, onCommitted, onBackToMapping, onRestart, onRefresh }: Props) {
  const t = useT();
  const result = job.result!;
  const hasProblems = result.problems.length > 0;
  const commit = useMutation({
    mutationFn: () => api.send<{ created: number; updated: number }>('POST', `/imports/${job.id}/commit`),
    onSuccess: onCommitted,
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'CONFLICT') onRefresh();
    },
  });
  const badRows = new Set(result.problems.map((p) => p.row)).size;
  // The commit checks every row again; a 422 means the roster changed after the preview (e.g. someone
  // added a member with the same 工号), so this preview no longer holds.
  const isOutdated = commit.error instanceof ApiError && commit.error.code === 'IMPORT_HAS_ERRORS';

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]} data-testid="import-summary">
        <Col xs={12} sm={6}>
          <Card size="small">
            <Statistic title="共" value={result.total} suffix="行" />
          </Card>
        </Col>
        <Col xs={12} sm={6}>
          <Card size="small">
            <Statistic title={hasProblems ? '其余行可新增' : '将新增'} value={result.toCreate} suffix="人" />
          </Card>
        </Col>
        <Col xs={12} sm={6}>
          <Card size="small">
            <Statistic title={hasProblems ? '其余行可更新' : '将更新'} value={result.toUpdate} suffix="人" />
          </Card>
        </Col>
        <Col xs={12} sm={6}>
          <Card size="small">
            <Statistic title="有问题" value={badRows} suffix="行" styles={{ content: hasProblems ? { color: '#cf1322' } : undefined }} />
          </Card>
        </Col>
      </Row>
      {hasProblems ? (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="import-has-problems"
            title={`发现 ${result.problems.length} 处问题（涉及 ${badRows} 行），本次没有导入任何数据`}
            description="导入是“全部成功或全部不导入”的。请按下表在原文件中逐一改正（行号即 Excel 中的行号），保存后点“重新上传”；如果是列对应错了，请点“返回修改列对应”。"
          />
          <ProblemTable problems={result.problems} />
          <Flex gap={8} wrap>
            <Button type="primary" onClick={onRestart} data-testid="import-restart">
              {t('重新上传')}
            </Button>
            <Button onClick={onBackToMapping} data-testid="import-back-to-mapping">
              {t('返回修改列对应')}
            </Button>
          </Flex>
        </>
      ) : isOutdated ? (
        <>
          <ErrorAlert error={commit.error} />
          <Typography.Paragraph style={{ margin: 0 }}>
            检查之后名册有了变化，上面列出的行现在与名册冲突，本次没有导入任何数据。请改正文件后重新上传，或返回列对应重新检查（如需更新已有会员，请选择“新增并更新已有会员”）。
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            <Button type="primary" onClick={onBackToMapping} data-testid="import-back-to-mapping">
              {t('返回修改列对应')}
            </Button>
            <Button onClick={onRestart} data-testid="import-restart">
              {t('重新上传')}
            </Button>
          </Flex>
        </>
      ) : (
        <>
          <Alert
            type="success"
            showIcon
            title="检查通过，没有发现问题"
            description={`确认后将新增 ${result.toCreate} 人、更新 ${result.toUpdate} 人。导入会记入操作记录。`}
          />
          {commit.error ? <ErrorAlert error={commit.error} /> : null}
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => commit.mutate()} loading={commit.isPending} data-testid="import-commit">
              {t('确认导入')}
            </Button>
            <Button onClick={onBackToMapping} disabled={commit.isPending} data-testid="import-back-to-mapping">
              {t('返回修改列对应')}
            </Button>
            <Button onClick={onRestart} disabled={commit.isPending}>
              {t('重新上传')}
            </Button>
          </Flex>
          <Typography.Text type="secondary">导入在一个事务中完成：要么全部写入，要么一条也不写入。</Typography.Text>
        </>
      )}
    </Flex>
  );
}
