import { notThere } from 'node:path';
console.log(notThere);
