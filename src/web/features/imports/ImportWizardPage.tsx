import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Steps } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../lib/i18n';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import type { ImportJob } from './import-types';
import { DoneStep } from './DoneStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { UploadStep } from './UploadStep';
import { useImportJob } from './use-import-job';

const STEP_TITLES = ['上传文件', '列对应', '检查预览', '完成'];

/** Which step the server's status puts the wizard on; `isEditingMapping` lets a checked import go back. */
function stepOf(job: ImportJob | undefined, isEditingMapping: boolean): number {
  switch (job?.status) {
    case undefined:
    case 'reading':
    case 'failed':
      return 0;
    case 'read':
    case 'checking':
      return 1;
    case 'checked':
      return isEditingMapping ? 1 : 2;
    case 'committed':
      return 3;
  }
}

/**
 * 导入会员: upload → 列对应 → 检查预览 → 完成. The import id lives in the URL (?id=…), so a reload comes
 * back to the same import and step.
 */
export function ImportWizardPage() {
  const t = useT();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const job = useImportJob(id);
  const [isEditingMapping, setEditingMapping] = useState(false);
  const [committed, setCommitted] = useState<{ created: number; updated: number } | null>(null);

  const restart = () => {
    setEditingMapping(false);
    setCommitted(null);
    setParams({});
  };
  const step = stepOf(job.data, isEditingMapping);

  let body;
  if (id && job.isPending) body = <PageLoading />;
  else if (id && job.error) body = <ErrorAlert error={job.error} />;
  else if (step === 0) body = <UploadStep job={job.data} onUploaded={(newId) => setParams({ id: newId })} />;
  else if (step === 1)
    body = (
      <MappingStep
        // A new mapping state for each import (and after coming back from the preview).
        key={`${job.data!.id}-${isEditingMapping}`}
        job={job.data!}
        onCheckStarted={async () => {
          // Leave the mapping view only once the server reports 'checking', or the old preview would flash.
          await job.refetch();
          setEditingMapping(false);
        }}
        onRestart={restart}
      />
    );
  else if (step === 2)
    body = (
      <PreviewStep
        job={job.data!}
        onBackToMapping={() => setEditingMapping(true)}
        onRestart={restart}
        onRefresh={() => void job.refetch()}
        onCommitted={(r) => {
          setCommitted(r);
          void client.invalidateQueries({ queryKey: ['members'] });
          void client.invalidateQueries({ queryKey: ['orgs'] });
          void job.refetch();
        }}
      />
    );
  else {
    const result = committed ?? { created: job.data?.result?.created ?? 0, updated: job.data?.result?.updated ?? 0 };
    body = <DoneStep created={result.created} updated={result.updated} onRestart={restart} />;
  }

  return (
    <div>
      <PageHeader title={t('导入会员')} subtitle="从 Excel 批量导入会员名册：先检查全部数据，没有问题才写入，有问题一条也不写入。" />
      <Card>
        <Steps
          current={step}
          items={STEP_TITLES.map((title) => ({ title }))}
          style={{ marginBottom: 24 }}
          responsive
          data-testid="import-steps"
        />
        {body}
      </Card>
    </div>
  );
}
