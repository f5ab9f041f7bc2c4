// Resumed generators and async functions keep their call's receiver in stack frames, as V8:
// `at Repo.load`, `at Object.g`, `at async A.outer`.
// (This file's path is replaced by `<file>`.)
const show = (s) => console.log(String(s).split(__filename).join('<file>'));
{
class Repo { async load(id) { await null; return this.parse(id); } parse(id) { return new Error('bad ' + id).stack; } async direct() { await null; return new Error('d').stack; } }
const r = new Repo();
r.load(1).then(s => show(s));
r.direct().then(s => show(s));
const o = { async m() { await null; throw new Error('in m'); } };
o.m().catch(e => show(e.stack));
const f = async () => { await null; return new Error('arrow').stack; };
f.call({}).then(show);
function* g() { yield new Error('gen1').stack; yield new Error('gen2').stack; }
}
{
class A { async outer() { await null; await this.inner(); } async inner() { await null; throw new Error('deep'); } }
new A().outer().catch(e => show(e.stack));
const o = { async *ag() { await null; yield new Error('ag').stack; } };
o.ag().next().then(r => show(r.value));
class B { *g() { yield 1; throw new Error('gen throw'); } }
const it = new B().g(); it.next(); try { it.next(); } catch (e) { show(e.stack.split('\n').slice(0, 3).join('\n')); }
}
function* g() { yield new Error('gen1').stack; yield new Error('gen2').stack; }
const it2 = { g }.g(); show(it2.next().value.split('\n').slice(0, 2).join('\n')); show(it2.next().value.split('\n').slice(0, 2).join('\n'));
