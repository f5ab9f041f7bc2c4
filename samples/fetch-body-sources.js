// Bodies from async iterables and Requests, BOM, blob(), cookie joining, non-Uint8Array chunks
(async () => {
  async function* gen() { yield new TextEncoder().encode('g1'); yield new TextEncoder().encode('g2'); }
  console.log(await new Response(gen()).text());
  const r = new Request('http://x.test', { method: 'POST', body: 'abc' });
  const r2 = new Request(r);
  console.log(r.bodyUsed, await r2.text());
  try { new Request(r); } catch (e) { console.log(e.message); }
  console.log(await new Response('\ufeffbom').text());
  const b = await new Response(new Uint8Array([1,2])).blob();
  console.log(b);
  console.log(Response.error().clone().type);
  const ac = new AbortController(); ac.abort('why');
  const q = new Request('http://x.test', { signal: ac.signal });
  console.log(q.signal.aborted, q.signal.reason);
  const h = new Headers({ cookie: 'a=1' }); h.append('Cookie', 'b=2'); console.log(h.get('cookie'));
  try { await new Response(new ReadableStream({ start(c) { c.enqueue('str'); c.close(); } })).text(); } catch (e) { console.log(e.name, e.message); }
})();
