// The managers' pages of care (送温暖): standards, festival campaigns, reports, retirees, women's health, hardship.
export { CarePolicyPage } from './CarePolicyPage';
export { CampaignsPage } from './CampaignsPage';
export { CampaignPage } from './CampaignPage';
export { HardshipPage } from './HardshipPage';
export { HardshipFilePage } from './HardshipFilePage';
export { CareReportsPage } from './CareReportsPage';
export { RetireesPage } from './RetireesPage';
export { HealthChecksPage } from './HealthChecksPage';
