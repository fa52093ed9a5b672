// Sub-barrel of lib/exercises: the checker engine only. Exercises live with their lessons
// (lessons/NN-*/exercises.ts) and register themselves when lessons/index.ts is imported.
export * from './types';
export { check, defineExercise, evaluateExercise, listExercises } from './check';
