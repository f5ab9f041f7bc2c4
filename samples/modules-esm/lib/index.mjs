export * from './math.mjs';
export * as stats from '../stats.mjs';
export { default as greeting, shout as loud } from './greet.mjs';
