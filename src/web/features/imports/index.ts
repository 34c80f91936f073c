export { ImportWizardPage } from './ImportWizardPage';
