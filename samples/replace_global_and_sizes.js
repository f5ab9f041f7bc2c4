// String.prototype.replace/replaceAll with a global RegExp or a string: substitutions,
// empty matches, lastIndex afterwards, and results past V8's string length limit.
const t = (f) => {
  try {
    const r = f();
    return typeof r === 'string' ? 'string ' + r.length : 'array ' + r.length;
  } catch (e) {
    return e.name + ': ' + e.message;
  }
};
const re = /a/g;
re.lastIndex = 5;
console.log('aaa'.replace(re, 'b'), re.lastIndex);
console.log('a1b22c333'.replace(/(\d)(\d)?/g, "[$2$1$&$`$'$$$<n>]"));
console.log('a1b22c333'.replace(/(?<n>\d)/g, '[$<n>|$<m>|$1]'));
console.log(
  'abc'.replace(/(?:)/g, '-'),
  'a\u{1F600}b'.replace(/(?:)/gu, '-').length,
  'a\u{1F600}b'.replace(/(?:)/g, '-').length,
);
console.log('aaaa'.replace(/a*?/g, 'X'), 'aaaa'.replace(/a*/g, 'X'), 'xAy'.replace(/a/gi, '$&$&'));
console.log(
  'x'.repeat(10).replaceAll('x', '$&$`|'),
  'abcabc'.replaceAll('b', "$'"),
  'aXbX'.replaceAll('X', '$$'),
);
console.log('abc'.replaceAll('', '_'), 'abc'.replaceAll('', '$&.'), 'a.b.c'.replaceAll('.', '$&$&'));
console.log('x-y-z'.replaceAll(/-/g, '+'), 'x-y-z'.split(/-/), 'xyz'.split(''));
// A sticky or subclassed RegExp takes the spec's path.
console.log('aab'.replace(/a/gy, 'c'));
class R extends RegExp {
  exec(s) {
    const m = super.exec(s);
    if (m) m[0] = m[0].toUpperCase();
    return m;
  }
}
console.log('abab'.replace(new R('a', 'g'), '<$&>'));
// Past the limit: RangeError (the result is not built first).
console.log(t(() => 'x'.repeat(2 ** 22).replace(/x/g, 'y'.repeat(200))));
console.log(t(() => 'x'.repeat(2 ** 22).replaceAll('x', 'y'.repeat(200))));
console.log(t(() => 'x'.repeat(2 ** 20).replace('x', 'y'.repeat(2 ** 29))));
console.log(t(() => encodeURIComponent('\u00e9'.repeat(2 ** 27))));
console.log(t(() => new Uint8Array(2 ** 28).join(',')));
const holes = [];
holes.length = 2 ** 32 - 1;
console.log(t(() => JSON.stringify(holes)));
console.log(t(() => JSON.stringify({ a: holes })));
