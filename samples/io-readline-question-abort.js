// readline/promises question() with an AbortSignal (aborted later: the prompt is dropped and
// the line cleared; aborted before: rejected at once), and a question pending when the input
// ends: it stays pending, as in Node (only a terminal's Ctrl+D rejects it).
const readline = require('readline/promises');
const { PassThrough } = require('stream');
const input = new PassThrough(); const out = new PassThrough(); let shown = '';
out.on('data', (d) => shown += d);
const rl = readline.createInterface({ input, output: out });
const ac = new AbortController();
rl.question('q1? ', { signal: ac.signal }).then((a) => console.log('a1', a), (e) => console.log('rejected', e.name, e.code, e.cause));
setTimeout(() => ac.abort('why'), 5);
setTimeout(async () => {
  const p = rl.question('q2? '); input.write('yes\n'); console.log('a2', await p);
  const ac2 = new AbortController(); ac2.abort('pre');
  try { await rl.question('q3? ', { signal: ac2.signal }); } catch (e) { console.log('pre-aborted', e.name, e.cause); }
  const pending = rl.question('q4? '); pending.then((v) => console.log('never', v), (e) => console.log('rejected?', e));
  input.end();
  setTimeout(() => console.log(JSON.stringify(shown), rl.closed), 5);
}, 20);
