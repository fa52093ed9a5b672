// Sub-barrel of lessons/11-value-painting/world: a concept world model, learned detectors, value heads, value painting.
export { worldModelMessages } from './messages';
export { CONCEPTS, OBS_SIZE, makeEpisodes, openCells, trueConcepts, observe, distancesFrom, isWall, episodeMap } from './world';
export type { Concept, Episode, EpisodeOptions } from './world';
export { trainDetectors, detectorAt, scoreStates } from './detector';
export type { DetectorWeights, DetectorOptions, TrainedDetectors } from './detector';
export { planBest, paintValue, planWithDetectors, paintingSuccess, testEpisodes } from './planner';
export type { PlanResult, PaintingReport } from './planner';
