//! `Array` built-ins, run end to end through the Node host (their checks print with `console.log`).

use jsgen_node::run::run_captured;

fn out(code: &str) -> String {
    run_captured(code).0
}

#[test]
fn constructor_and_statics() {
    let o = out(r#"
        console.log(Array(3).length, Array(1, 2).join(), Array('3').join(), new Array(2, 3).length);
        try { Array(-1) } catch (e) { console.log(e.message) }
        try { new Array(1.5) } catch (e) { console.log(e.message) }
        console.log(Array.of(1, 2, 3).join(), Array.of(7).length, Array.isArray([]), Array.isArray({}));
        console.log(Array.from('abc').join(), Array.from({ length: 3 }, (_, i) => i * 2).join());
        console.log(Array.from((function* () { yield 1; yield 2 })()).join());
        class A extends Array { sum() { return this.reduce((a, b) => a + b, 0) } }
        const a = A.from([1, 2, 3]);
        console.log(a instanceof A, a.sum(), a.map(x => x * 2) instanceof A, A.of(4, 5).sum());
    "#);
    assert_eq!(
        o,
        "3 1,2 3 2\nInvalid array length\nInvalid array length\n1,2,3 1 true false\na,b,c 0,2,4\n1,2\ntrue 6 true 9\n"
    );
}

#[test]
fn mutators() {
    let o = out(r#"
        const a = [1, 2, 3, 4, 5];
        console.log(a.splice(1, 2, 'a', 'b', 'c').join(), a.join());
        console.log([1, 2, 3, 4, 5].copyWithin(1, 0, 3).join(), [1, 2, 3, 4].fill(9, 1, -1).join());
        const b = [1, 2, 3];
        console.log(b.pop(), b.push(7, 8), b.shift(), b.unshift(0), b.join(), b.reverse().join());
        console.log([1, , 3].reverse().length, [3, 1, 10, 2].sort().join(), [3, 1, 10, 2].sort((x, y) => x - y).join());
    "#);
    assert_eq!(
        o,
        "2,3 1,a,b,c,4,5\n1,1,2,3,5 1,9,9,4\n3 4 1 4 0,2,7,8 8,7,2,0\n3 1,10,2,3 1,2,3,10\n"
    );
}

#[test]
fn accessors_and_iteration() {
    let o = out(r#"
        console.log([1, [2, [3, [4]]]].flat(Infinity).join(), [1, 2].flatMap(x => [x, x * 2]).join());
        console.log([1, 2, NaN].includes(NaN), [1, 2, NaN].indexOf(NaN), [1, 2, 1].lastIndexOf(1));
        console.log([1, 2, 3].at(-1), [1, 2, 3].findLast(x => x < 3), [1, 2, 3].findLastIndex(x => x > 5));
        console.log([...['a', 'b'].entries()].join('|'), [1, null, undefined, 2].join('-'));
        const c = [1, 2]; c.push(c); console.log(c.join());
        const d = [3, 1, 2]; console.log(d.toSorted().join(), d.toReversed().join(), d.with(0, 9).join(), d.toSpliced(1, 1).join(), d.join());
        try { [].reduce((x, y) => x) } catch (e) { console.log(e.message) }
        try { [1].map(3) } catch (e) { console.log(e.message) }
    "#);
    assert_eq!(
        o,
        "1,2,3,4 1,2,2,4\ntrue -1 2\n3 2 -1\n0,a|1,b 1---2\n1,2,\n1,2,3 2,1,3 9,1,2 3,2 3,1,2\nReduce of empty array with no initial value\nnumber 3 is not a function\n"
    );
}
