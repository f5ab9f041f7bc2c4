// MessageChannel and BroadcastChannel in one thread: messages are structured-cloned when
// posted and arrive in a later turn of the event loop (after the ticks and microtasks of
// the current one, before setImmediate), one at a time.
const { MessageChannel, MessagePort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
port2.on('message', (msg) => {
  console.log('port2 got', msg);
  Promise.resolve().then(() => console.log('  microtask after', msg.n));
  if (msg.n === 2) setImmediate(() => port1.postMessage({ n: 3 }));
  if (msg.n === 3) port2.close();
});
port2.on('close', () => console.log('port2 closed'));

const shared = { n: 1, list: [1, 2], when: new Date(0), map: new Map([['k', 'v']]) };
port1.postMessage(shared);
shared.n = 99; // the message was copied when posted
port1.postMessage({ n: 2 });
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('microtask'));
console.log('end of script');

try {
  port1.postMessage({ f() {} });
} catch (e) {
  console.log(e.name, e.message);
}
try {
  new MessagePort();
} catch (e) {
  console.log(e.name, e.code, e.message);
}

// A port keeps its messages until it is started.
const second = new MessageChannel();
second.port1.postMessage('waiting');
port2.on('close', () => {
  second.port2.onmessage = (event) => {
    console.log(event.constructor.name, event.data, event.ports, event.target === second.port2);
    second.port2.close();
  };
});

// Global MessageChannel, addEventListener, MessageEvent.
const third = new MessageChannel();
third.port2.addEventListener('message', (event) => {
  console.log('third:', event instanceof MessageEvent, event.type, event.data);
  third.port1.close();
});
third.port1.postMessage('hi');
console.log(typeof MessageChannel, typeof MessagePort, typeof BroadcastChannel, typeof MessageEvent);

// BroadcastChannel: every other channel of the same name receives.
const a = new BroadcastChannel('news');
const b = new BroadcastChannel('news');
const c = new BroadcastChannel('other');
let got = 0;
b.onmessage = (event) => {
  console.log('b received', event.data, b.name);
  if (++got === 2) {
    a.close();
    b.close();
    c.close();
    try {
      a.postMessage('late');
    } catch (e) {
      console.log(e.name, e.message);
    }
  }
};
c.onmessage = () => console.log('c never receives');
a.postMessage('first');
a.postMessage({ second: true });
console.log(a);
