// WHATWG streams: promise-job orderings from the spec's algorithms (the WPT cases on
// writer.ready/closed resolution order, tee cancellation composites, pipeTo shutdown),
// traced against a counter of plain microtasks so any extra or missing promise tick shows.
'use strict';
const trace = [];
let tick = 0;
function ticker(n) {
  // A chain of n plain microtasks, each recording its number.
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => { trace.push(`t${++tick}`); });
  return p;
}
const mark = (s) => trace.push(s);
async function run(name, fn) {
  trace.length = 0;
  tick = 0;
  await fn();
  await ticker(20);
  console.log(`${name}:`, trace.join(' '));
}

(async () => {
  await run('read pending then enqueue', async () => {
    let c;
    const r = new ReadableStream({ start(cc) { c = cc; } }).getReader();
    r.read().then(() => mark('read'));
    ticker(6);
    c.enqueue(1);
    mark('enqueued');
  });

  await run('read from queue', async () => {
    const r = new ReadableStream({ start(c) { c.enqueue(1); } }).getReader();
    ticker(6);
    r.read().then(() => mark('read'));
  });

  await run('start then pull', async () => {
    new ReadableStream({
      start() { mark('start'); },
      pull() { mark('pull'); },
    });
    ticker(6);
  });

  await run('start promise then pull', async () => {
    new ReadableStream({
      start() { mark('start'); return Promise.resolve(); },
      pull() { mark('pull'); return new Promise(() => {}); },
    });
    ticker(6);
  });

  await run('pull returns thenable', async () => {
    let n = 0;
    const r = new ReadableStream({
      pull(c) { mark(`pull${++n}`); c.enqueue(n); return { then(f) { mark('then'); f(); } }; },
    }, { highWaterMark: 0 }).getReader();
    ticker(10);
    r.read().then(() => mark('read1'));
    r.read().then(() => mark('read2'));
  });

  await run('close with pending reads', async () => {
    let c;
    const rs = new ReadableStream({ start(cc) { c = cc; } });
    const r = rs.getReader();
    r.read().then(() => mark('read1'));
    r.read().then(() => mark('read2'));
    r.closed.then(() => mark('closed'));
    ticker(4);
    c.close();
  });

  await run('error with pending reads', async () => {
    let c;
    const r = new ReadableStream({ start(cc) { c = cc; } }).getReader();
    r.read().catch(() => mark('read1 rejected'));
    r.closed.catch(() => mark('closed rejected'));
    ticker(4);
    c.error(new Error('e'));
  });

  await run('writer ready/closed on close', async () => {
    const w = new WritableStream({ write() { mark('sink write'); }, close() { mark('sink close'); } }).getWriter();
    w.ready.then(() => mark('ready'));
    w.write('a').then(() => mark('write a'));
    w.close().then(() => mark('close'));
    w.closed.then(() => mark('closed'));
    ticker(10);
  });

  await run('writer ready flips with backpressure', async () => {
    let resolveWrite;
    const w = new WritableStream({
      write() { mark('sink write'); return new Promise((r) => { resolveWrite = r; }); },
    }).getWriter();
    await null;
    const first = w.ready;
    w.write('a').then(() => mark('write a'));
    mark(`same ready: ${first === w.ready}`);
    w.ready.then(() => mark('ready again'));
    await ticker(3);
    resolveWrite();
    ticker(6);
  });

  await run('abort while writing', async () => {
    let resolveWrite;
    const w = new WritableStream({
      write() { mark('sink write'); return new Promise((r) => { resolveWrite = r; }); },
      abort() { mark('sink abort'); },
    }).getWriter();
    w.write('a').then(() => mark('write a ok'), () => mark('write a rejected'));
    w.write('b').then(() => mark('write b ok'), () => mark('write b rejected'));
    await ticker(3);
    w.abort('r').then(() => mark('abort ok'));
    w.ready.catch(() => mark('ready rejected'));
    w.closed.catch(() => mark('closed rejected'));
    ticker(4);
    resolveWrite();
  });

  await run('close then abort', async () => {
    const w = new WritableStream({ close() { mark('sink close'); return new Promise((r) => setTimeout(r, 1)); } }).getWriter();
    w.close().then(() => mark('close ok'), () => mark('close rejected'));
    w.abort('x').then(() => mark('abort ok'), () => mark('abort rejected'));
    w.closed.then(() => mark('closed ok'), () => mark('closed rejected'));
    await new Promise((r) => setTimeout(r, 5));
  });

  await run('sink start rejects', async () => {
    const w = new WritableStream({ start() { return Promise.reject(new Error('s')); } }).getWriter();
    w.write('a').catch(() => mark('write rejected'));
    w.ready.catch(() => mark('ready rejected'));
    w.closed.catch(() => mark('closed rejected'));
    ticker(6);
  });

  await run('tee cancel composite', async () => {
    const rs = new ReadableStream({ cancel(r) { mark(`source cancel ${JSON.stringify(r)}`); } });
    const [a, b] = rs.tee();
    a.cancel('A').then(() => mark('a canceled'));
    ticker(3);
    await null;
    b.cancel('B').then(() => mark('b canceled'));
  });

  await run('tee read interleave', async () => {
    const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
    const [a, b] = rs.tee();
    const ra = a.getReader();
    const rb = b.getReader();
    ra.read().then((r) => mark(`a${r.value}`));
    rb.read().then((r) => mark(`b${r.value}`));
    ra.read().then((r) => mark(`a${r.value}`));
    ra.read().then((r) => mark(`a:${r.done}`));
    rb.closed.then(() => mark('b closed'));
    ticker(12);
  });

  await run('tee source error', async () => {
    let c;
    const [a, b] = new ReadableStream({ start(cc) { c = cc; } }).tee();
    a.getReader().closed.catch(() => mark('a errored'));
    b.getReader().closed.catch(() => mark('b errored'));
    ticker(4);
    c.error(new Error('x'));
  });

  await run('pipeTo chunks', async () => {
    const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
    const ws = new WritableStream({
      write(ch) { mark(`w${ch}`); },
      close() { mark('sink close'); },
    });
    rs.pipeTo(ws).then(() => mark('piped'));
    ticker(20);
  });

  await run('pipeTo dest errors', async () => {
    const rs = new ReadableStream({ pull(c) { c.enqueue('x'); }, cancel() { mark('source cancel'); } });
    const ws = new WritableStream({ write() { mark('sink write'); throw new Error('w'); } });
    rs.pipeTo(ws).catch((e) => mark(`pipe rejected ${e.message}`));
    ticker(20);
  });

  await run('pipeTo preventCancel', async () => {
    const rs = new ReadableStream({ cancel() { mark('source cancel'); } });
    const ws = new WritableStream({ start(c) { c.error(new Error('dead')); } });
    rs.pipeTo(ws, { preventCancel: true }).catch((e) => mark(`pipe rejected ${e.message}`));
    ticker(8);
    await null;
    mark(`source locked ${rs.locked}`);
  });

  await run('pipeTo abort signal', async () => {
    const ac = new AbortController();
    const rs = new ReadableStream({ cancel(r) { mark(`cancel ${r.name}`); } });
    const ws = new WritableStream({ abort(r) { mark(`abort ${r.name}`); } });
    rs.pipeTo(ws, { signal: ac.signal }).catch((e) => mark(`pipe ${e.name}`));
    await ticker(3);
    ac.abort();
    ticker(10);
  });

  await run('transform flow', async () => {
    const ts = new TransformStream({
      transform(ch, c) { mark(`transform ${ch}`); c.enqueue(ch * 10); },
      flush() { mark('flush'); },
    });
    const w = ts.writable.getWriter();
    const r = ts.readable.getReader();
    w.write(1).then(() => mark('write 1'));
    w.write(2).then(() => mark('write 2'));
    w.close().then(() => mark('closed'));
    r.read().then((x) => mark(`read ${x.value}`));
    r.read().then((x) => mark(`read ${x.value}`));
    r.read().then((x) => mark(`done ${x.done}`));
    ticker(16);
  });

  await run('async iterator next/return queue', async () => {
    const it = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); } }).values();
    it.next().then(() => mark('n1'));
    it.return('x').then(() => mark('ret'));
    it.next().then(() => mark('n2'));
    ticker(10);
  });

  await run('from async generator', async () => {
    const rs = ReadableStream.from((async function* () { mark('gen'); yield 1; yield 2; })());
    const r = rs.getReader();
    r.read().then(() => mark('r1'));
    r.read().then(() => mark('r2'));
    r.read().then(() => mark('r3'));
    ticker(16);
  });
})();
