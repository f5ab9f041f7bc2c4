// Response: construction, body kinds and their content-type, the body methods, clone, statics, errors, inspect
const r = new Response('hello', { status: 201, statusText: 'Created', headers: { 'X-A': '1' } });
console.log(r);
console.log(r.status, r.statusText, r.ok, r.type, r.url, r.redirected, r.bodyUsed);
console.log(r.headers, r.body);
console.log(Object.prototype.toString.call(r));
console.log(Object.getOwnPropertyNames(Response.prototype));
console.log(Object.getOwnPropertyNames(Response));
console.log(new Response());
console.log(new Response(null, {status: 204}));
const show = (label) => (v) => console.log(label, v);
const err = (label) => (e) => console.log(label, e.name + ': ' + e.message);
(async () => {
  const bodies = [
    'str', new Blob(['blob'], { type: 'Text/X' }), new Blob(['untyped']), new TextEncoder().encode('u8').buffer,
    new Uint16Array([0x6968]), new DataView(new TextEncoder().encode('dv').buffer), new URLSearchParams({ q: 'a b', r: 'é' }),
    new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('rs1')); c.enqueue(new TextEncoder().encode('rs2')); c.close(); } }),
    null, undefined, 42, { toString() { return 'obj'; } },
  ];
  for (const b of bodies) {
    const r = new Response(b);
    console.log(r.headers.get('content-type'), r.body === null, JSON.stringify(await r.text()));
  }
  const r = new Response('{"a":[1,2]}');
  console.log(await r.json(), r.bodyUsed);
  console.log(r);
  try { await r.text(); } catch (e) { console.log(e.name + ': ' + e.message); }
  try { r.clone(); } catch (e) { console.log(e.name + ': ' + e.message); }
  console.log(await new Response('abc').arrayBuffer());
  console.log(await new Response('abc').bytes());
  console.log(await new Response('abc', { headers: { 'content-type': 'text/html; charset=utf-8' } }).blob());
  console.log(await new Response(new Blob(['x'], { type: 'a/b' })).blob());
  console.log(await new Response('a=1&b=2&a=3', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData());
  try { await new Response('zzz').formData(); } catch (e) { console.log(e.name + ': ' + e.message); }
  try { await new Response('{bad').json(); } catch (e) { console.log(e.name + ': ' + e.message); }
  const c1 = new Response('cloned', { status: 404, statusText: 'Nope', headers: [['x', 'y']] });
  const c2 = c1.clone();
  console.log(await c1.text(), await c2.text(), c2.status, c2.statusText, c2.ok, c2.headers);
  const j = Response.json({ x: 1 }, { status: 202, headers: { 'X-J': 'j' } });
  console.log(j, await j.json());
  const e = Response.error();
  console.log(e);
  try { e.headers.set('a', 'b'); } catch (er) { console.log(er.name + ': ' + er.message); }
  const rd = Response.redirect('http://x.test/next', 301);
  console.log(rd, rd.headers.get('location'));
  const tries = [
    () => new Response('x', { status: 199 }),
    () => new Response('x', { status: 600 }),
    () => new Response('x', { status: 204 }),
    () => new Response(null, { status: 1000 }),
    () => new Response('x', { statusText: 'bad\n' }),
    () => Response.redirect('http://x.test', 200),
    () => Response.redirect('/rel'),
    () => Response.json(),
    () => Response.json(1n),
    () => Response(),
    () => new Response('x', 5),
    () => new Response('x', { headers: 5 }),
    () => Object.getOwnPropertyDescriptor(Response.prototype, 'status').get.call({}),
    () => Response.redirect(),
  ];
  for (const t of tries) {
    try { console.log(t()); } catch (e) { console.log(e.name + ': ' + e.message); }
  }
  const u = new Response('used');
  const rd2 = u.body.getReader();
  console.log(u.bodyUsed, u.body.locked);
  try { await u.text(); } catch (e) { console.log(e.name + ': ' + e.message); }
  console.log(await rd2.read(), u.bodyUsed);
  console.log(u);
  const typed = new Response(new Uint8Array([1, 2, 3]));
  for await (const chunk of typed.body) console.log('chunk', chunk);
  console.log(typed.bodyUsed);
  const chunks = new Response(new Blob(['a', 'b']));
  const rr = chunks.body.getReader();
  console.log(await rr.read(), await rr.read());
})();
