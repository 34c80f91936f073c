// 民主测评: the voters' pages (list, ballot) and the organisers' (set-up, participation, results).
export { EvaluationsPage } from './EvaluationsPage';
export { EvaluationFormPage } from './EvaluationFormPage';
export { EvaluationPage } from './EvaluationPage';
export { BallotPage } from './BallotPage';
export { ResultsPage } from './ResultsPage';
