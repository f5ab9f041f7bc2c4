// V8's wording of 'is not iterable' / 'is not a function' TypeErrors, by where they happen.
const t = (f) => { try { f() } catch (e) { console.log(e.message) } };
t(() => Array.from(null)); t(() => new Map(true)); t(() => new Set(Symbol())); t(() => new Set({a:1})); t(() => new Set(5n)); t(() => new Set(() => 1)); t(() => new Map([1]));
t(() => [...{a:1}]); t(() => [...{}]); t(() => { for (const x of {a: 1}); }); t(() => [...this]); t(() => { const o = {p: {q: 1}}; [...o.p.q]; }); t(() => { const o = {p: 1}; [...o["p"]]; }); t(() => { const a = [1]; [...a[0]]; });
t(() => { let f = () => 1; [...f()]; }); t(() => { let f = () => 1; for (const x of f()); }); t(() => { const [a] = {}; }); t(() => { let a; [a] = 5; });
t(() => { const o = {}; Math.max(...o) }); t(() => { const o = {}; new Set(...o) }); t(() => [...null]); t(() => { let n = null; for (const x of n); }); t(() => [...true]);
t(() => { const {a} = undefined }); t(() => { const o = {}; const [x] = o.missing; });
t(() => { const o = {}; Math.max(...null)}); t(() => { const o = {}; Math.max(...5)}); t(() => { const o = {}; Math.max(...o.x)}); t(()=>{ let a; const o = {}; [a] = o; }); t(() => { const [[a]] = [1]; }); t(() => { function f([a]) {} f(1); }); t(() => { const [a] = null; });t(() => { const [a] = 5; }); t(() => { let u; const [a] = u; });
t(() => null()); t(() => true()); t(() => ({})());
const obj = { a: 1 }; try { for (const x of obj) {} } catch (e) { console.log(e.message); }
try { [...obj]; } catch (e) { console.log(e.message); }
try { const [a] = obj; } catch (e) { console.log(e.message); }
try { new Set(obj); } catch (e) { console.log(e.message); }
try { Array.from(obj.a.b); } catch (e) { console.log(e.message); }
try { for (const x of obj.a) {} } catch (e) { console.log(e.message); }
try { Promise.all(obj).catch(e => console.log('all:', e.message)); } catch (e) { console.log(e.message); }
try { const m = new Map(); for (const [k, v] of m.get('x')) {} } catch (e) { console.log(e.message); }
try { function* g() { yield* obj; } [...g()]; } catch (e) { console.log(e.message); }
async function f() { try { for await (const x of obj) {} } catch (e) { console.log('fa:', e.message); } } f();
try { Math.max(...obj); } catch (e) { console.log(e.message); }
try { for (const x of {}) {} } catch (e) { console.log(e.message); }
try { for (const x of 42) {} } catch (e) { console.log(e.message); }
