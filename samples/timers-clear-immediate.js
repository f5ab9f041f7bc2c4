// clearTimeout/clearInterval leave Immediates alone; clearImmediate marks and unlinks them.
const i = setImmediate(() => console.log('imm ran'));
clearTimeout(i);
const j = setImmediate(() => console.log('imm2 ran'));
clearInterval(j);
const k = setImmediate(() => console.log('imm3 ran'));
clearImmediate(k);
clearImmediate(k);
console.log(k._destroyed, k._onImmediate);
for (const v of [0, '', null, undefined, false]) clearImmediate(v);
try { clearImmediate(5) } catch (e) { console.log(e.message) }
try { clearImmediate('x') } catch (e) { console.log(e.message) }
const t = setTimeout(() => console.log('timeout ran'), 50);
const n = setImmediate(() => {}); console.log(n.hasRef(), n.unref().hasRef(), n.ref().hasRef());
