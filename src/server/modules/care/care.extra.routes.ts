import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  birthdayBenefitRequestSchema,
  birthdayBenefitSchema,
  birthdayListSchema,
  birthdayQuerySchema,
  campaignDetailSchema,
  campaignInputSchema,
  campaignListQuerySchema,
  campaignListSchema,
  careMySchema,
  careReportQuerySchema,
  careReportSchema,
  healthCheckInputSchema,
  healthCheckListSchema,
  healthCheckQuerySchema,
  healthCheckSchema,
  myCampaignSchema,
  receiptsInputSchema,
  retireeListSchema,
} from '../../../contracts/care.js';
import { ctxOf } from '../../http/context.js';
import { encodeRfc5987 } from '../activities/activities.files.js';
import { giveBirthdayBenefit, listBirthdays } from './care-birthdays.service.js';
import { closeCampaign, createCampaign, getCampaign, listCampaigns, startCampaign } from './care-campaigns.service.js';
import { listHealthChecks, listRetirees, recordHealthCheck } from './care-people.service.js';
import { confirmReceipt, myCare, tickReceipts, untickReceipt } from './care-receipts.service.js';
import { exportCareReport } from './care-reports.export.js';
import { careReport } from './care-reports.service.js';

const campaignParams = z.object({ id: z.string().uuid('节日慰问无效') });
const receiptParams = campaignParams.extend({ memberId: z.string().uuid('会员无效') });
const memberParams = z.object({ memberId: z.string().uuid('会员无效') });

/** Festival campaigns and receipts, 我的慰问, birthdays, retirees, women's health checks, the care reports. */
export async function careExtraRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];

  api.get(
    '/care/campaigns',
    { schema: { tags, summary: '节日慰问列表（默认本年），含实时覆盖率', querystring: campaignListQuerySchema, response: { 200: campaignListSchema } } },
    async (req) => listCampaigns(ctxOf(req, database), req.query),
  );
  api.post(
    '/care/campaigns',
    { schema: { tags, summary: '新建节日慰问（只限可发放节日慰问品的节日）', body: campaignInputSchema, response: { 201: campaignDetailSchema } } },
    async (req, reply) => reply.status(201).send(await createCampaign(ctxOf(req, database), req.body)),
  );
  api.get(
    '/care/campaigns/:id',
    { schema: { tags, summary: '节日慰问详情：总覆盖率、各小组覆盖率、发放名单', params: campaignParams, response: { 200: campaignDetailSchema } } },
    async (req) => getCampaign(ctxOf(req, database), req.params.id),
  );
  api.post(
    '/care/campaigns/:id/start',
    { schema: { tags, summary: '开始发放：确定发放名单，按每人每年节日慰问上限核对', params: campaignParams, response: { 200: campaignDetailSchema } } },
    async (req) => startCampaign(ctxOf(req, database), req.params.id),
  );
  api.post(
    '/care/campaigns/:id/close',
    { schema: { tags, summary: '结束节日慰问', params: campaignParams, response: { 200: campaignDetailSchema } } },
    async (req) => closeCampaign(ctxOf(req, database), req.params.id),
  );
  api.post(
    '/care/campaigns/:id/receipts',
    { schema: { tags, summary: '代为确认签收（工会小组长为本组会员，委员为全体）', params: campaignParams, body: receiptsInputSchema, response: { 200: campaignDetailSchema } } },
    async (req) => tickReceipts(ctxOf(req, database), req.params.id, req.body.memberIds),
  );
  api.delete(
    '/care/campaigns/:id/receipts/:memberId',
    { schema: { tags, summary: '撤销签收', params: receiptParams, response: { 200: campaignDetailSchema } } },
    async (req) => untickReceipt(ctxOf(req, database), req.params.id, req.params.memberId),
  );
  api.post(
    '/care/campaigns/:id/confirm',
    { schema: { tags, summary: '会员本人在手机上签收节日慰问品', params: campaignParams, response: { 200: myCampaignSchema } } },
    async (req) => confirmReceipt(ctxOf(req, database), req.params.id),
  );
  api.get('/care/my', { schema: { tags, summary: '我的慰问：待签收的节日慰问、本人的慰问事由', response: { 200: careMySchema } } }, async (req) =>
    myCare(ctxOf(req, database)),
  );

  api.get(
    '/care/birthdays',
    { schema: { tags, summary: '本周或本月过生日的会员（公历或农历）', querystring: birthdayQuerySchema, response: { 200: birthdayListSchema } } },
    async (req) => listBirthdays(ctxOf(req, database), req.query.range),
  );
  api.post(
    '/care/birthdays/benefits',
    { schema: { tags, summary: '登记生日慰问（每人每年一次，不超过生日慰问标准）', body: birthdayBenefitRequestSchema, response: { 201: birthdayBenefitSchema } } },
    async (req, reply) => reply.status(201).send(await giveBirthdayBenefit(ctxOf(req, database), req.body)),
  );

  api.get('/care/retirees', { schema: { tags, summary: '退休教职工及其走访、节日慰问记录', response: { 200: retireeListSchema } } }, async (req) =>
    listRetirees(ctxOf(req, database)),
  );
  api.get(
    '/care/health-checks',
    { schema: { tags, summary: '女职工两癌筛查（仅工会主席、女工委员）', querystring: healthCheckQuerySchema, response: { 200: healthCheckListSchema } } },
    async (req) => listHealthChecks(ctxOf(req, database), req.query),
  );
  api.put(
    '/care/health-checks/:memberId',
    { schema: { tags, summary: '登记两癌筛查（仅工会主席、女工委员）', params: memberParams, body: healthCheckInputSchema, response: { 200: healthCheckSchema } } },
    async (req) => recordHealthCheck(ctxOf(req, database), req.params.memberId, req.body),
  );

  api.get(
    '/care/reports',
    { schema: { tags, summary: '慰问统计：按类别、月份、小组的人次与金额，逾期，覆盖率，超标准审批', querystring: careReportQuerySchema, response: { 200: careReportSchema } } },
    async (req) => careReport(ctxOf(req, database), req.query),
  );
  api.get('/care/reports.xlsx', { schema: { tags, summary: '导出慰问统计（Excel）', querystring: careReportQuerySchema } }, async (req, reply) => {
    const e = await exportCareReport(ctxOf(req, database), req.query);
    return reply
      .header('content-type', e.contentType)
      .header('content-disposition', `attachment; filename="care-report.xlsx"; filename*=UTF-8''${encodeRfc5987(e.fileName)}`)
      .send(e.file);
  });
}
