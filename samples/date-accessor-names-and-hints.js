// Date getters and setters name themselves only in their errors; [Symbol.toPrimitive]
// compares its hint with "string", "default" and "number" exactly.
const d = new Date(Date.UTC(2024, 1, 29, 13, 14, 15, 167));
const getters = ['getDate', 'getDay', 'getFullYear', 'getHours', 'getMilliseconds', 'getMinutes', 'getMonth', 'getSeconds'];
for (const g of getters) {
  const u = g.replace('get', 'getUTC');
  console.log(g, Date.prototype[g].name, Date.prototype[g].length, d[u](), typeof d[g]());
}
const setters = ['setDate', 'setFullYear', 'setHours', 'setMilliseconds', 'setMinutes', 'setMonth', 'setSeconds'];
for (const s of setters) {
  const u = s.replace('set', 'setUTC');
  const x = new Date(d.getTime());
  console.log(s, Date.prototype[s].name, Date.prototype[s].length, x[u](3), x.toISOString());
  for (const name of [s, u]) {
    for (const recv of [{}, 1, 'str', null, undefined, [], function f() {}, Object.create(Date.prototype)]) {
      try { Date.prototype[name].call(recv, 1); console.log('no error'); }
      catch (e) { console.log(name, e.constructor.name, e.message); }
    }
  }
  // A borrowed setter keeps its own name in the message.
  const o = { m: Date.prototype[s] };
  try { o.m(1); } catch (e) { console.log(e.message); }
}
for (const g of getters) {
  try { Date.prototype[g].call({}); } catch (e) { console.log(g, e.constructor.name, e.message); }
}
console.log(new Date(NaN).getHours(), new Date(NaN).setHours(1), new Date(NaN).setUTCFullYear(2020));
// Setters convert their arguments before checking the time value.
const nan = new Date(NaN);
let calls = 0;
console.log(nan.setMinutes({ valueOf() { calls++; return 5; } }), calls);
// toPrimitive hints.
const tp = Date.prototype[Symbol.toPrimitive];
console.log(tp.call(d, 'number'), tp.call(d, 'string') === d.toString(), tp.call(d, 'default') === d.toString());
for (const hint of ['Number', 'STRING', 'defaul', 'defaults', 'number ', '', 'numbe\u0000', undefined, 1, null, {}, Symbol('s'), new String('string')]) {
  try { console.log(tp.call(d, hint)); } catch (e) { console.log(typeof hint, e.constructor.name, e.message); }
}
for (const recv of [1, 'x', null, undefined, true]) {
  try { tp.call(recv, 'number'); } catch (e) { console.log(e.constructor.name, e.message); }
}
// On a non-Date object it runs OrdinaryToPrimitive.
const log = [];
const obj = { valueOf() { log.push('valueOf'); return 42; }, toString() { log.push('toString'); return 'str'; } };
console.log(tp.call(obj, 'number'), tp.call(obj, 'string'), tp.call(obj, 'default'), log.join());
console.log(d + 1 === d.toString() + '1', d - 1, `${d}` === d.toString(), +d, d == d.toString(), d < new Date(d.getTime() + 1));
console.log(JSON.stringify({ d }), [d].join() === d.toString());
// Fields of times before 1970, at the limits, and around day boundaries (UTC and local).
for (const t of [-1, -999, -1000, -86400000, -86400001, -62198755200000, 8.64e15, -8.64e15, 86399999, 86400000, 951782400000, -2208988800001]) {
  const x = new Date(t);
  console.log(t, x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate(), x.getUTCDay(), x.getUTCHours(), x.getUTCMinutes(), x.getUTCSeconds(), x.getUTCMilliseconds(),
    x.getFullYear(), x.getMonth(), x.getDate(), x.getDay(), x.getHours(), x.getMinutes(), x.getSeconds(), x.getMilliseconds(), x.toISOString());
}
const y = new Date(-1); y.setUTCSeconds(30); console.log(y.getTime(), y.toISOString());
const z = new Date(-86400001); z.setMilliseconds(5); z.setHours(23); console.log(z.getTime());
process.env.TZ = 'America/St_Johns';
for (const t of [-1, -86400001, 0, 12600000, -62198755200000, 8.64e15]) {
  const x = new Date(t);
  console.log(t, x.getFullYear(), x.getMonth(), x.getDate(), x.getDay(), x.getHours(), x.getMinutes(), x.getSeconds(), x.getMilliseconds(), x.getTimezoneOffset());
}
