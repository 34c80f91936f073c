export { ActivitiesPage } from './ActivitiesPage';
export { ActivityDetailPage } from './ActivityDetailPage';
export { CheckinPage } from './CheckinPage';
