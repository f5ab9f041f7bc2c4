// Request: init conversion, method normalisation, errors, signal, clone, body methods, inspect
const r = new Request('https://example.com/a?b=1#h', { method: 'post', headers: { 'X-A': '1' }, body: 'data' });
console.log(r);
console.log(r.method, r.url, r.bodyUsed, r.headers, r.destination, r.referrer, r.referrerPolicy, r.mode, r.credentials, r.cache, r.redirect, r.integrity, r.keepalive, r.isReloadNavigation, r.isHistoryNavigation, r.signal, r.duplex);
console.log(Object.getOwnPropertyNames(Request.prototype));
console.log(new Request('http://x.test'));
for (const m of ['get', 'delete', 'patch', 'PaTcH', 'options', 'head', 'put', 'custom', 'Custom']) console.log(m, new Request('http://x.test', { method: m }).method);
const tries = [
  () => new Request('/relative'),
  () => new Request('http://x.test', { method: 'GET', body: 'x' }),
  () => new Request('http://x.test', { method: 'HEAD', body: 'x' }),
  () => new Request('http://x.test', { method: 'bad method' }),
  () => new Request('http://x.test', { method: 'CONNECT' }),
  () => new Request('http://user:pw@x.test'),
  () => new Request(),
  () => Request('x'),
  () => new Request('http://x.test', { mode: 'navigate' }),
  () => new Request('http://x.test', { mode: 'bogus' }),
  () => new Request('http://x.test', { signal: 5 }),
  () => new Request('http://x.test', { method: 'POST', body: new ReadableStream() }),
];
for (const t of tries) {
  try { console.log(t()); } catch (e) { console.log(e.name + ': ' + e.message, e.cause ? String(e.cause) : ''); }
}
const ac = new AbortController();
const r2 = new Request('http://x.test/p', { method: 'PUT', body: new URLSearchParams('a=1&b=2'), signal: ac.signal });
console.log(r2.headers.get('content-type'), r2.signal.aborted, r2.signal === ac.signal);
ac.abort();
console.log(r2.signal.aborted);
const r3 = r2.clone();
console.log(r3.method, r3.url, r3.headers.get('content-type'));
r2.text().then((t) => console.log('r2 text', t, r2.bodyUsed));
r3.formData().then((fd) => console.log('r3 formData', fd));
const r4 = new Request(r, { method: 'PUT' });
console.log(r4.method, r4.url, r.bodyUsed);
console.log(new Request(new URL('http://x.test/u')).url);
