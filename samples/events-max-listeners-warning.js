// The MaxListenersExceededWarning carries the emitter, the event type and the count, and
// names the emitter as util.inspect does at depth -1.
const EventEmitter = require('events');

class Chat extends EventEmitter {}
const room = new Chat();
room.setMaxListeners(2);

process.on('warning', (w) => {
  console.log(w.name);
  console.log(w.message);
  console.log(w.emitter === room, w.type, w.count, w instanceof Error);
});

for (let i = 0; i < 3; i++) room.on('message', () => {});
const sym = Symbol('tick');
const plain = new EventEmitter();
plain.setMaxListeners(1);
plain.on(sym, () => {});
plain.on(sym, () => {});
plain.on(sym, () => {}); // warned once per event
