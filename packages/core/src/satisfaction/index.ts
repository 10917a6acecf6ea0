/**
 * Satisfaction and service-quality scoring: versioned instruments (the one-stop 3-level rating, the
 * 9-criterion 18-point dossier evaluation, a SIPAS-style survey, CSAT, NPS, CES), response validation,
 * one engine of named formulas, aggregation with Wilson intervals and small-group suppression, and
 * index scorecards such as Decision 766/QĐ-TTg's five groups, signed single-use rating tokens and a
 * scrubber for personal data in free text.
 *
 * @module satisfaction
 */
export {
  type AggregateGroup,
  type AggregateOptions,
  aggregateResponses,
  DEFAULT_WAIT_BANDS,
  type EligibleTransaction,
  type GroupDimension,
  type GroupKey,
  type PublishedGroup,
  type SuppressedGroup,
} from './aggregate.js';
export { CES_INSTRUMENTS } from './built-in/ces.js';
export { CSAT_INSTRUMENTS } from './built-in/csat.js';
export { DOSSIER_EVALUATION_INSTRUMENTS } from './built-in/dossier-evaluation.js';
export { NPS_INSTRUMENTS } from './built-in/nps.js';
export { ONE_STOP_RATING_INSTRUMENTS } from './built-in/one-stop-rating.js';
export { SIPAS_INSTRUMENTS } from './built-in/sipas.js';
export {
  DECISION_766_INDICATORS,
  DECISION_766_SCORECARD,
  type Decision766Indicator,
  type Decision766PointsOptions,
  type Decision766SatisfactionCounts,
  type Decision766SatisfactionResult,
  decision766IndicatorPoints,
  decision766Satisfaction,
} from './decision-766.js';
export { DECISION_766_TABLE, type Decision766TableEntry } from './decision-766-table.js';
export {
  addToTally,
  createTally,
  FORMULA_NAMES,
  type FormulaName,
  type FormulaOptions,
  isOnScale,
  isProportionFormula,
  offScale,
  type ResolvedFormula,
  resolveFormula,
  type ScaleRange,
  scoreResponses,
  scoreTally,
  type Tally,
  type ThresholdLinearOptions,
  thresholdLinear,
  type Unanswered,
} from './formulas.js';
export {
  checkGradeBands,
  DOSSIER_EVALUATION_GRADE_BANDS,
  type GradeBand,
  gradeFor,
} from './grade-bands.js';
export {
  checkInstrument,
  defineInstrument,
  type Instrument,
  type InstrumentKind,
  type InstrumentScoring,
  type Question,
  responseScale,
  type ScaleOption,
  type ScaleQuestion,
  scaleOf,
  type TextQuestion,
} from './instrument.js';
export { BUILT_IN_INSTRUMENT_IDS } from './instrument-ids.js';
export { BUILT_IN_INSTRUMENTS } from './instruments.js';
export {
  findInstrument,
  type InstrumentForOptions,
  type InstrumentLibraryOptions,
  instrumentFor,
  isInForce,
} from './library.js';
export { loadBuiltInInstruments, loadInstrument } from './load.js';
export {
  type CreateRatingTokenOptions,
  createRatingToken,
  DEFAULT_RATING_TOKEN_LIFETIME_SECONDS,
  type RatingClaims,
  type RatingSecret,
  RatingTokenError,
  type RatingTokenFailure,
  ratingLink,
  ratingTokenFromLink,
  type VerifiedRatingToken,
  type VerifyRatingTokenOptions,
  verifyRatingToken,
} from './rating-token.js';
export { readSatisfactionReport, type SatisfactionReport } from './report.js';
export {
  type Answers,
  createResponse,
  keptAnswers,
  type ResponseContext,
  type SurveyResponse,
  validateResponse,
} from './response.js';
export {
  type ResponseScore,
  type ResponseScorer,
  responseScorer,
  type ScoreResponseOptions,
  scoreResponse,
} from './score-response.js';
export {
  type CriterionScores,
  checkScorecard,
  defineScorecard,
  type Scorecard,
  type ScorecardCriterion,
  type ScorecardLine,
  type ScorecardResult,
  type ScorecardScores,
  scoreScorecard,
} from './scorecard.js';
export {
  readScorecardReport,
  type ScorecardGroupLine,
  type ScorecardIndicatorLine,
  type ScorecardIndicatorSource,
  type ScorecardReport,
} from './scorecard-report.js';
export { type PersonalDataKind, type ScrubOptions, scrubPersonalData } from './scrub.js';
export { pickInstrument } from './select.js';
export {
  createSubmissionGuard,
  type GuardedSubmission,
  type GuardStats,
  type GuardVerdict,
  type SubmissionGuard,
  type SubmissionGuardOptions,
} from './submission-guard.js';
export { type ProportionInterval, type WilsonOptions, wilsonInterval, Z_95 } from './wilson.js';
