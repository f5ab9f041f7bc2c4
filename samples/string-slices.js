const base = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(3);
const a = base.substring(5, 60), b = a.slice(3, 40), c = b.substring(2), d = (base + base).slice(10, 90);
console.log(a, b, c, d, a.length, b.length, c.length, d.length);
console.log(b === 'ijklmnopqrstuvwxyz0123456789abcdefghi', b + '!', [...c].length, c.charCodeAt(5), c.indexOf('z'));
const o = {}; o[b] = 1; console.log(o['ijklmnopqrstuvwxyz0123456789abcdefghi'], JSON.stringify(d.slice(0, 20)));
const s = '\u{1F600}'.repeat(20); console.log(s.slice(1, 30).length, s.slice(1, 30).codePointAt(0), encodeURIComponent(s.slice(2, 20)));
let rest = base; let parts = []; while (rest.length) { parts.push(rest.slice(0, 7)); rest = rest.substring(7); } console.log(parts.join('|'));
console.log(base.split('9').map(x => x.length).join(), 'x'.padEnd(40, 'ab').slice(3).toUpperCase());
