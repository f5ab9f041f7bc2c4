import { nothing } from './plain.mjs';
