// An ES module main (here by its `import` syntax): Node evaluates it inside a promise job of
// its loader, so the promise callbacks it queued run before its process.nextTick callbacks,
// and the stack of an error made at its top level ends in the loader's frames.
import { EventEmitter } from 'node:events';

console.log('sync');
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
queueMicrotask(() => console.log('microtask'));
(async () => {
  await null;
  console.log('async function after await');
  process.nextTick(() => console.log('nextTick from the async function'));
})();

const here = import.meta.url.slice(0, import.meta.url.lastIndexOf('/'));
const show = (stack) => console.log(stack.replaceAll(here, '<dir>'));
function where() {
  return new Error('in a function').stack;
}
show(new Error('at top level').stack);
show(where());
const ee = new EventEmitter();
ee.on('event', () => show(new Error('in a listener').stack.split('\n').slice(0, 2).join('\n')));
ee.emit('event');
await null;
show(new Error('after a top-level await').stack);
Promise.resolve().then(() => show(new Error('in a then').stack));
