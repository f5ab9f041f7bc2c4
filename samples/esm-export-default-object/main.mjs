// `export default` followed by an object literal (yargs' platform shim, many config
// modules): the literal is an AssignmentExpression there, not a block.
import config from './config.mjs';
import shim from './shim.mjs';
import length from './member.mjs';
import empty from './empty.mjs';
import fn, { kind } from './function.mjs';

console.log(config);
console.log(shim.getEnv('HOME_X'), shim.inspect, shim.m(), Object.keys(shim));
console.log(length, empty, Object.getPrototypeOf(empty) === Object.prototype);
console.log(typeof fn, fn.name, kind);
