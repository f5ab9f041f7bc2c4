// EventEmitter from node:events: listeners, once, prepend, removal, the 'error' event,
// events.once() as a promise, and a subclass.
const EventEmitter = require('events');
const { once } = require('node:events');

class Store extends EventEmitter {
  constructor() {
    super();
    this.items = [];
  }
  add(item) {
    this.items.push(item);
    this.emit('added', item, this.items.length);
  }
}

const store = new Store();
console.log(store instanceof EventEmitter, EventEmitter.EventEmitter === EventEmitter);
const onAdded = (item, n) => console.log(`added ${item} (now ${n})`);
store.on('added', onAdded);
store.once('added', (item) => console.log('first item was', item));
store.prependListener('added', () => console.log('prepended listener runs first'));
store.add('apple');
store.add('pear');
console.log('listenerCount', store.listenerCount('added'), store.eventNames());
store.off('added', onAdded);
store.add('plum');
console.log(store.emit('nothing'), store.listeners('added').length);

const e = new EventEmitter();
console.log(e);
e.on('tick', function namedListener() {});
e.once('tock', () => {});
console.log(e);

try {
  e.emit('error', new Error('no error listener'));
} catch (err) {
  console.log('thrown:', err.message);
}
try {
  e.emit('error', { reason: 42 });
} catch (err) {
  console.log('thrown:', err.message, err.code);
}
e.on('error', (err) => console.log('handled:', err.message));
e.emit('error', new Error('with a listener'));

e.on('newListener', (name) => console.log('newListener', name));
e.on('data', () => {});
e.removeAllListeners('data');
console.log(e.listenerCount('data'));

(async () => {
  setTimeout(() => e.emit('ready', 'ok', 7), 50);
  const args = await once(e, 'ready');
  console.log('once resolved with', args);
  setTimeout(() => e.emit('error', new Error('failed while waiting')), 10);
  try {
    await once(e, 'never');
  } catch (err) {
    console.log('once rejected:', err.message);
  }
})();
