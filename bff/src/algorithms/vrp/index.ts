export { checkSolution, type VrpViolation } from './check-solution';
export { generateProblem, type GeneratorOptions } from './generate';
export { euclideanMatrix } from './matrix';
export { solve } from './solve';
export * from './types';
export { validateProblem, VrpValidationError } from './validate';
