//! `Date` built-ins, run end to end through the Node host (their checks print with `console.log`).

use jsgen_node::run::run_captured;

fn out(code: &str) -> String {
    run_captured(code).0
}

/// The local time zone's offset, as the script sees it.
fn local_tza() -> f64 {
    out("console.log(new Date(0).getTimezoneOffset())")
        .trim()
        .parse::<f64>()
        .unwrap_or(f64::NAN)
}
#[test]
fn basics() {
    if local_tza() != 0.0 {
        return;
    }
    assert_eq!(
        out("console.log(new Date(0).toString())"),
        "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)\n"
    );
    assert_eq!(
        out("console.log(new Date(0).toUTCString(), new Date(0).toISOString())"),
        "Thu, 01 Jan 1970 00:00:00 GMT 1970-01-01T00:00:00.000Z\n"
    );
    assert_eq!(
        out("console.log(new Date(0).toLocaleString())"),
        "1/1/1970, 12:00:00 AM\n"
    );
    assert_eq!(
        out("console.log(new Date(2020, 1, 29, 13, 5).getTime(), Date.UTC(2020))"),
        "1582981500000 1577836800000\n"
    );
    assert_eq!(
        out("const d = new Date(0); d.setMonth(13); console.log(d.getFullYear(), d.getMonth())"),
        "1971 1\n"
    );
    assert_eq!(
        out("try { new Date(NaN).toISOString() } catch (e) { console.log(e.name, e.message) }"),
        "RangeError Invalid time value\n"
    );
    assert_eq!(
        out("console.log(String(new Date(NaN)), new Date(0) + 1, +new Date(5))"),
        "Invalid Date Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)1 5\n"
    );
    assert_eq!(
        out("class D extends Date { f() { return this.getTime() } } console.log(new D(7).f(), new D(7) instanceof Date)"),
        "7 true\n"
    );
    assert_eq!(
        out("console.log(Object.prototype.toString.call(new Date(0)), JSON.stringify({d: new Date(0)}))"),
        "[object Date] {\"d\":\"1970-01-01T00:00:00.000Z\"}\n"
    );
    assert_eq!(
        out("console.log(Date.parse(new Date(123000).toString()), Date.parse(new Date(123000).toUTCString()))"),
        "123000 123000\n"
    );
}

#[test]
fn matches_node() {
    if local_tza() != 0.0 {
        return;
    }
    let mut code = String::new();
    for (e, _) in NODE_CASES {
        code.push_str(&format!(
            "try {{ console.log(JSON.stringify({e})); }} catch (e) {{ console.log(\"THROW\", e.name, e.message); }}\n"
        ));
    }
    let got = out(&code);
    let got: Vec<&str> = got.lines().collect();
    assert_eq!(got.len(), NODE_CASES.len());
    for ((e, want), g) in NODE_CASES.iter().zip(got) {
        assert_eq!(g, *want, "{e}");
    }
}

