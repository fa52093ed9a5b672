// Sub-barrel of lessons/10-editing-facts-vs-search/editing: fact memory, causal tracing, rank-one edits, and an editable agent.
export { editingMessages } from './messages';
export { matrix, toArrays, secondMoment, solve, rankOneUpdate, matVec } from './linalg';
export type { Matrix } from './linalg';
export {
  createFactWorld, factPrompt, allPrompts, answerFor, landmarkIndex, cityIndex,
  FIRST_NAMES, SECOND_NAMES, CITIES, COUNTRIES, RELATIONS,
} from './facts';
export type { FactWorld, FactWorldOptions, FactPrompt, Landmark, Relation } from './facts';
export { FactModel, POSITIONS, POSITION_NAMES, promptTensor } from './fact-model';
export type { FactModelConfig, FactHooks, FactForward } from './fact-model';
export { trainFactModel } from './train-facts';
export type { TrainFactsOptions, TrainFactsResult } from './train-facts';
export { causalTrace, strongestMlpLayer } from './trace';
export type { TraceOptions, TraceCell, TraceResult } from './trace';
export { romeEdit, targetValue, keyStatistics, mlpKeys, scoreEdit } from './rome';
export type { EditRequest, RomeOptions, RomeEdit, EditScores } from './rome';
export {
  GoalAgent, GOAL_KINDS, CELL_FEATURES, makeRooms, trainGoalAgent, editGoal, scoreGoalEdit, objectCell, targetCell,
} from './goal-agent';
export type { Room, GoalKind, GoalAgentConfig, NewTarget, GoalEditScores } from './goal-agent';

