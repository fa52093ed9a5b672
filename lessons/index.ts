/**
 * Every lesson, in notebook order: one folder per notebook (`lessons/NN-<notebook name>/`), holding
 * its experiment, its claims, its exercises and, where a lesson has a world of its own, that world.
 * Importing this file registers every claim in the ledger and every exercise with the checker.
 * Add a lesson's lines here when you add its folder. Re-exports and registrations only.
 */
export * from './01-search-as-retargetable-process/experiment';
export * from './02-heuristics-from-relaxation/experiment';
export * from './03-search-vs-heuristics/experiment';
export { learnedPatchPairs, targetChannels, iterationLayers, SINGLE_CHANNEL_EFFECT } from './05-finding-the-target/exercises';
export type { ObservationBatch } from './05-finding-the-target/exercises';
export { measureLearnedEdit, LEARNED_EDIT_BAR } from './06-just-retarget-the-search/exercises';
export type { LearnedEditContext, CheeseTemplate, LearnedEditAnswer, LearnedEditMeasure } from './06-just-retarget-the-search/exercises';
export * from './07-two-architectures/agents/index';
export * from './08-specialized-heuristics/chess/index';
export * from './09-generalization-vs-specialization/tasks/index';
export * from './10-editing-facts-vs-search/editing/index';
export * from './11-value-painting/world/index';
export * from './12-interpretability-scenarios/scenarios/index';
export * from './13-the-cruxes/experiment';
export * from './13-the-cruxes/shared-concept';

import './00-welcome/exercises';
import './01-search-as-retargetable-process/claims';
import './01-search-as-retargetable-process/exercises';
import './02-heuristics-from-relaxation/claims';
import './02-heuristics-from-relaxation/exercises';
import './03-search-vs-heuristics/claims';
import './03-search-vs-heuristics/exercises';
import './04-mesa-optimizers/claims';
import './04-mesa-optimizers/exercises';
import './05-finding-the-target/claims';
import './05-finding-the-target/exercises';
import './06-just-retarget-the-search/claims';
import './06-just-retarget-the-search/exercises';
import './07-two-architectures/claims';
import './07-two-architectures/exercises';
import './08-specialized-heuristics/claims';
import './08-specialized-heuristics/exercises';
import './09-generalization-vs-specialization/claims';
import './09-generalization-vs-specialization/exercises';
import './10-editing-facts-vs-search/claims';
import './10-editing-facts-vs-search/exercises';
import './11-value-painting/claims';
import './11-value-painting/exercises';
import './12-interpretability-scenarios/claims';
import './12-interpretability-scenarios/exercises';
import './13-the-cruxes/claims';

// The coverage ledger: every point of the post and its comments, and where the lab treats it.
import './coverage';