/// (expression, `JSON.stringify` of its value in Node with TZ=UTC): made with Node v20.20.2,
/// all 115 checked unchanged against the reference Node 24.22.3.
const NODE_CASES: &[(&str, &str)] = &[
    (r#"Date.parse("2020-01-01T00:00:00")"#, r#"1577836800000"#),
    (
        r#"Date.parse("2020-01-01T00:00:00.000+0100")"#,
        r#"1577833200000"#,
    ),
    (r#"Date.parse("2020-01-01T00:00:00 Z")"#, r#"null"#),
    (r#"Date.parse(" 2020-01-01")"#, r#"1577836800000"#),
    (r#"Date.parse("2020-01-01 ")"#, r#"1577836800000"#),
    (r#"Date.parse("2020-01-01T00:00:60Z")"#, r#"null"#),
    (r#"Date.parse("2020-00-01")"#, r#"null"#),
    (r#"Date.parse("2020-01-32")"#, r#"null"#),
    (
        r#"Date.parse("-271821-04-20T00:00:00Z")"#,
        r#"-8640000000000000"#,
    ),
    (r#"Date.parse("-271821-04-19T23:59:59.999Z")"#, r#"null"#),
    (r#"Date.parse("+275760-09-13T00:00:00.001Z")"#, r#"null"#),
    (
        r#"Date.parse("Sat, 01 Jan 2000 00:00:00 UTC")"#,
        r#"946684800000"#,
    ),
    (
        r#"Date.parse("Sat Jan 01 2000 01:02:03 GMT+0130")"#,
        r#"946683123000"#,
    ),
    (
        r#"Date.parse("Sat Jan 01 2000 01:02:03 GMT-08:00")"#,
        r#"946717323000"#,
    ),
    (
        r#"Date.parse("Sat Jan 01 2000 01:02:03 UTC+1")"#,
        r#"946684923000"#,
    ),
    (
        r#"Date.parse("2000-01-01 01:02:03.456")"#,
        r#"946688523456"#,
    ),
    (
        r#"Date.parse("2000-01-01 01:02:03.4567Z")"#,
        r#"946688523456"#,
    ),
    (r#"Date.parse("01 Jan 70 00:00:00 GMT")"#, r#"0"#),
    (r#"Date.parse("Jan 1 49")"#, r#"2493072000000"#),
    (r#"Date.parse("Jan 1 50")"#, r#"-631152000000"#),
    (r#"Date.parse("1 January 2000")"#, r#"946684800000"#),
    (r#"Date.parse("2000 January 1")"#, r#"946684800000"#),
    (r#"Date.parse("Jan 2000")"#, r#"946684800000"#),
    (r#"Date.parse("12/31/99")"#, r#"946598400000"#),
    (r#"Date.parse("13/1/2000")"#, r#"null"#),
    (r#"Date.parse("1/32/2000")"#, r#"null"#),
    (r#"Date.parse("2000/13/1")"#, r#"null"#),
    (r#"Date.parse("1/1/2000 13:00 PM")"#, r#"null"#),
    (r#"Date.parse("1/1/2000 12:00 AM")"#, r#"946684800000"#),
    (r#"Date.parse("1/1/2000 12:00 PM")"#, r#"946728000000"#),
    (r#"Date.parse("1/1/2000 0:00 AM")"#, r#"946684800000"#),
    (r#"Date.parse("1/1/2000 24:00")"#, r#"946771200000"#),
    (r#"Date.parse("1/1/2000 24:01")"#, r#"null"#),
    (r#"Date.parse("1/1/2000 10:61")"#, r#"null"#),
    (r#"Date.parse("1/1/2000 10:00:00:00")"#, r#"946720800000"#),
    (
        r#"Date.parse("Tue, 1 Jan 2000 10:00 +05")"#,
        r#"946702800000"#,
    ),
    (r#"Date.parse("2000-01-01T10:00:00+05")"#, r#"null"#),
    (r#"Date.parse("2000-01-01T10:00:00.Z")"#, r#"null"#),
    (
        r#"Date.parse("June 15, 2021 (hello) 10:00")"#,
        r#"1623751200000"#,
    ),
    (
        r#"Date.parse("Wednesday, June 16, 2021")"#,
        r#"1623801600000"#,
    ),
    (r#"Date.parse("foo")"#, r#"null"#),
    (
        r#"Date.parse("2021-06-16T12:00:00.000-07:00")"#,
        r#"1623870000000"#,
    ),
    (r#"Date.parse(undefined)"#, r#"null"#),
    (r#"Date.parse(null)"#, r#"null"#),
    (r#"Date.parse(1e12)"#, r#"null"#),
    (r#"Date.parse("1e12")"#, r#"null"#),
    (
        r#"new Date("1/1/2000").toString()"#,
        r#""Sat Jan 01 2000 00:00:00 GMT+0000 (Coordinated Universal Time)""#,
    ),
    (
        r#"new Date(2000, 0, 1, 25, 61, 61, 1001).toString()"#,
        r#""Sun Jan 02 2000 02:02:02 GMT+0000 (Coordinated Universal Time)""#,
    ),
    (
        r#"new Date(1.5e12).toUTCString()"#,
        r#""Fri, 14 Jul 2017 02:40:00 GMT""#,
    ),
    (
        r#"new Date(Date.UTC(-5, 0)).toISOString()"#,
        r#""-000005-01-01T00:00:00.000Z""#,
    ),
    (
        r#"new Date(Date.UTC(12345, 0)).toString()"#,
        r#""Mon Jan 01 12345 00:00:00 GMT+0000 (Coordinated Universal Time)""#,
    ),
    (r#"Date.UTC(2020, 0, 1, 0, 0, 0, -1)"#, r#"1577836799999"#),
    (r#"Date.UTC(NaN)"#, r#"null"#),
    (r#"Date.UTC(2020, Infinity)"#, r#"null"#),
    (r#"new Date(0).setHours()"#, r#"null"#),
    (r#"new Date(0).setMinutes(NaN, 5)"#, r#"null"#),
    (r#"new Date(0).setUTCMonth(5, undefined)"#, r#"null"#),
    (r#"new Date(0).setDate(1e10)"#, r#"null"#),
    (
        r#"(() => { const d = new Date(0); d.setUTCFullYear(-1); return d.toISOString() })()"#,
        r#""-000001-01-01T00:00:00.000Z""#,
    ),
    (
        r#"(() => { const d = new Date(0); d.setMilliseconds(-1); return d.toISOString() })()"#,
        r#""1969-12-31T23:59:59.999Z""#,
    ),
    (
        r#"(() => { const d = new Date(0); d.setYear(-5); return d.toISOString() })()"#,
        r#""-000005-01-01T00:00:00.000Z""#,
    ),
    (
        r#"(() => { const d = new Date(0); let log = []; d.setHours({valueOf(){log.push(1); return 2}}, {valueOf(){log.push(2); return 3}}); return log.concat(d.getTime()) })()"#,
        r#"[1,2,7380000]"#,
    ),
    (
        r#"(() => { const d = new Date(NaN); let n = 0; d.setDate({valueOf(){n++; return 1}}); return [n, d.getTime()] })()"#,
        r#"[1,null]"#,
    ),
    (
        r#"(() => { let s = []; new Date({[Symbol.toPrimitive](h){ s.push(h); return 5 }}); return s })()"#,
        r#"["default"]"#,
    ),
    (
        r#"(() => { let s = []; try { new Date(0) == {} ; } catch (e) {} return [new Date(0) == "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)", new Date(5) < new Date(6)] })()"#,
        r#"[true,true]"#,
    ),
    (
        r#"`${new Date(0)}`"#,
        r#""Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)""#,
    ),
    (
        r#"[new Date(0)].join()"#,
        r#""Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)""#,
    ),
    (
        r#"(() => { const r = Reflect.construct(Date, [0], Array); return [Array.isArray(r), Object.getPrototypeOf(r) === Array.prototype, Object.prototype.toString.call(r)] })()"#,
        r#"[false,true,"[object Date]"]"#,
    ),
    (
        r#"(() => { function F() {} F.prototype = null; return Object.getPrototypeOf(Reflect.construct(Date, [0], F)) === Date.prototype })()"#,
        r#"true"#,
    ),
    (r#"Date.prototype.constructor === Date"#, r#"true"#),
    (r#"Date.now() > 1.6e12"#, r#"true"#),
    (r#"new Date() instanceof Date"#, r#"true"#),
    (r#"Math.abs(new Date() - Date.now()) < 1000"#, r#"true"#),
    (r#"Date().length"#, r#"62"#),
    (r#"typeof new Date().getTime()"#, r#""number""#),
    (
        r#"new Date(2019, 5, 15, 14, 7, 3).toLocaleString()"#,
        r#""6/15/2019, 2:07:03 PM""#,
    ),
    (
        r#"new Date(2019, 5, 15, 12, 0, 0).toLocaleTimeString()"#,
        r#""12:00:00 PM""#,
    ),
    (
        r#"new Date(2019, 11, 31).toLocaleDateString()"#,
        r#""12/31/2019""#,
    ),
    (
        r#"new Date(0).toLocaleString("en-US")"#,
        r#""1/1/1970, 12:00:00 AM""#,
    ),
    (
        r#"new Date(-1e12).toString()"#,
        r#""Sun Apr 24 1938 22:13:20 GMT+0000 (Coordinated Universal Time)""#,
    ),
    (r#"new Date(-1e12).getDay()"#, r#"0"#),
    (
        r#"new Date(-1).toISOString()"#,
        r#""1969-12-31T23:59:59.999Z""#,
    ),
    (r#"new Date(-1).getUTCMilliseconds()"#, r#"999"#),
    (r#"new Date(1e12).getYear()"#, r#"101"#),
    (r#"Date.parse("Thu Jan 01 1970 00:00:00 GMT+0000")"#, r#"0"#),
    (r#"Date.parse("Thu Jan 01 1970")"#, r#"0"#),
    (
        r#"Date.parse("00:00:00 GMT+0000 (Coordinated Universal Time)")"#,
        r#"null"#,
    ),
    (r#"Date.parse(new Date(-1e14).toString())"#, r#"null"#),
    (r#"Date.parse(new Date(-1e14).toUTCString())"#, r#"null"#),
    (
        r#"Date.parse(new Date(-1e14).toISOString())"#,
        r#"-100000000000000"#,
    ),
    (
        r#"Date.parse(new Date(1e12).toLocaleString())"#,
        r#"1000000000000"#,
    ),
    (r#"Date.parse("2020-02-30")"#, r#"1583020800000"#),
    (r#"Date.parse("2020-02-30T00:00:00Z")"#, r#"1583020800000"#),
    (r#"Date.parse("2021-02-29")"#, r#"1614556800000"#),
    (r#"Date.parse("T10:00")"#, r#"null"#),
    (r#"Date.parse("2020-01-01T")"#, r#"null"#),
    (r#"Date.parse("2020-01-01T1:00")"#, r#"null"#),
    (r#"Date.parse("20200101")"#, r#"null"#),
    (
        r#"Date.parse("2020-01-01T10:00:00.123456789Z")"#,
        r#"1577872800123"#,
    ),
    (r#"Date.parse("Jan 1 2000 10:00 z")"#, r#"946720800000"#),
    (r#"Date.parse("Jan 1 2000 10:00 EDT")"#, r#"946735200000"#),
    (r#"Date.parse("Jan 1 2000 10:00 CST")"#, r#"946742400000"#),
    (r#"Date.parse("Jan 1 2000 GMT")"#, r#"946684800000"#),
    (r#"Date.parse("GMT Jan 1 2000")"#, r#"946684800000"#),
    (r#"Date.parse("Jan 1 2000 10:00:00 +1")"#, r#"946717200000"#),
    (
        r#"Date.parse("Jan 1 2000 10:00:00 -123")"#,
        r#"946725780000"#,
    ),
    (r#"Date.parse("Jan 1 2000 10:00:00 +12345")"#, r#"null"#),
    (
        r#"Date.parse("Jan 1 2000 10:00:00 GMT+05:30")"#,
        r#"946701000000"#,
    ),
    (r#"Date.parse("Jan 1 2000 10:00:00)")"#, r#"null"#),
    (r#"Date.parse("Jan 1 2000 - 1")"#, r#"null"#),
    (r#"Date.parse("Mayday 5 2000")"#, r#"957484800000"#),
    (r#"Date.parse("5 2000")"#, r#"null"#),
    (r#"Date.parse("2000 5")"#, r#"957139200000"#),
    (r#"Date.parse("1.2.2000")"#, r#"946771200000"#),
    (r#"Date.parse("10:00 1/2/2000")"#, r#"946807200000"#),
];
