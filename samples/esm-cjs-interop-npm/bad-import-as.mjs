import { parse as p, src   as   s } from 'legacy-lib';
console.log(p, s);
