// JSON.rawJSON / JSON.isRawJSON and JSON.parse source text access (ES2025 proposal, in V8 13):
// raw text emitted as it is by JSON.stringify, and the reviver's context.source for the
// primitives it still finds where the text put them.
for (const s of ['1 ', '\t1', '[1]', '"x"', 'tru', '1,2', '-', '"a', 'null', '1e400', '  ', '\n', '', '12345678901234567890']) {
  try { const r = JSON.rawJSON(s); console.log(JSON.stringify(s), 'ok', r.rawJSON); } catch (e) { console.log(JSON.stringify(s), e.name, e.message); }
}
const r = JSON.rawJSON('12345678901234567890');
console.log(r, typeof r, Object.isFrozen(r), Object.getPrototypeOf(r), JSON.isRawJSON(r), Reflect.ownKeys(r), Object.getOwnPropertyDescriptor(r, 'rawJSON'));
console.log(JSON.rawJSON({ toString() { return '5'; } }).rawJSON, JSON.isRawJSON({ rawJSON: '1' }), JSON.isRawJSON(1), JSON.isRawJSON());
console.log(JSON.stringify({ a: JSON.rawJSON('1'), big: JSON.rawJSON(String(2n ** 64n)) }, null, 2), JSON.stringify(JSON.rawJSON('"s"')), JSON.stringify([1], (k, v) => (k === '0' ? JSON.rawJSON('99') : v)));
console.log(Object.getOwnPropertyNames(JSON), JSON.rawJSON.length, JSON.isRawJSON.length, structuredClone({ n: 1 }));
JSON.parse('[1, {"a": [true]}, "s", 1.50, -0, 1e3]', function (k, v, c) { console.log(JSON.stringify(k), JSON.stringify(v), c); return v; });
JSON.parse('{"a":1,"a":2}', (k, v, c) => { console.log(k, v, c); return v; });
JSON.parse('[1,2]', function (k, v, c) { if (k === '0') this[1] = 5; console.log(k, v, c); return v; });
JSON.parse('{"x": {"y": 1}}', function (k, v, c) { if (k === 'x') { v.y = 2; } console.log(k, v, c); return v; });
const data = JSON.parse('{"id": 12345678901234567890, "name": "big"}', (k, v, { source }) => (k === 'id' ? BigInt(source) : v));
console.log(data);
