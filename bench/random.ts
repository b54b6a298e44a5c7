/** Seeded random numbers for generated benchmark data: the same seed, the same dataset. */
export { seededRandom as random } from '../src/aggregate/seeded-random.ts';
