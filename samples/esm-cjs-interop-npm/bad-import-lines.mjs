import {
  parse,
  tokens,
} from 'legacy-lib';
console.log(parse, tokens);
