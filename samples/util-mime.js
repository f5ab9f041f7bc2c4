// util.MIMEType and util.MIMEParams (the WHATWG MIME type parser): parsing, serialisation,
// essence, parameters, the errors, what console.log shows.
const util = require('util');
const { MIMEType, MIMEParams } = util;

const m = new MIMEType('Text/HTML; Charset="utf-8"; a=b');
console.log(m.type, m.subtype, m.essence, String(m), `${m.params}`);
console.log(m, m.params, MIMEType, MIMEParams);
console.log(JSON.stringify({ m, p: m.params }));
console.log([...m.params], [...m.params.keys()], [...m.params.values()]);
console.log(m.params.get('CHARSET'), m.params.get('missing'), m.params.has('a'), m.params.has('b'));

// Setters, parameters added, changed and removed.
m.type = 'Application';
m.subtype = 'JSON';
m.params.set('Charset', 'ascii');
m.params.set('q', 'needs "quotes" and \\ slash');
m.params.set('empty', '');
m.params.delete('a');
console.log(m.toString(), m.essence);
for (const [k, v] of m.params) console.log(k, '=', JSON.stringify(v));

// Whitespace, duplicates (the first wins), parameters without values, quoted-string escapes.
const inputs = [
  '  text/plain  ',
  'text/plain;charset=utf-8;charset=latin1',
  'text/plain; ; novalue; =x; k=v',
  'text/plain;a="x\\"y";b="unterminated',
  'text/plain;a="ends in backslash\\',
  'text/plain;a=" spaced ";b=  c  ',
  'image/svg+xml',
  'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW',
  'text/plain;ÿ=1;key=ÿ',
  'TEXT/PLAIN;KEY=VALUE',
];
for (const s of inputs) {
  const t = new MIMEType(s);
  console.log(JSON.stringify(s), '->', JSON.stringify(t.toString()), [...t.params].length);
}

// Invalid input: ERR_INVALID_MIME_SYNTAX (TypeError), with the position when there is one.
const bad = ['', 'text', 'text/', '/html', 'te xt/html', 'text/ht ml', 'text/html\u0100', '(x)/y'];
for (const s of bad) {
  try {
    new MIMEType(s);
    console.log('parsed', s);
  } catch (e) {
    console.log(e.name, e.code, e instanceof TypeError, e.message);
  }
}
for (const [what, fn] of [
  ['type setter', () => { m.type = ''; }],
  ['subtype setter', () => { m.subtype = 'a/b'; }],
  ['param name', () => m.params.set('a b', 'c')],
  ['param empty name', () => m.params.set('', 'c')],
  ['param value', () => m.params.set('ok', 'line\nbreak')],
  ['param value wide', () => m.params.set('ok', '\u0100')],
]) {
  try {
    fn();
    console.log(what, 'ok');
  } catch (e) {
    console.log(what, e.code, e.message);
  }
}
console.log(m.toString());

// MIMEParams on its own; MIMEType.parse returns null for invalid input.
const p = new MIMEParams();
p.set('b', '2');
p.set('A', '1');
console.log(p.toString(), p.get('a'), [...p.entries()], p.toJSON());
console.log(MIMEType.parse('x'), String(MIMEType.parse('A/B;C=D')));
try {
  new MIMEType('text/plain', 'not the internal symbol');
} catch (e) {
  console.log(e.code, e.message);
}
console.log(Object.getOwnPropertyNames(MIMEType.prototype), Object.getOwnPropertyNames(MIMEParams.prototype));
console.log(MIMEParams.prototype[Symbol.iterator] === MIMEParams.prototype.entries, typeof MIMEParams.instantiateMimeParams);
console.log(new MIMEType({ toString: () => 'a/b' }).essence, require('util').MIMEType === MIMEType);
const d = Object.getOwnPropertyDescriptor(util, 'MIMEParams');
console.log(typeof d.value, d.writable, d.enumerable, d.configurable);
