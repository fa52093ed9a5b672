// Sub-barrel of lib/exercises: the checker API, then every exercise file (each registers itself).
export * from './types';
export { check, defineExercise, evaluateExercise, listExercises } from './check';
import './catalog';
