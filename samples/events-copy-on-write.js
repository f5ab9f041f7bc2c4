// Node 24 copies a listener array on write while an emit walks it (Symbol(events.emitting)
// counts the walks), and emits removeListener for the last listener of a type too.
const E = require('events');
const e = new E();
const f1 = () => { console.log('f1'); e.on('x', () => console.log('added during emit')); e.removeListener('x', f2); };
const f2 = () => console.log('f2');
e.on('x', f1); e.on('x', f2);
e.on('removeListener', (t, l) => console.log('removed', t, l.name));
e.emit('x'); e.emit('x');
console.log(e.listeners('x').length, e);
e.off('removeListener', e.listeners('removeListener')[0]);
const one = () => {}; e.on('y', one); e.on('removeListener', (t) => console.log('rm', t)); e.off('y', one);
e.prependListener('z', () => {}); e.prependListener('z', () => {}); console.log(e._events.z);
console.log(Array.prototype[Symbol.unscopables]);
