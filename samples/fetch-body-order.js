// The order of body-method promises among other jobs (undici's consume-body steps)
const log = (...a) => console.log(...a);
const ticks = (label, n = 12) => { let p = Promise.resolve(); for (let i = 1; i <= n; i++) { const k = i; p = p.then(() => log(label, 'tick', k)); } };
ticks('A');
new Response('text').text().then((t) => log('text', t));
new Response('{"j":1}').json().then((t) => log('json', t));
new Response(null).text().then((t) => log('null text', JSON.stringify(t)));
new Response(new Uint8Array([65])).arrayBuffer().then((t) => log('ab', t.byteLength));
new Request('http://x.test', { method: 'POST', body: 'rq' }).text().then((t) => log('req text', t));
const used = new Response('u'); used.text();
used.text().catch((e) => log('used', e.message));
Promise.resolve().then(() => log('plain then'));
queueMicrotask(() => log('microtask'));
process.nextTick(() => log('nextTick'));
setTimeout(() => log('timeout'), 0);
log('sync end');
setTimeout(() => {
  const log = (...a) => console.log(...a);
  let p = Promise.resolve(); for (let i = 1; i <= 8; i++) { const k = i; p = p.then(() => log('tick', k)); }
  const a = new Response('a'); console.log(a.body);
  a.body.getReader().read().then((r) => log('a read', r.value.length));
  new Response('b').arrayBuffer().then(() => log('b ab'));
  const c = new Response('c');
  Promise.resolve().then(() => Promise.resolve()).then(() => c.text()).then(() => log('c text late'));
  const d = new Response(new URLSearchParams('x=1'));
  d.formData().then((f) => log('d fd', f));
  new Response('').text().then(() => log('empty text'));
  const e = new Response('e'); const e2 = e.clone();
  e.text().then(() => log('e text')); e2.text().then(() => log('e2 text'));
  Promise.resolve().then(() => console.log(a.body));
}, 5);
