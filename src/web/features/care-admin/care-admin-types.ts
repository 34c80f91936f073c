import type { z } from 'zod';
import type {
  campaignDetailSchema,
  campaignListSchema,
  campaignSummarySchema,
  carePolicySchema,
  coverageSchema,
  hardshipFileSchema,
  HealthCheckList,
  RetireeList,
} from '../../../contracts/care';

export type {
  AssistanceList,
  AssistanceRecord,
  CareReport,
  HardshipFileDetail,
  HardshipFileSummary,
  HardshipList,
  HealthCheckList,
  RetireeList,
} from '../../../contracts/care';

/** GET /care/policy: the union's standards table. */
export type CarePolicy = z.infer<typeof carePolicySchema>;
/** A festival campaign in the list, with its live coverage. */
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;
/** GET /care/campaigns?year: the year's campaigns and whether the actor may create one. */
export type CampaignList = z.infer<typeof campaignListSchema>;
/** GET /care/campaigns/:id: coverage overall and per group, recipients, excluded members, what the actor may do. */
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;
/** One campaign recipient. */
export type CampaignRecipient = CampaignDetail['recipients'][number];
/** Received ÷ intended. */
export type Coverage = z.infer<typeof coverageSchema>;
/** A hardship file as its keepers see it. */
export type HardshipFile = z.infer<typeof hardshipFileSchema>;
/** One retired member with visits and receipts. */
export type Retiree = RetireeList['items'][number];
/** One woman member's 两癌筛查 line of a year. */
export type HealthCheck = HealthCheckList['items'][number];
