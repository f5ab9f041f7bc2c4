import { value } from './star.mjs';
