// events.listenerCount(emitterOrTarget, type): EventEmitters, EventTargets, and the error for anything else.
const E = require('events');
const et = new EventTarget();
et.addEventListener('x', () => {}); et.addEventListener('x', () => {});
console.log(E.listenerCount(et, 'x'), E.listenerCount(et, 'y'));
const e = new E(); e.on('a', () => {});
console.log(E.listenerCount(e, 'a'));
try { E.listenerCount({}, 'a'); } catch (err) { console.log(err.code, err.message); }
try { E.listenerCount(null, 'a'); } catch (err) { console.log(err.name, err.message); }
console.log(E.setMaxListeners.name, E.listenerCount.name);
