// fs.watchFile / fs.unwatchFile: a polling StatWatcher per file; the listener gets (current,
// previous) Stats when the file changes, disappears (zeroed current) or comes back, and a
// missing file reports once with both zeroed. unwatchFile stops it ('stop' on the next tick).
const fs = require('fs');
const os = require('os');
const path = require('path');
const EventEmitter = require('events');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgen-watchfile-'));
const file = path.join(dir, 'a.txt');
fs.writeFileSync(file, 'one');

const steps = [
  () => setTimeout(() => fs.unlinkSync(file), 60),
  () => setTimeout(() => fs.writeFileSync(file, 'again!'), 60),
  () => {
    fs.unwatchFile(file);
    console.log('after unwatch', w.listenerCount('change'));
  },
];
const w = fs.watchFile(file, { interval: 20 }, function listener(curr, prev) {
  console.log('change', curr.size, prev.size, curr.constructor.name, curr.isFile(), prev.isFile(),
    curr.nlink, this === w, curr.mtimeMs === 0 ? curr.mtime.toISOString() : 'mtime set');
  steps.shift()();
});
w.on('stop', () => {
  console.log('stop event');
  fs.rmSync(dir, { recursive: true });
});
console.log(w.constructor.name, w instanceof EventEmitter, typeof w.start, w.start(), typeof w.stop);

// The same file gives the same watcher; a second listener can be removed on its own.
const other = () => console.log('never: removed before any change');
console.log(fs.watchFile(file, other) === w, w.listenerCount('change'));
fs.unwatchFile(file, other);
console.log(w.listenerCount('change'), w.ref() === w, w.unref() === w, w.ref() === w);

// A missing file reports once, everything zeroed. Its first stat was queued after the
// watched file's, so by now that one has its first stat: change the file.
const missing = path.join(dir, 'missing.txt');
fs.watchFile(missing, { interval: 10 }, (curr, prev) => {
  console.log('missing', curr.size, prev.size, curr.mtimeMs, prev.birthtimeMs, curr.mtime.getTime(),
    curr.isFile(), Object.keys(curr).length);
  fs.unwatchFile(missing);
  setTimeout(() => fs.writeFileSync(file, 'two two'), 60);
});

// A watcher that is not persistent does not keep the process alive.
const quiet = fs.watchFile(__filename, { persistent: false, interval: 5 }, () => console.log('no change'));
console.log(quiet);

for (const args of [[file], [file, { interval: 5 }], [missing + 'x', { interval: -1 }, () => {}],
  [missing + 'y', { interval: '10' }, () => {}], [missing + 'z', { interval: 1.5 }, () => {}],
  [42, () => {}], [missing + 'w', 5, () => {}]]) {
  try {
    fs.watchFile(...args);
    console.log('ok');
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log(fs.unwatchFile('/no/such/file'), fs.unwatchFile(file, () => {}));
try {
  fs.unwatchFile(1);
} catch (e) {
  console.log(e.code);
}
