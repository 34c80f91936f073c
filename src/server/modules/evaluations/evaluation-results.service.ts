import type { EvaluationResults, EvaluationVoters } from '../../../contracts/evaluations.js';
import { shanghaiWallTime } from '../../../domain/activities/shanghai-time.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import type { ExportFile } from '../activities/activities.export.js';
import { writeAudit } from '../audit/audit.writer.js';
import { orgNameOf } from '../calendar/calendar.repository.js';
import { closeIfDue } from './evaluation-close.service.js';
import { clean, evaluationDocName, evaluationReportDocx } from './evaluation-report.docx.js';
import { evaluationResultsXlsx } from './evaluation-results.xlsx.js';
import { auditActor, loadEvaluation, type Org } from './evaluations.access.js';
import { votersLabelOf } from './evaluations.presenter.js';
import { termNumberOf, type EvaluationRow } from './evaluations.repository.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileNamePart = (text: string) => clean(text).replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 60);

/** A closed evaluation of the union with its figures (closing it first if its window has ended); 409 before. */
async function closedEvaluation(ctx: Ctx, id: string): Promise<{ org: Org; e: EvaluationRow; results: EvaluationResults }> {
  const loaded = await loadEvaluation(ctx, id, 'evaluation.manage');
  const e = await closeIfDue(ctx, loaded.evaluation, new Date());
  if (e.status !== 'closed' || !e.results) throw new AppError('CONFLICT', e.status === 'draft' ? '测评尚未发布' : '测评尚未结束，结果在测评结束后才能查看');
  // allowComments is the evaluation's own setting (figures stored before it was part of them lack it).
  return { org: loaded.org, e, results: { ...(e.results as EvaluationResults), allowComments: e.allowComments } };
}

/** GET /evaluations/:id/results: the figures computed once at closing. */
export async function getResults(ctx: Ctx, id: string): Promise<EvaluationResults> {
  return (await closedEvaluation(ctx, id)).results;
}

/** Records a download of the figures in the audit log. */
async function auditExport(ctx: Ctx, org: Org, e: EvaluationRow, format: string): Promise<void> {
  await ctx.db.transaction((tx) =>
    writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'evaluation.resultsExported', entityType: 'evaluation', entityId: e.id, entityLabel: e.title, changes: { format: { to: format } } }),
  );
}

/** GET /evaluations/:id/report.docx: 民主测评结果报告; audited. */
export async function exportReport(ctx: Ctx, id: string): Promise<ExportFile> {
  const { org, e, results } = await closedEvaluation(ctx, id);
  const voters = e.voters as EvaluationVoters;
  const termNumber = voters.kind === 'term' ? await termNumberOf(ctx.db, org.id, voters.termId) : null;
  const now = new Date();
  const file = await evaluationReportDocx(results, {
    orgName: await orgNameOf(ctx.db, org.id),
    window: `${shanghaiWallTime(new Date(e.opensAt), now)} 至 ${shanghaiWallTime(new Date(e.closedAt ?? e.closesAt), now)}`,
    votersLabel: votersLabelOf(voters, e.eligible, termNumber),
  });
  await auditExport(ctx, org, e, 'docx');
  return { file, contentType: DOCX_TYPE, fileName: `${evaluationDocName(fileNamePart(e.title), '结果报告')}.docx` };
}

/** GET /evaluations/:id/results.xlsx: the same figures as a sheet; audited. */
export async function exportResultsSheet(ctx: Ctx, id: string): Promise<ExportFile> {
  const { org, e, results } = await closedEvaluation(ctx, id);
  const file = await evaluationResultsXlsx(results);
  await auditExport(ctx, org, e, 'xlsx');
  return { file, contentType: XLSX_TYPE, fileName: `${evaluationDocName(fileNamePart(e.title), '结果')}.xlsx` };
}
