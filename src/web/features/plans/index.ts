export { PlansPage } from './PlansPage';
export { PlanPage } from './PlanPage';
export { PlanImportPage } from './PlanImportPage';
