// 智能派单 learner: pure TypeScript, no database. See docs/features/smart-dispatch.md.
export {
  trainModel,
  predictTop,
  predictProbabilities,
  serializeModel,
  deserializeModel,
  ModelFormatError,
  MODEL_VERSION,
  type DispatchModel,
  type LabelledText,
  type Suggestion,
  type TrainOptions,
} from './model.js';
export { crossValidate, type Evaluation } from './evaluate.js';
