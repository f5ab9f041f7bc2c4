//! `Map` built-ins, run end to end through the Node host (their checks print with `console.log`).

use jsgen_node::run::run_captured;

fn out(code: &str) -> String {
    run_captured(code).0
}

#[test]
fn map_basics_and_live_iteration() {
    let o = out(r#"
        const m = new Map([[1, 'a'], ['1', 'b'], [NaN, 'n'], [-0, 'z']]);
        console.log(m.size, m.get(1), m.get('1'), m.get(NaN), m.get(0), m.has(2));
        const m2 = new Map([[1, 1], [2, 2], [3, 3]]); const r = [];
        for (const [k] of m2) { r.push(k); if (k === 1) { m2.delete(2); m2.set(4, 4) } }
        console.log(r.join());
        const m3 = new Map(); for (let i = 0; i < 100; i++) m3.set(i, i);
        const it = m3.keys(); it.next(); it.next();
        for (let i = 0; i < 90; i++) m3.delete(i);
        m3.set('x', 1);
        console.log([...it].join());
        try { Map() } catch (e) { console.log(e.message) }
        try { new Map([1]) } catch (e) { console.log(e.message) }
    "#);
    assert_eq!(
        o,
        "4 a b n z false\n1,3,4\n90,91,92,93,94,95,96,97,98,99,x\nConstructor Map requires 'new'\nIterator value 1 is not an entry object\n"
    );
}

#[test]
fn set_weak_and_subclass() {
    let o = out(r#"
        const s = new Set([1, 2, 2, 3]); s.delete(2); s.add(2);
        console.log(s.size, [...s].join(), [...s.entries()].join('|'));
        const ws = new WeakSet(); const k = {}; ws.add(k);
        console.log(ws.has(k), ws.has({}), ws.delete(k), ws.has(k));
        try { new WeakMap().set(1, 1) } catch (e) { console.log(e.message) }
        try { new WeakSet([1]) } catch (e) { console.log(e.message) }
        class Registry extends Map { register(k, v) { return this.set(k, v) } }
        const reg = new Registry([[1, 2]]); reg.register('a', 'b');
        console.log(reg instanceof Registry, reg.size, reg.get('a'));
    "#);
    assert_eq!(
        o,
        "3 1,3,2 1,1|3,3|2,2\ntrue false true false\nInvalid value used as weak map key\nInvalid value used in weak set\ntrue 2 b\n"
    );
}
