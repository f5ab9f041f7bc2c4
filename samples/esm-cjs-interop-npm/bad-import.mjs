import { tokens } from 'legacy-lib';
console.log(tokens);
