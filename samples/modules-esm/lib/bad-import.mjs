import { nothing } from './math.mjs';
