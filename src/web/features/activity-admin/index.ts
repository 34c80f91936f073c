// The organisers' pages of the activities module; the router loads them lazily.
export { ActivityAdminListPage } from './ActivityAdminListPage';
export { ActivityFormPage } from './ActivityFormPage';
export { ActivityManagePage } from './ActivityManagePage';
export { ActivityStatsPage } from './ActivityStatsPage';
export { ActivityTypesPage } from './ActivityTypesPage';
export { CheckinScreenPage } from './CheckinScreenPage';
export { ClubDetailPage } from './ClubDetailPage';
export { ClubsPage } from './ClubsPage';
