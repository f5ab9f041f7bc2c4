// FormData: entries, Blob values as File 'blob', iteration, errors, inspect; multipart and urlencoded bodies
const fd = new FormData();
fd.append('a', '1');
fd.append('a', 2);
fd.append('b', new Blob(['xyz'], { type: 'text/plain' }));
fd.append('c', new Blob(['q']), 'named.txt');
fd.append('d', new File(['f'], 'orig.bin', { type: 'application/x-thing', lastModified: 42 }));
const f = (v) => typeof v === 'string' ? v : `${v.constructor.name}(${v.name}, ${v.size}, ${JSON.stringify(v.type)})`;
console.log([...fd].map(([k, v]) => `${k}=${f(v)}`));
console.log(fd.get('a'), fd.getAll('a'), fd.get('zz'), fd.has('b'), fd.has('zz'));
console.log(f(fd.get('b')), fd.get('b') instanceof File, fd.get('b').name);
console.log(fd.get('c').name, fd.get('d').name, fd.get('d').lastModified, fd.get('d') === fd.get('d'));
fd.set('a', 'only');
fd.delete('c');
console.log([...fd.keys()], [...fd.values()].map(String), [...fd].length);
for (const [k, v] of fd.entries()) console.log(k, typeof v);
fd.forEach((v, k, o) => console.log('fe', k, o === fd));
console.log(Object.getOwnPropertyNames(FormData.prototype), Object.prototype.toString.call(fd));
console.log(new FormData());
const tries = [
  () => fd.append('x'),
  () => fd.append('x', 'y', 'z'),
  () => fd.append('x', {}, 'z'),
  () => new FormData(5),
  () => new FormData({}),
  () => FormData(),
  () => fd.get(),
  () => FormData.prototype.get.call({}, 'a'),
];
for (const t of tries) {
  try { console.log(t()); } catch (e) { console.log(e.name + ': ' + e.message); }
}
console.log(fd.values());
const n = new FormData(); n.append('k', 'v'); n.append('k', 'w'); n.append('other', 'x');
console.log(n);

const files = new FormData();
files.append('doc', new File(['hello'], 'a.txt', { type: 'text/plain', lastModified: 7 }));
files.append('empty', '');
files.append('empty', 'second');
console.log(files);
// A multipart body and back
(async () => {
  const body = new FormData();
  body.append('field', 'value\nline');
  body.append('upload', new File(['file body'], 'up.txt', { type: 'text/plain', lastModified: 1 }));
  const r = new Response(body);
  const ct = r.headers.get('content-type');
  console.log(ct.replace(/\d+$/, 'N'), /^multipart\/form-data; boundary=----formdata-undici-0\d{11}$/.test(ct));
  const parsed = await r.clone().formData();
  console.log(parsed.get('field'), parsed.get('upload').name, parsed.get('upload').type, await parsed.get('upload').text());
  const raw = await r.text();
  console.log(raw.replace(/----formdata-undici-0\d{11}/g, 'BOUNDARY'));
  const req = new Request('http://x.test/form', { method: 'POST', body: new URLSearchParams('a=1&a=2&b=x+y') });
  console.log(await req.formData());
})();
