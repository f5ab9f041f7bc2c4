//! The web globals (DOMException, Event/EventTarget, AbortController/AbortSignal, URL/
//! URLSearchParams, WeakRef/FinalizationRegistry, navigator, fetch) and the process events,
//! run end to end through the Node host. Expected outputs were printed by the reference Node 24.

use jsgen_node::event_loop::RejectionMode;
use jsgen_node::prelude::*;
use jsgen_node::run::ScriptGoal;

/// Stdout of `code` run as a main module (virtual time); stderr (warnings) kept apart.
fn out(code: &str) -> String {
    let mut it = jsgen_node::node_interp();
    it.node_mut().console.capture = Some(Vec::new());
    it.node_mut().console.capture_err = Some(Vec::new());
    it.node_mut().timers.virtual_time = true;
    let _ = it.run_main("test.js", code, RejectionMode::Throw, ScriptGoal::CommonJs);
    let out = it.node_mut().console.capture.take().unwrap_or_default();
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn dom_exception_names_codes_and_brand() {
    let o = out(r#"
const e = new DOMException('boom', 'AbortError');
console.log(e.name, e.message, e.code, e instanceof Error, Object.prototype.toString.call(e), String(e));
console.log(new DOMException().name, new DOMException('m', {}).name, new DOMException('m', null).name, new DOMException('x', 'Nope').code);
console.log(Object.keys(e), Object.getOwnPropertyNames(e), DOMException.length, DOMException.INDEX_SIZE_ERR, e.DATA_CLONE_ERR);
const c = new DOMException('x', { name: 'SyntaxError', cause: 7 });
console.log(c.cause, c.code, Object.getOwnPropertyDescriptor(c, 'cause').enumerable);
try { DOMException.prototype.name } catch (err) { console.log(err.name, err.code, err.message) }
try { DOMException() } catch (err) { console.log(err.name, err.message) }
const d = Object.getOwnPropertyDescriptor(globalThis, 'DOMException');
console.log(typeof DOMException, Object.getOwnPropertyDescriptor(globalThis, 'DOMException').enumerable);
"#);
    assert_eq!(o, "AbortError boom 20 true [object DOMException] AbortError: boom\nError undefined null 0\n[] [ 'stack' ] 0 1 25\n7 12 false\nTypeError ERR_INVALID_THIS Value of \"this\" must be of DOMException\nTypeError Class constructor DOMException cannot be invoked without 'new'\nfunction false\n");
}

#[test]
fn structured_clone_throws_dom_exceptions() {
    let o = out(r#"
for (const v of [() => {}, Symbol('s'), new WeakMap(), Promise.resolve()]) {
  try { structuredClone(v) } catch (e) { console.log(e instanceof DOMException, e.name, e.code, e.message) }
}
const k = structuredClone(new DOMException('q', 'AbortError'));
console.log(k instanceof DOMException, k.name, k.message, k.code);
"#);
    assert_eq!(o, "true DataCloneError 25 () => {} could not be cloned.\ntrue DataCloneError 25 Symbol(s) could not be cloned.\ntrue DataCloneError 25 #<WeakMap> could not be cloned.\ntrue DataCloneError 25 #<Promise> could not be cloned.\ntrue AbortError q 20\n");
}

#[test]
fn structured_clone_refuses_urls_as_node() {
    // Expected lines from the reference Node 24.
    let o = out(r#"
for (const v of [new URL('http://a.com'), new URLSearchParams('a=1'), { u: new URL('http://b.com') }]) {
  try { structuredClone(v); console.log('cloned') } catch (e) { console.log(e instanceof DOMException, e.name, e.code, e.message) }
}
"#);
    assert_eq!(
        o,
        "true DataCloneError 25 Cannot clone object of unsupported type.\n".repeat(3)
    );
}

#[test]
fn event_target_dispatch_rules() {
    let o = out(r#"
const t = new EventTarget();
const order = [];
t.addEventListener('x', () => order.push('a'));
const b = () => order.push('b');
t.addEventListener('x', b);
t.addEventListener('x', b);
t.addEventListener('x', b, { capture: true });
t.addEventListener('x', { handleEvent() { order.push('h') } });
t.addEventListener('x', () => order.push('once'), { once: true });
t.dispatchEvent(new Event('x'));
t.removeEventListener('x', b);
t.dispatchEvent(new Event('x'));
console.log(order.join(','));
const e = new Event('y', { cancelable: true, bubbles: true });
t.addEventListener('y', (ev) => { console.log(ev.eventPhase, ev.target === t, ev.currentTarget === t, ev.composedPath().length, ev.isTrusted, ev.bubbles); ev.preventDefault(); });
console.log(t.dispatchEvent(e), e.defaultPrevented, e.returnValue, e.eventPhase, e.currentTarget, e.target === t);
console.log(new Event('z').defaultPrevented, Event.AT_TARGET, typeof e.timeStamp);
try { new Event() } catch (err) { console.log(err.code, err.message) }
try { t.dispatchEvent({}) } catch (err) { console.log(err.code, err.message) }
try { t.addEventListener('q', 5) } catch (err) { console.log(err.code, err.message) }
console.log(new CustomEvent('c', { detail: [1] }).detail, new CustomEvent('c').detail);
process.on('uncaughtException', (err, origin) => console.log('uncaught', err.message, origin));
t.addEventListener('err', () => { throw new Error('bad listener') });
t.addEventListener('err', () => console.log('second still runs'));
t.dispatchEvent(new Event('err'));
console.log('sync end');
"#);
    assert_eq!(o, "a,b,b,h,once,a,b,h\n2 true true 1 false true\nfalse true false 0 null true\nfalse 2 number\nERR_MISSING_ARGS The \"type\" argument must be specified\nERR_INVALID_ARG_TYPE The \"event\" argument must be an instance of Event. Received an instance of Object\nERR_INVALID_ARG_TYPE The \"listener\" argument must be an instance of EventListener. Received type number (5)\n[ 1 ] null\nsecond still runs\nsync end\nuncaught bad listener uncaughtException\n");
}

#[test]
fn abort_controller_and_signals() {
    let o = out(r#"
const ac = new AbortController();
const s = ac.signal;
console.log(s.aborted, s.reason, s === ac.signal);
s.onabort = (e) => console.log('onabort', e.type, e.isTrusted);
s.addEventListener('abort', () => console.log('listener'));
ac.abort();
ac.abort('again');
console.log(s.aborted, s.reason.name, s.reason.message, s.reason.code);
try { s.throwIfAborted() } catch (e) { console.log('thrown', e === s.reason) }
console.log(AbortSignal.abort(5).reason, AbortSignal.abort().reason.name);
try { new AbortSignal() } catch (e) { console.log(e.code, e.message) }
try { AbortSignal.timeout(-1) } catch (e) { console.log(e.code, e.message) }
try { AbortSignal.any([1]) } catch (e) { console.log(e.code, e.message) }
const a1 = new AbortController(), a2 = new AbortController();
const any = AbortSignal.any([a1.signal, a2.signal]);
any.onabort = () => console.log('any', any.reason);
a2.abort('second');
a1.abort('first');
const t = AbortSignal.timeout(10);
t.onabort = () => console.log('timeout', t.reason.name, t.reason.message);
setTimeout(() => console.log('later'), 20);
"#);
    assert_eq!(o, "false undefined true\nonabort abort true\nlistener\ntrue AbortError This operation was aborted 20\nthrown true\n5 AbortError\nERR_ILLEGAL_CONSTRUCTOR Illegal constructor\nERR_OUT_OF_RANGE The value of \"delay\" is out of range. It must be >= 0 && <= 4294967295. Received -1\nERR_INVALID_ARG_TYPE signals[0] is not of type AbortSignal.\nany second\ntimeout TimeoutError The operation was aborted due to timeout\nlater\n");
}

#[test]
fn timeout_signal_does_not_keep_the_process_alive() {
    let o = out(r#"
const t = AbortSignal.timeout(100000);
t.onabort = () => console.log('never');
console.log('done', t.aborted);
"#);
    assert_eq!(o, "done false\n");
}

#[test]
fn url_parts_setters_and_errors() {
    let o = out(r#"
const u = new URL('https://user:pw@example.com:8080/a/b?x=1&y=2#frag');
console.log(u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash);
u.port = '443'; console.log(u.href);
u.pathname = '/c d'; u.hash = ''; u.search = 'q=1'; console.log(u.href, u.toJSON() === u.href);
u.searchParams.append('z', 'a b'); console.log(u.search);
u.search = ''; console.log(u.searchParams.size, u.href);
console.log(new URL('../x', 'http://a.com/b/c').href, new URL('HTTP://A.COM:80').href, new URL('http://münchen.de').hostname);
try { new URL('nope') } catch (e) { console.log(e.name, e.code, e.input, e.message, Object.keys(e)) }
try { new URL('/p', 'bad') } catch (e) { console.log(e.base) }
try { u.href = 'x' } catch (e) { console.log(e.code, e.input) }
console.log(URL.canParse('http://x'), URL.canParse('x'), URL.parse('x'), URL.parse('/p', 'http://h').href);
"#);
    assert_eq!(o, "https://example.com:8080 https: user pw example.com:8080 example.com 8080 /a/b ?x=1&y=2 #frag\nhttps://user:pw@example.com/a/b?x=1&y=2#frag\nhttps://user:pw@example.com/c%20d?q=1 true\n?q=1&z=a+b\n0 https://user:pw@example.com/c%20d\nhttp://a.com/x http://a.com/ xn--mnchen-3ya.de\nTypeError ERR_INVALID_URL nope Invalid URL [ 'code', 'input' ]\nbad\nERR_INVALID_URL x\ntrue false null http://h/p\n");
}

#[test]
fn url_search_params() {
    let o = out(r#"
const p = new URLSearchParams('?a=1&b=2&a=3&c=%20x+y');
console.log(p.get('a'), p.getAll('a'), p.get('c'), p.get('none'), p.has('a', '3'), p.size);
p.set('a', 'only'); p.delete('b'); p.append('d', 'é&=');
console.log(p.toString());
p.sort(); console.log([...p], [...p.keys()], [...p.values()]);
p.forEach((v, k, self) => console.log(k, v, self === p));
console.log(new URLSearchParams({ x: 1, y: true }).toString(), new URLSearchParams([['k', 'v']]).toString());
try { new URLSearchParams([[1]]) } catch (e) { console.log(e.code, e.message) }
try { p.append('x') } catch (e) { console.log(e.code, e.message) }
const it = p.entries(); console.log(it.next(), Object.prototype.toString.call(it));
"#);
    assert_eq!(o, "1 [ '1', '3' ]  x y null true 4\na=only&c=+x+y&d=%C3%A9%26%3D\n[ [ 'a', 'only' ], [ 'c', ' x y' ], [ 'd', 'é&=' ] ] [ 'a', 'c', 'd' ] [ 'only', ' x y', 'é&=' ]\na only true\nc  x y true\nd é&= true\nx=1&y=true k=v\nERR_INVALID_TUPLE Each query pair must be an iterable [name, value] tuple\nERR_MISSING_ARGS The \"name\" and \"value\" arguments must be specified\n{ value: [ 'a', 'only' ], done: false } [object URLSearchParams Iterator]\n");
}

#[test]
fn require_url_helpers() {
    let o = out(r#"
const url = require('url');
console.log(url.URL === URL, url.URLSearchParams === URLSearchParams);
console.log(url.fileURLToPath('file:///home/a%20b.txt'), url.pathToFileURL('/tmp/x y#.txt').href);
try { url.fileURLToPath('http://x') } catch (e) { console.log(e.code, e.message) }
console.log(url.format(new URL('https://u:p@h.com/p?q#f'), { auth: false, fragment: false }));
console.log(url.format({ protocol: 'http', host: 'h.com', pathname: 'p', query: { a: [1, 2], b: 'x y' } }));
try { require('internal/url') } catch (e) { console.log(e.code) }
"#);
    assert_eq!(o, "true true\n/home/a b.txt file:///tmp/x%20y%23.txt\nERR_INVALID_URL_SCHEME The URL must be of scheme file\nhttps://h.com/p?q\nhttp://h.com/p?a=1&a=2&b=x%20y\nMODULE_NOT_FOUND\n");
}

#[test]
fn weak_ref_and_finalization_registry() {
    let o = out(r#"
let o = { a: 1 };
const w = new WeakRef(o);
console.log(w.deref() === o, Object.prototype.toString.call(w), w);
const r = new FinalizationRegistry(() => {});
const token = {};
console.log(r.register(o, 'held', token), r.unregister(token), r.unregister(token), r);
try { new WeakRef(1) } catch (e) { console.log(e.message) }
try { r.register(o, o) } catch (e) { console.log(e.message) }
try { r.unregister(1) } catch (e) { console.log(e.message) }
o = null;
setTimeout(() => console.log('deref later', w.deref()), 1);
"#);
    assert_eq!(o, "true [object WeakRef] WeakRef {}\nundefined true false FinalizationRegistry {}\nWeakRef: invalid target\nFinalizationRegistry.prototype.register: target and holdings must not be same\nInvalid unregisterToken ('1')\nderef later { a: 1 }\n");
}

#[test]
fn navigator_and_fetch() {
    let o = out(r#"
console.log(navigator.userAgent, navigator.language, navigator.languages, navigator.platform, navigator);
console.log(Object.getOwnPropertyDescriptor(globalThis, 'navigator').enumerable, typeof Object.getOwnPropertyDescriptor(globalThis, 'navigator').set);
fetch('http://unreachable.invalid/data.json').catch((e) => console.log(e.name, e.message, e.cause.code, e.cause.hostname));
fetch('not a url').catch((e) => console.log(e.message, e.cause.code));
"#);
    assert_eq!(o, "Node.js/24 en-US [ 'en-US' ] Linux x86_64 Navigator {}\ntrue undefined\nFailed to parse URL from not a url ERR_INVALID_URL\nTypeError fetch failed ENOTFOUND unreachable.invalid\n");
}

#[test]
fn process_warning_and_rejection_handled() {
    let o = out(r#"
process.on('warning', (w) => console.log('warning', w.name, w.message, w.code));
process.emitWarning('careful', 'CustomWarning', 'C1');
process.on('unhandledRejection', (r) => console.log('unhandled', r));
process.on('rejectionHandled', (p) => console.log('rejectionHandled', p instanceof Promise));
const p = Promise.reject('x');
setTimeout(() => p.catch(() => console.log('caught')), 5);
"#);
    assert_eq!(
        o,
        "warning CustomWarning careful C1\nunhandled x\ncaught\nrejectionHandled true\n"
    );
}

#[test]
fn url_pattern() {
    let o = out(r#"
const p = new URLPattern('/api/:version/users/:id(\\d+)', 'https://x.com');
console.log(p.pathname, p.hostname, p.hasRegExpGroups, p.test('https://x.com/api/v1/users/7'), p.test('https://x.com/api/v1/users/me'));
const m = p.exec('https://x.com/api/v2/users/9?q=1');
console.log(m.pathname.groups, m.search, m.inputs);
console.log(new URLPattern({ hostname: '{*.}?example.com' }).test('https://www.example.com/a'), new URLPattern({ pathname: '/A' }, { ignoreCase: true }).test('https://h/a'));
try { new URLPattern('(') } catch (e) { console.log(e.name, e.code, e.message) }
try { p.test({ pathname: '/x' }, 'https://a.com') } catch (e) { console.log(e.name, e.code, e.message) }
console.log(Object.getOwnPropertyNames(URLPattern.prototype).join(), String(p));
"#);
    assert_eq!(o, "/api/:version/users/:id(\\d+) x.com true true false\n{ id: '9', version: 'v2' } { groups: { '0': 'q=1' }, input: 'q=1' } [ 'https://x.com/api/v2/users/9?q=1' ]\ntrue true\nTypeError ERR_INVALID_URL_PATTERN Failed to construct URLPattern\nTypeError ERR_OPERATION_FAILED Failed to test URLPattern\nprotocol,username,password,hostname,port,pathname,search,hash,hasRegExpGroups,exec,test,constructor [object URLPattern]\n");
}

#[test]
fn legacy_url_parse_resolve_and_querystring() {
    let o = out(r#"
const url = require('url');
const qs = require('querystring');
console.log(url.parse('https://user:pw@Example.com:8080/p/a/t/h?query=string&a=1#hash', true));
console.log(url.parse('/search?q=a+b&page=2', true).query, url.parse('mailto:a@b.c').auth, url.parse('http://a\\b/c?d\\e').href);
console.log(url.resolve('http://a.com/b/c', '../d?x'), url.resolve('/one/two', 'three'), url.resolve('http://a.com/x', '//b.com/y'));
console.log(url.format({ protocol: 'https', hostname: 'ex.com', pathname: '/a b', query: { q: 'x y', n: [1, 2] } }));
console.log(qs.parse('a=1&a=2&b=%E2%82%AC&c=%zz&d'), qs.stringify({ a: [1, 2], b: 'x y', c: null }));
"#);
    assert_eq!(o, "Url {\n  protocol: 'https:',\n  slashes: true,\n  auth: 'user:pw',\n  host: 'example.com:8080',\n  port: '8080',\n  hostname: 'example.com',\n  hash: '#hash',\n  search: '?query=string&a=1',\n  query: [Object: null prototype] { query: 'string', a: '1' },\n  pathname: '/p/a/t/h',\n  path: '/p/a/t/h?query=string&a=1',\n  href: 'https://user:pw@example.com:8080/p/a/t/h?query=string&a=1#hash'\n}\n[Object: null prototype] { q: 'a b', page: '2' } a http://a/b/c?d%5Ce\nhttp://a.com/d?x /one/three http://b.com/y\nhttps://ex.com/a b?q=x%20y&n=1&n=2\n[Object: null prototype] { a: [ '1', '2' ], b: '€', c: '%zz', d: '' } a=1&a=2&b=x%20y&c=\n");
}

#[test]
fn events_max_listeners_for_event_targets() {
    let o = out(r#"
const { setMaxListeners, getMaxListeners, EventEmitter } = require('events');
const ac = new AbortController();
console.log(getMaxListeners(ac.signal), getMaxListeners(new EventEmitter()), getMaxListeners(new EventTarget()));
setMaxListeners(20, ac.signal);
console.log(getMaxListeners(ac.signal));
try { setMaxListeners(1, {}) } catch (e) { console.log(e.code, e.message) }
"#);
    assert_eq!(o, "0 10 10\n20\nERR_INVALID_ARG_TYPE The \"eventTargets\" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object\n");
}

#[test]
fn timers_promises_and_events_with_signals() {
    let o = out(r#"
const tp = require('timers/promises');
const { once, on } = require('events');
(async () => {
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 5);
  try { await tp.setTimeout(1000, 'v', { signal: ac.signal }) } catch (e) { console.log(e.name, e.code, e.cause.name) }
  try { await tp.setTimeout(1, 'v', { signal: 1 }) } catch (e) { console.log(e.code, e.message) }
  const et = new EventTarget();
  setTimeout(() => et.dispatchEvent(new Event('go')), 1);
  const [ev] = await once(et, 'go');
  console.log('once', ev.type);
  const ac2 = new AbortController();
  let n = 0;
  const iv = setInterval(() => { et.dispatchEvent(new Event('tick')); if (++n === 3) { clearInterval(iv); ac2.abort(); } }, 1);
  try { for await (const [e] of on(et, 'tick', { signal: ac2.signal })) console.log(e.type) } catch (e) { console.log('end', e.name) }
  const ac3 = new AbortController();
  let k = 0;
  try { for await (const _ of tp.setInterval(1, null, { signal: ac3.signal })) { if (++k === 2) ac3.abort() } } catch (e) { console.log('interval', e.name, k) }
})();
"#);
    assert_eq!(o, "AbortError ABORT_ERR AbortError\nERR_INVALID_ARG_TYPE The \"options.signal\" property must be an instance of AbortSignal. Received type number (1)\nonce go\ntick\ntick\ntick\nend AbortError\ninterval AbortError 2\n");
}
