export * from './plain.mjs'; export * from './plain2.mjs';
