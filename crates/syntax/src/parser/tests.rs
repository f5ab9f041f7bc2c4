//! Parser tests. Expressions are checked through a compact S-expression rendering of the AST.
use super::*;

fn parse(src: &str) -> Script {
    match parse_script(src, &ParseOptions::default()) {
        Ok(s) => s,
        Err(e) => panic!("parse error in {src:?}: {} at {:?}", e.message, e.span),
    }
}

fn err(src: &str) -> SyntaxError {
    match parse_script(src, &ParseOptions::default()) {
        Ok(s) => panic!(
            "expected a syntax error for {src:?}, got {}",
            stmts(&s.body)
        ),
        Err(e) => e,
    }
}

/// Renders the whole script.
fn p(src: &str) -> String {
    stmts(&parse(src).body)
}

fn stmts(v: &[Stmt]) -> String {
    v.iter().map(stmt).collect::<Vec<_>>().join(" ")
}

fn opt<T>(o: &Option<T>, f: impl Fn(&T) -> String) -> String {
    o.as_ref().map(f).unwrap_or_else(|| "_".into())
}

/// Renders an optional default/initializer as `=x` (nothing when absent).
fn dflt(o: Option<&Expr>) -> String {
    o.map(|e| format!("={}", expr(e))).unwrap_or_default()
}

fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Empty => "(empty)".into(),
        StmtKind::Expr(e) => format!("{};", expr(e)),
        StmtKind::Var(d) => var(d),
        StmtKind::Function(f) => func(f),
        StmtKind::Class(c) => class(c),
        StmtKind::Block(b) => format!("{{{}}}", stmts(&b.body)),
        StmtKind::If { test, cons, alt } => {
            format!(
                "(if {} {} {})",
                expr(test),
                stmt(cons),
                opt(alt, |a| stmt(a))
            )
        }
        StmtKind::For {
            init,
            test,
            update,
            body,
            ..
        } => format!(
            "(for {} {} {} {})",
            opt(init, |i| match &**i {
                ForInit::Var(d) => var(d),
                ForInit::Expr(e) => expr(e),
            }),
            opt(test, |e| expr(e)),
            opt(update, |e| expr(e)),
            stmt(body)
        ),
        StmtKind::ForInOf {
            kind,
            left,
            right,
            body,
            ..
        } => format!(
            "({} {} {} {})",
            match kind {
                ForInOfKind::In => "for-in",
                ForInOfKind::Of => "for-of",
                ForInOfKind::AwaitOf => "for-await",
            },
            match &**left {
                ForHead::Decl { kind, target, init } =>
                    format!("({:?} {}{})", kind, pat(target), dflt(init.as_ref())),
                ForHead::Target(p) => pat(p),
            },
            expr(right),
            stmt(body)
        ),
        StmtKind::While { test, body } => format!("(while {} {})", expr(test), stmt(body)),
        StmtKind::DoWhile { body, test } => format!("(do {} {})", stmt(body), expr(test)),
        StmtKind::Continue(l) => format!("(continue {})", opt(l, |i| i.name.to_string())),
        StmtKind::Break(l) => format!("(break {})", opt(l, |i| i.name.to_string())),
        StmtKind::Return(e) => format!("(return {})", opt(e, expr)),
        StmtKind::Throw(e) => format!("(throw {})", expr(e)),
        StmtKind::Try {
            block,
            handler,
            finalizer,
        } => format!(
            "(try {{{}}} {} {})",
            stmts(&block.body),
            opt(handler, |c| format!(
                "(catch {} {{{}}})",
                opt(&c.param, pat),
                stmts(&c.body.body)
            )),
            opt(finalizer, |f| format!("{{{}}}", stmts(&f.body)))
        ),
        StmtKind::Switch {
            discriminant,
            cases,
            ..
        } => format!(
            "(switch {} {})",
            expr(discriminant),
            cases
                .iter()
                .map(|c| format!("(case {} {})", opt(&c.test, expr), stmts(&c.body)))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        StmtKind::Labeled { label, body } => format!("(label {} {})", label.name, stmt(body)),
        StmtKind::With { object, body } => format!("(with {} {})", expr(object), stmt(body)),
        StmtKind::Debugger => "(debugger)".into(),
    }
}

fn var(d: &VarDecl) -> String {
    let decls: Vec<String> = d
        .decls
        .iter()
        .map(|d| format!("{}{}", pat(&d.target), dflt(d.init.as_deref())))
        .collect();
    format!("({:?} {})", d.kind, decls.join(" "))
}

fn func(f: &Function) -> String {
    let mut flags = String::new();
    if f.is_async {
        flags.push_str("async ");
    }
    if f.is_generator {
        flags.push('*');
    }
    if f.has_use_strict {
        flags.push_str("strict ");
    }
    let mut params: Vec<String> = f
        .params
        .iter()
        .map(|p| format!("{}{}", pat(&p.target), dflt(p.default.as_deref())))
        .collect();
    if let Some(r) = &f.rest {
        params.push(format!("...{}", pat(r)));
    }
    let body = match &f.body {
        FunctionBody::Block(b) => format!("{{{}}}", stmts(b)),
        FunctionBody::Expr(e) => expr(e),
    };
    format!(
        "({:?} {}{}({}) {})",
        f.kind,
        flags,
        opt(&f.name, |i| i.name.to_string()),
        params.join(" "),
        body
    )
}

fn class(c: &Class) -> String {
    let mut parts = vec![format!("class {}", opt(&c.name, |i| i.name.to_string()))];
    if let Some(s) = &c.super_class {
        parts.push(format!("extends {}", expr(s)));
    }
    if let Some(ctor) = &c.constructor {
        parts.push(format!(
            "ctor{} {}",
            if ctor.is_derived_ctor {
                "(derived)"
            } else {
                ""
            },
            func(ctor)
        ));
    }
    for el in &c.elements {
        parts.push(match el {
            ClassElement::Method {
                key,
                kind,
                is_static,
                func: f,
            } => format!(
                "{}{:?} {} {}",
                if *is_static { "static " } else { "" },
                kind,
                prop_name(key),
                func(f)
            ),
            ClassElement::Field {
                key,
                is_static,
                init,
                ..
            } => format!(
                "{}field {}{}",
                if *is_static { "static " } else { "" },
                prop_name(key),
                opt(init, |f| format!("={}", func(f)))
            ),
            ClassElement::StaticBlock(f) => format!("static-block {}", func(f)),
        });
    }
    format!("({})", parts.join("; "))
}

fn prop_name(k: &PropName) -> String {
    match k {
        PropName::Static(s) => format!("{s:?}"),
        PropName::Computed(e) => format!("[{}]", expr(e)),
        PropName::Private(i) => format!("#{}", i.name),
    }
}

fn pat(p: &Pattern) -> String {
    match p {
        Pattern::Ident(i) => i.name.to_string(),
        Pattern::Expr(e) => expr(e),
        Pattern::Object { props, rest, .. } => {
            let mut v: Vec<String> = props
                .iter()
                .map(|p| {
                    format!(
                        "{}:{}{}",
                        prop_name(&p.key),
                        pat(&p.target),
                        dflt(p.default.as_ref())
                    )
                })
                .collect();
            if let Some(r) = rest {
                v.push(format!("...{}", pat(r)));
            }
            format!("{{{}}}", v.join(" "))
        }
        Pattern::Array { elems, rest, .. } => {
            let mut v: Vec<String> = elems
                .iter()
                .map(|e| {
                    opt(e, |e| {
                        format!("{}{}", pat(&e.target), dflt(e.default.as_ref()))
                    })
                })
                .collect();
            if let Some(r) = rest {
                v.push(format!("...{}", pat(r)));
            }
            format!("[{}]", v.join(" "))
        }
    }
}

fn args(a: &[Arg]) -> String {
    a.iter()
        .map(|a| match a {
            Arg::Expr(e) => expr(e),
            Arg::Spread(e) => format!("...{}", expr(e)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn member_prop(p: &MemberProp) -> String {
    match p {
        MemberProp::Ident(n) => format!(".{n}"),
        MemberProp::Computed(e) => format!("[{}]", expr(e)),
        MemberProp::Private(i) => format!(".#{}", i.name),
    }
}

fn tpl(t: &Template) -> String {
    let mut s = String::from("`");
    for (i, q) in t.quasis.iter().enumerate() {
        s.push_str(&opt(&q.cooked, |c| c.to_string()));
        if let Some(e) = t.exprs.get(i) {
            s.push_str(&format!("${{{}}}", expr(e)));
        }
    }
    s.push('`');
    s
}

fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(i) => i.name.to_string(),
        ExprKind::This(_) => "this".into(),
        ExprKind::Number(n) => format!("{n}"),
        ExprKind::BigInt(b) => format!("{b}n"),
        ExprKind::String(s) => format!("{:?}", s.to_string()),
        ExprKind::Bool(b) => format!("{b}"),
        ExprKind::Null => "null".into(),
        ExprKind::Regex { pattern, flags } => format!("/{pattern}/{flags}"),
        ExprKind::ImportCall(x, None) => format!("(import {})", expr(x)),
        ExprKind::ImportCall(x, Some(o)) => format!("(import {} {})", expr(x), expr(o)),
        ExprKind::ImportMeta => "import.meta".into(),
        ExprKind::ImportBinding => "<import binding>".into(),
        ExprKind::Template(t) => tpl(t),
        ExprKind::TaggedTemplate { tag, quasi } => format!("(tag {} {})", expr(tag), tpl(quasi)),
        ExprKind::Array(v) => format!(
            "[{}]",
            v.iter()
                .map(|e| opt(e, |e| match e {
                    ArrayElem::Expr(e) => expr(e),
                    ArrayElem::Spread(e) => format!("...{}", expr(e)),
                }))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        ExprKind::Object(props) => format!(
            "{{{}}}",
            props
                .iter()
                .map(|p| match p {
                    PropDef::KeyValue(k, v) => format!("{}:{}", prop_name(k), expr(v)),
                    PropDef::Shorthand(i) => i.name.to_string(),
                    PropDef::CoverInit(i, v) => format!("{}={}", i.name, expr(v)),
                    PropDef::Method { key, kind, func: f } =>
                        format!("{:?} {} {}", kind, prop_name(key), func(f)),
                    PropDef::Spread(e) => format!("...{}", expr(e)),
                })
                .collect::<Vec<_>>()
                .join(" ")
        ),
        ExprKind::Function(f) | ExprKind::Arrow(f) => func(f),
        ExprKind::Class(c) => class(c),
        ExprKind::Unary(op, x) => format!("({op:?} {})", expr(x)),
        ExprKind::Update { op, prefix, target } => {
            format!(
                "({}{op:?} {})",
                if *prefix { "pre" } else { "post" },
                expr(target)
            )
        }
        ExprKind::Binary(op, a, b) => format!("({op:?} {} {})", expr(a), expr(b)),
        ExprKind::Logical(op, a, b) => format!("({op:?} {} {})", expr(a), expr(b)),
        ExprKind::Assign { op, target, value } => {
            let op = match op {
                AssignOp::Assign => "=".to_string(),
                AssignOp::Compound(b) => format!("{b:?}="),
                AssignOp::Logical(l) => format!("{l:?}="),
            };
            format!("({op} {} {})", pat(target), expr(value))
        }
        ExprKind::Conditional { test, cons, alt } => {
            format!("(? {} {} {})", expr(test), expr(cons), expr(alt))
        }
        ExprKind::Call {
            callee,
            args: a,
            optional,
            ..
        } => format!(
            "({}call {} {})",
            if *optional { "?" } else { "" },
            expr(callee),
            args(a)
        ),
        ExprKind::New { callee, args: a } => format!("(new {} {})", expr(callee), args(a)),
        ExprKind::SuperCall { args: a, .. } => format!("(super {})", args(a)),
        ExprKind::Member {
            object,
            prop,
            optional,
            ..
        } => format!(
            "{}{}{}",
            expr(object),
            if *optional { "?" } else { "" },
            member_prop(prop)
        ),
        ExprKind::SuperMember { prop: p, .. } => format!("super{}", member_prop(p)),
        ExprKind::OptionalChain(x) => format!("(chain {})", expr(x)),
        ExprKind::Sequence(v) => {
            format!("(seq {})", v.iter().map(expr).collect::<Vec<_>>().join(" "))
        }
        ExprKind::Paren(x) => format!("(paren {})", expr(x)),
        ExprKind::Yield { arg, delegate } => format!(
            "(yield{} {})",
            if *delegate { "*" } else { "" },
            opt(arg, |a| expr(a))
        ),
        ExprKind::Await(x) => format!("(await {})", expr(x)),
        ExprKind::NewTarget(_) => "new.target".into(),
        ExprKind::PrivateIn { name, right } => format!("(#{} in {})", name.name, expr(right)),
    }
}

#[test]
fn smoke() {
    let s = parse("var a = 1 + 2 * 3; function f(x, y = 2, ...z) { return x }");
    assert_eq!(s.body.len(), 2);
}

#[test]
#[ignore]
fn dump() {
    let src = std::env::var("JS").unwrap_or_default();
    for line in src.split("\n---\n") {
        match parse_script(line, &ParseOptions::default()) {
            Ok(s) => println!("{line:?}\n  OK {}", stmts(&s.body)),
            Err(e) => println!(
                "{line:?}\n  ERR {} {:?} incomplete={}",
                e.message, e.span, e.incomplete
            ),
        }
    }
}

fn check_err(src: &str, message: &str, incomplete: bool) {
    let e = err(src);
    assert_eq!(e.message, message, "for {src:?}");
    assert_eq!(e.incomplete, incomplete, "incomplete flag for {src:?}");
}
#[test]
fn constructs() {
    assert_eq!(p("a = b ? c : d, e"), "(seq (= a (? b c d)) e);");
    assert_eq!(p("x = a || b && c | d ^ e & f == g < h << i + j * k ** l ** m"), "(= x (Or a (And b (BitOr c (BitXor d (BitAnd e (Eq f (Lt g (Shl h (Add i (Mul j (Exp k (Exp l m)))))))))))));");
    check_err("-x ** 2", "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence", false);
    assert_eq!(p("(-x) ** 2"), "(Exp (paren (Minus x)) 2);");
    assert_eq!(p("a ?? b ?? c"), "(Nullish (Nullish a b) c);");
    check_err("a ?? b || c", "Unexpected token '||'", false);
    assert_eq!(p("(a ?? b) || c"), "(Or (paren (Nullish a b)) c);");
    assert_eq!(
        p("x = 10n ** 0x1Fn - -1_0n"),
        "(= x (Sub (Exp 10n 31n) (Minus 10n)));"
    );
    check_err("1n 2n", "Unexpected number", false);
    assert_eq!(p("a?.b.c?.(d)[e]"), "(chain (?call a?.b.c d)[e]);");
    assert_eq!(p("new a.b.c(d)(e)"), "(call (new a.b.c d) e);");
    assert_eq!(p("new new X()()"), "(new (new X ) );");
    assert_eq!(p("new X"), "(new X );");
    assert_eq!(
        p("a.if.class.default + a?.for"),
        "(Add a.if.class.default (chain a?.for));"
    );
    assert_eq!(p("x = /re/g.test(s)"), "(= x (call /re/g.test s));");
    assert_eq!(p("if (x) /re/.test(y)"), "(if x (call /re/.test y); _)");
    assert_eq!(
        p("`a${b}c${`d${e}`}` + tag`x${1}`"),
        "(Add `a${b}c${`d${e}`}` (tag tag `x${1}`));"
    );
    assert_eq!(p("({ a, b: 1, [c]: 2, d() {}, get e() {}, set e(v) {}, async *f() {}, ...g, 1.0: h, 0x10: i, 'k': j, if: 1, get: 2, set, async, static: 3 })"), "(paren {a \"b\":1 [c]:2 Method \"d\" (Method _() {}) Get \"e\" (Method _() {}) Set \"e\" (Method _(v) {}) Method \"f\" (Method async *_() {}) ...g \"1\":h \"16\":i \"k\":j \"if\":1 \"get\":2 set async \"static\":3});");
    assert_eq!(p("[a, b] = [b, a]"), "(= [a b] [b a]);");
    assert_eq!(p("({ 1n: a, 0x10n: b })"), "(paren {\"1\":a \"16\":b});");
    assert_eq!(
        p("({ a, b: { c = 1 }, ...d } = obj)"),
        "(paren (= {\"a\":a \"b\":{\"c\":c=1} ...d} obj));"
    );
    assert_eq!(
        p("[x.y, z[0] = 1, ...w] = arr"),
        "(= [x.y z[0]=1 ...w] arr);"
    );
    assert_eq!(p("(a, b) => a + b"), "(Arrow _(a b) (Add a b));");
    assert_eq!(
        p("async (a, {b}, [c] = [], ...d) => await a"),
        "(Arrow async _(a {\"b\":b} [c]=[] ...d) (await a));"
    );
    assert_eq!(p("async x => x"), "(Arrow async _(x) x);");
    assert_eq!(p("() => ({})"), "(Arrow _() (paren {}));");
    assert_eq!(p("x => { return x }"), "(Arrow _(x) {(return x)});");
    assert_eq!(
        p("async function f() { for await (const x of y) {} }"),
        "(Normal async f() {(for-await (Const x) y {})})"
    );
    assert_eq!(
        p("function* g() { yield; yield 1; yield* other(); const x = yield }"),
        "(Normal *g() {(yield _); (yield 1); (yield* (call other )); (Const x=(yield _))})"
    );
    assert_eq!(
        p("async function* ag() { yield await 1 }"),
        "(Normal async *ag() {(yield (await 1));})"
    );
    assert_eq!(p("class A extends B { constructor(x) { super(x); } static #p = 1; #q; get x() { return this.#q } static { init() } m() { return #q in this } 'constructor2'() {} }"), "(class A; extends B; ctor(derived) (ClassConstructor _(x) {(super x);}); static field #p=(ClassField _() 1); field #q_; Get \"x\" (Method _() {(return this.#q)}); static-block (ClassField _() {(call init );}); Method \"m\" (Method _() {(return (#q in this))}); Method \"constructor2\" (Method _() {}))");
    assert_eq!(
        p("label: for (;;) { break label; continue label }"),
        "(label label (for _ _ _ {(break label) (continue label)}))"
    );
    assert_eq!(
        p("for (var i = 0, j; i < 10; i++) ;"),
        "(for (Var i=0 j) (Lt i 10) (postInc i) (empty))"
    );
    assert_eq!(p("for (x in y) ;"), "(for-in x y (empty))");
    assert_eq!(p("for (var x in y) ;"), "(for-in (Var x) y (empty))");
    assert_eq!(
        p("for (let [a, b] of c) ;"),
        "(for-of (Let [a b]) c (empty))"
    );
    assert_eq!(p("for ([a, b] of c) ;"), "(for-of [a b] c (empty))");
    assert_eq!(p("for (a.b in c) ;"), "(for-in a.b c (empty))");
    assert_eq!(p("for (var x = 1 in o) ;"), "(for-in (Var x=1) o (empty))");
    assert_eq!(p("for (a in b in c) ;"), "(for-in a (In b c) (empty))");
    assert_eq!(
        p("try { a } catch { b } finally { c }"),
        "(try {a;} (catch _ {b;}) {c;})"
    );
    assert_eq!(
        p("try { a } catch ({message}) { b }"),
        "(try {a;} (catch {\"message\":message} {b;}) _)"
    );
    assert_eq!(
        p("switch (x) { case 1: a; case 2: default: b }"),
        "(switch x (case 1 a;) (case 2 ) (case _ b;))"
    );
    assert_eq!(p("do x(); while (y) z()"), "(do (call x ); y) (call z );");
    assert_eq!(p("if (a) if (b) c; else d"), "(if a (if b c; d;) _)");
    assert_eq!(p("with (o) x"), "(with o x;)");
    assert_eq!(p("\"use strict\"; x"), "\"use strict\"; x;");
    assert_eq!(
        p("function f() { 'use strict'; return 1 }"),
        "(Normal strict f() {\"use strict\"; (return 1)})"
    );
    assert_eq!(p("new.target"), "new.target;");
    assert_eq!(
        p("function f() { return new.target }"),
        "(Normal f() {(return new.target)})"
    );
    assert_eq!(p("a = b\n[1].forEach(f)"), "(= a (call b[1].forEach f));");
    assert_eq!(p("x\n(y)"), "(call x y);");
    assert_eq!(p("a\n++b"), "a; (preInc b);");
    assert_eq!(p("let a = 1\nlet b = 2"), "(Let a=1) (Let b=2)");
    assert_eq!(p("return\nx"), "(return _) x;");
    assert_eq!(
        p("var { a, b: [c, d = 2], ...e } = o, [f, , g, ...h] = p"),
        "(Var {\"a\":a \"b\":[c d=2] ...e}=o [f _ g ...h]=p)"
    );
    assert_eq!(p("const x = 1, y = 2"), "(Const x=1 y=2)");
    assert_eq!(p("x => y => z"), "(Arrow _(x) (Arrow _(y) z));");
    assert_eq!(
        p("a ? b => c : d => e"),
        "(? a (Arrow _(b) c) (Arrow _(d) e));"
    );
    assert_eq!(p("(a) = 1"), "(= a 1);");
    assert_eq!(p("a.b++ + ++c.d"), "(Add (postInc a.b) (preInc c.d));");
    assert_eq!(
        p("typeof void delete !~-+x"),
        "(Typeof (Void (Delete (Not (BitNot (Minus (Plus x)))))));"
    );
    assert_eq!(p("#x in obj"), "(#x in obj);");
    assert_eq!(
        p("a ||= b; a &&= c; a ??= d; a **= 2; a >>>= 1"),
        "(Or= a b); (And= a c); (Nullish= a d); (Exp= a 2); (UShr= a 1);"
    );
    assert_eq!(p("a, b"), "(seq a b);");
    assert_eq!(
        p("1..toString(), .5, 0b11, 0o17, 017, 09"),
        "(seq (call 1.toString ) 0.5 3 15 15 9);"
    );
    assert_eq!(
        p("x = function* () {}; y = async function () {}; z = class {}"),
        "(= x (Normal *_() {})); (= y (Normal async _() {})); (= z (class _));"
    );
}

#[test]
fn errors_and_asi() {
    check_err("1 = 2", "Invalid left-hand side in assignment", false);
    check_err("a + b = c", "Invalid left-hand side in assignment", false);
    check_err(
        "++f()",
        "Invalid left-hand side expression in prefix operation",
        false,
    );
    check_err(
        "f()++",
        "Invalid left-hand side expression in postfix operation",
        false,
    );
    check_err("a?.b = 1", "Invalid left-hand side in assignment", false);
    check_err("({a = 1})", "Invalid shorthand property initializer", false);
    check_err(
        "f({a = 1})",
        "Invalid shorthand property initializer",
        false,
    );
    assert_eq!(p("({a = 1} = {})"), "(paren (= {\"a\":a=1} {}));");
    check_err("() ", "Unexpected token ')'", false);
    assert_eq!(p("(a, b)"), "(paren (seq a b));");
    check_err("(a,) ", "Unexpected token ')'", false);
    check_err("(...a)", "Unexpected token '...'", false);
    check_err("a => ", "Unexpected end of input", true);
    check_err("a\n=> 1", "Unexpected token '=>'", false);
    check_err("var", "Unexpected end of input", true);
    check_err("if (a) {", "Unexpected end of input", true);
    check_err("foo bar", "Unexpected identifier 'bar'", false);
    check_err("x = 1 2", "Unexpected number", false);
    check_err("x = 'a' 'b'", "Unexpected string", false);
    check_err("f(a b)", "missing ) after argument list", false);
    check_err("throw\nx", "Illegal newline after throw", false);
    check_err(
        "let [a] ",
        "Missing initializer in destructuring declaration",
        false,
    );
    check_err(
        "const a;",
        "Missing initializer in const declaration",
        false,
    );
    check_err("a ?? b && c", "Unexpected token '&&'", false);
    check_err(
        "class A { constructor() {} constructor() {} }",
        "A class may only have one constructor",
        false,
    );
    check_err("for (a in b;;) ;", "Unexpected token ';'", false);
    check_err(
        "for (x = 1 in b;;);",
        "Invalid left-hand side in for-loop",
        false,
    );
    check_err(
        "for (!a in b;;);",
        "Invalid left-hand side in for-loop",
        false,
    );
    check_err(
        "function* g() { for (yield '' in {}; ; ) ; }",
        "Invalid left-hand side in for-loop",
        false,
    );
    check_err(
        "for (let x = 1 in o) ;",
        "for-in loop variable declaration may not have an initializer.",
        false,
    );
    check_err("`\\unicode`", "Invalid Unicode escape sequence", false);
    assert_eq!(p("tag`\\unicode`"), "(tag tag `_`);");
    check_err("x = {", "Unexpected end of input", true);
    check_err("function f( {", "Unexpected end of input", true);
    check_err("a.b.c.", "Unexpected end of input", true);
    check_err(
        "({ get x() {} } = o)",
        "Invalid left-hand side in assignment",
        false,
    );
    check_err("[...a, b] = c", "Rest element must be last element", false);
    assert_eq!(p("async\nfunction f() {}"), "async; (Normal f() {})");
    assert_eq!(
        p("var async = 1; async\n(x)"),
        "(Var async=1) (call async x);"
    );
    assert_eq!(p("class A { x = 1\ny = 2\nstatic z\n#w = 3\nm() {} }"), "(class A; field \"x\"=(ClassField _() 1); field \"y\"=(ClassField _() 2); static field \"z\"_; field #w=(ClassField _() 3); Method \"m\" (Method _() {}))");
    assert_eq!(p("var o = { a: 1\n, b: 2 }"), "(Var o={\"a\":1 \"b\":2})");
    assert_eq!(p("a\n?.b"), "(chain a?.b);");
    assert_eq!(p("a\n`t`"), "(tag a `t`);");
    assert_eq!(p("i = 0\ni++\nj"), "(= i 0); (postInc i); j;");
    assert_eq!(
        p("var x = y\n/re/g.exec(z)"),
        "(Var x=(Div (Div y re) (call g.exec z)))"
    );
    assert_eq!(p("{ 1\n2 } 3"), "{1; 2;} 3;");
    assert_eq!(p("do ; while (0) x"), "(do (empty) 0) x;");
    assert_eq!(
        p("function f() { return /* \n*/ 1 }"),
        "(Normal f() {(return _) 1;})"
    );
    assert_eq!(
        p("x = { if: 1, class: 2, function: 3 }.function"),
        "(= x {\"if\":1 \"class\":2 \"function\":3}.function);"
    );
    assert_eq!(p("class C { static async *gen() { yield* x } static get [k]() {} 'quoted'() {} 42() {} }"), "(class C; static Method \"gen\" (Method async *_() {(yield* x);}); static Get [k] (Method _() {}); Method \"quoted\" (Method _() {}); Method \"42\" (Method _() {}))");
    check_err(
        "({ __proto__: null, \"__proto__\": 1 })",
        "Duplicate __proto__ fields are not allowed in object literals",
        false,
    );
    assert_eq!(
        p("a = async function* () { for await (x of y) yield x }"),
        "(= a (Normal async *_() {(for-await x y (yield x);)}));"
    );
    assert_eq!(
        p("(function () { \"use\\x20strict\"; })"),
        "(paren (Normal _() {\"use strict\";}));"
    );
    assert_eq!(p("y = x => x\n/ 2"), "(= y (Arrow _(x) (Div x 2)));");
    assert_eq!(
        p("o = {\n  a: 1,\n  m() { return 2 },\n}"),
        "(= o {\"a\":1 Method \"m\" (Method _() {(return 2)})});"
    );
    assert_eq!(p("if (a) b\nelse c"), "(if a b; c;)");
    assert_eq!(
        p("let x = (a, b) => { }\nlet y = 2"),
        "(Let x=(Arrow _(a b) {})) (Let y=2)"
    );
}
#[test]
fn strict_octal_accessors_rest() {
    check_err(
        "\"use strict\"; var x = 010",
        "Octal literals are not allowed in strict mode.",
        false,
    );
    check_err(
        "function f() { \"use strict\"; return \"\\1\" }",
        "Octal escape sequences are not allowed in strict mode.",
        false,
    );
    assert_eq!(
        p("function f() { return \"\\1\" + 010 + 08 }"),
        "(Normal f() {(return (Add (Add \"\\u{1}\" 8) 8))})"
    );
    check_err(
        "class A { m() { return 010 } }",
        "Octal literals are not allowed in strict mode.",
        false,
    );
    assert_eq!(p("\"\\0\"; 'use strict'; 0"), "\"\\0\"; \"use strict\"; 0;");
    check_err(
        "({ get a(x) {} })",
        "Getter must not have any formal parameters.",
        false,
    );
    check_err(
        "({ set a() {} })",
        "Setter must have exactly one formal parameter.",
        false,
    );
    check_err(
        "({ set a(...x) {} })",
        "Setter function argument must not be a rest parameter",
        false,
    );
    check_err("[...a,] = b", "Rest element must be last element", false);
    check_err("({...a,} = b)", "Rest element must be last element", false);
    check_err(
        "async (...a,) => 1",
        "Rest element must be last element",
        false,
    );
    check_err("({ default })", "Unexpected token 'default'", false);
    check_err(
        "var bre\\u0061k = 1",
        "Keyword must not contain escaped characters",
        false,
    );
    assert_eq!(
        p("({ bre\\u0061k: 1 }).bre\\u0061k"),
        "(paren {\"break\":1}).break;"
    );
}
#[test]
fn error_messages() {
    check_err("f(a b)", "missing ) after argument list", false);
    check_err("f(a, b c)", "missing ) after argument list", false);
    check_err("(a b)", "Unexpected identifier 'b'", false);
    check_err("function f(a b) {}", "Unexpected identifier 'b'", false);
    check_err("f(a;", "missing ) after argument list", false);
    check_err("if (a b) {}", "Unexpected identifier 'b'", false);
    check_err("x = [1 2]", "Unexpected number", false);
    check_err("x = {a: 1 b: 2}", "Unexpected identifier 'b'", false);
    check_err("for (;;", "Unexpected end of input", true);
    check_err("a.b.c.", "Unexpected end of input", true);
    check_err("({a:1}) = 1", "Invalid left-hand side in assignment", false);
    check_err("a++ = 1", "Invalid left-hand side in assignment", false);
    assert_eq!(p("a => {}\n(1)"), "(Arrow _(a) {}); (paren 1);");
    check_err("g(h(x) y)", "missing ) after argument list", false);
    check_err("`${a`", "Unexpected end of input", true);
}

fn first_expr(src: &str) -> Expr {
    let mut s = parse(src);
    match s.body.remove(0).kind {
        StmtKind::Expr(e) => e,
        k => panic!("not an expression statement: {k:?}"),
    }
}

#[test]
fn numeric_property_keys() {
    let e = first_expr("({1.0: a, 0x10: b, 1e21: c, 0.1: d, 1e400: e, 0.0000001: f})");
    assert_eq!(
        expr(&e),
        r#"(paren {"1":a "16":b "1e+21":c "0.1":d "Infinity":e "1e-7":f})"#
    );
}

#[test]
fn spans_and_function_details() {
    let src = "x = 1;\nasync function f(a) { 'use strict'; }\nclass B extends A { constructor() { super() } get g() {} }";
    let s = parse(src);
    let StmtKind::Function(f) = &s.body[1].kind else {
        panic!()
    };
    let text = |sp: Span| &src[sp.start as usize..sp.end as usize];
    assert_eq!(text(f.span), "async function f(a) { 'use strict'; }");
    assert!(f.has_use_strict && f.is_async && !f.is_generator);
    assert!(!s.strict);
    let StmtKind::Class(c) = &s.body[2].kind else {
        panic!()
    };
    let ctor = c.constructor.as_ref().expect("constructor");
    assert_eq!(ctor.kind, FunctionKind::ClassConstructor);
    assert!(ctor.is_derived_ctor);
    assert_eq!(text(ctor.span), "constructor() { super() }");
    let ClassElement::Method { func, kind, .. } = &c.elements[0] else {
        panic!()
    };
    assert_eq!(*kind, MethodKind::Get);
    assert_eq!(text(func.span), "get g() {}");
    assert_eq!(text(s.body[0].span), "x = 1;");
    let e = first_expr("(a, b) => a");
    assert_eq!(e.span, Span::new(0, 11));
    assert!(parse("'use strict'; x").strict);
    assert!(!parse("'use\\x20strict'; x").strict);
    assert!(!parse("('use strict'); x").strict);
}

#[test]
fn template_cooked_and_raw() {
    let e = first_expr("tag`a\\n${x}\\u{41}\r\nb\\xZ`");
    let ExprKind::TaggedTemplate { quasi, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(
        quasi.quasis[0].cooked.as_ref().map(|c| c.to_string()),
        Some("a\n".into())
    );
    assert_eq!(quasi.quasis[0].raw.to_string(), "a\\n");
    assert_eq!(quasi.quasis[1].cooked, None);
    assert_eq!(quasi.quasis[1].raw.to_string(), "\\u{41}\nb\\xZ");
}

#[test]
fn incomplete_input() {
    for src in [
        "if (a) {",
        "function f() {",
        "x = (",
        "foo(",
        "`abc",
        "/* x",
        "a ? b :",
        "let x =",
    ] {
        let e = err(src);
        assert!(e.incomplete, "{src:?} should be incomplete: {}", e.message);
    }
    for src in ["a b", "}", "'abc", "x = 1 2"] {
        assert!(!err(src).incomplete, "{src:?} should not be incomplete");
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    let src = format!("{}{} = y", "[".repeat(3000), "]".repeat(3000));
    let s = parse_script(&src, &ParseOptions::default());
    assert!(s.is_ok());
    std::mem::forget(s); // dropping a 3000-deep AST is the evaluator's concern
}
#[test]
fn annex_b_functions() {
    assert_eq!(p("if (a) function f() {}"), "(if a (Normal f() {}) _)");
    assert_eq!(
        p("if (a) function f() {} else function g() {}"),
        "(if a (Normal f() {}) (Normal g() {}))"
    );
    assert_eq!(
        p("if (a) x; else function g() {}"),
        "(if a x; (Normal g() {}))"
    );
    assert_eq!(p("l: function f() {}"), "(label l (Normal f() {}))");
    check_err(
        "if (a) async function f() {}",
        "In strict mode code, functions can only be declared at top level or inside a block.",
        false,
    );
    check_err(
        "while (a) function f() {}",
        "Unexpected token 'function'",
        false,
    );
    assert_eq!(
        p("if (a) if (b) function f() {} else x"),
        "(if a (if b (Normal f() {}) x;) _)"
    );
}

#[test]
fn edge_cases() {
    assert_eq!(p("class A { static static() {} static get get() {} set set(v) {} static async async() {} get() {} set() {} static() {} async() {} 'constructor'() {} }"), "(class A; ctor (ClassConstructor _() {}); static Method \"static\" (Method _() {}); static Get \"get\" (Method _() {}); Set \"set\" (Method _(v) {}); static Method \"async\" (Method async _() {}); Method \"get\" (Method _() {}); Method \"set\" (Method _() {}); Method \"static\" (Method _() {}); Method \"async\" (Method _() {}))");
    assert_eq!(p("({ get if() {}, set class(v) {}, async function() {}, *yield() {}, await: 1, new: 2 })"), "(paren {Get \"if\" (Method _() {}) Set \"class\" (Method _(v) {}) Method \"function\" (Method async _() {}) Method \"yield\" (Method *_() {}) \"await\":1 \"new\":2});");
    assert_eq!(
        p("for (let [a] = [1]; a < 2; a++) ;"),
        "(for (Let [a]=[1]) (Lt a 2) (postInc a) (empty))"
    );
    check_err("for (x of y, z) ;", "Unexpected token ','", false);
    check_err(
        "for (var [a] = 1 in x) ;",
        "for-in loop variable declaration may not have an initializer.",
        false,
    );
    // V8: an unexpected `await` token is always kUnexpectedReserved.
    check_err("for await (x of y) ;", "Unexpected reserved word", false);
    check_err("x = 1 await;", "Unexpected reserved word", false);
    // A template substitution whose expression is complete but not followed by `}`.
    check_err("`abc ${1", "Missing } in template expression", true);
    check_err("`${a b}`", "Missing } in template expression", false);
    check_err("`abc ${1 + ", "Unexpected end of input", true);
    assert_eq!(
        p("class A { x = 1\n  [y] = 2 }"),
        "(class A; field \"x\"=(ClassField _() (= 1[y] 2)))"
    );
    assert_eq!(p("class A { 'a' = 1; \"b\"; 3 = 4; [5]; #c = this.#c }"), "(class A; field \"a\"=(ClassField _() 1); field \"b\"_; field \"3\"=(ClassField _() 4); field [5]_; field #c=(ClassField _() this.#c))");
    assert_eq!(
        p("a = b ? (c, d) : e => f"),
        "(= a (? b (paren (seq c d)) (Arrow _(e) f)));"
    );
    assert_eq!(
        p("(async function () { await x; for await (const y of z) {} })"),
        "(paren (Normal async _() {(await x); (for-await (Const y) z {})}));"
    );
    assert_eq!(
        p("async () => { await 1 }"),
        "(Arrow async _() {(await 1);});"
    );
    assert_eq!(p("async () => await 1"), "(Arrow async _() (await 1));");
    assert_eq!(p("x = async"), "(= x async);");
    check_err("async\n(x) => x", "Unexpected token '=>'", false);
    assert_eq!(p("label: { break label }"), "(label label {(break label)})");
    assert_eq!(
        p("a: b: c: for (;;) continue a"),
        "(label a (label b (label c (for _ _ _ (continue a)))))"
    );
    assert_eq!(p("if (a) function f() {}"), "(if a (Normal f() {}) _)");
    assert_eq!(
        p("x = { async *[Symbol.iterator]() { yield* [1] } }"),
        "(= x {Method [Symbol.iterator] (Method async *_() {(yield* [1]);})});"
    );
    assert_eq!(p("o?.[k]?.(a)?.b"), "(chain (?call o?[k] a)?.b);");
    assert_eq!(p("(a?.b).c"), "(paren (chain a?.b)).c;");
    assert_eq!(p("new Foo`x`"), "(new (tag Foo `x`) );");
    check_err(
        "a?.b`t`",
        "Invalid tagged template on optional chain",
        false,
    );
    assert_eq!(p("super.x"), "super.x;");
    assert_eq!(
        p("x = y => ({ a } = z)"),
        "(= x (Arrow _(y) (paren (= {\"a\":a} z))));"
    );
    assert_eq!(
        p("({ a: [b, ...c], ...d } = e)"),
        "(paren (= {\"a\":[b ...c] ...d} e));"
    );
    assert_eq!(
        p("[a, [b, {c}], ...[d]] = e"),
        "(= [a [b {\"c\":c}] ...[d]] e);"
    );
    assert_eq!(p("({ a: (b) } = c)"), "(paren (= {\"a\":b} c));");
    assert_eq!(p("({ a: (b.c) } = d)"), "(paren (= {\"a\":b.c} d));");
    assert_eq!(p("[(a)] = b"), "(= [a] b);");
    check_err(
        "[(a = 1)] = b",
        "Invalid destructuring assignment target",
        false,
    );
    assert_eq!(
        p("({ a } = { a } = c)"),
        "(paren (= {\"a\":a} (= {\"a\":a} c)));"
    );
    assert_eq!(
        p("(a = 1, [b], {c}) => 0"),
        "(Arrow _(a=1 [b] {\"c\":c}) 0);"
    );
    check_err(
        "((a)) => 0",
        "Invalid destructuring assignment target",
        false,
    );
    check_err(
        "(a.b) => 0",
        "Invalid destructuring assignment target",
        false,
    );
    assert_eq!(p("(...[a, b]) => 0"), "(Arrow _(...[a b]) 0);");
    check_err("(a, ...b, c) => 0", "Unexpected token ','", false);
    assert_eq!(p("x = a => b, c"), "(seq (= x (Arrow _(a) b)) c);");
    assert_eq!(p("var \\u{61}b = 1"), "(Var ab=1)");
    check_err(
        "x = '\\u{110000}'",
        "Invalid Unicode escape sequence",
        false,
    );
    assert_eq!(p("x = 1_0.0_1e1_0"), "(= x 100100000000);");
    check_err("x = 0x_1", "Invalid or unexpected token", false);
    assert_eq!(p("x = /a/gimsuyd"), "(= x /a/gimsuyd);");
    assert_eq!(p("x = /[/]/"), "(= x /[/]/);");
    assert_eq!(p("x = a / /b/"), "(= x (Div a /b/));");
    assert_eq!(p("x = y / z / w"), "(= x (Div (Div y z) w));");
    assert_eq!(p("a = b\n++c"), "(= a b); (preInc c);");
    assert_eq!(p("a\n--\nb"), "a; (preDec b);");
    assert_eq!(p("throw /* comment */ x"), "(throw x)");
    assert_eq!(
        p("var x = 1 /* multi\nline */ var y = 2"),
        "(Var x=1) (Var y=2)"
    );
    assert_eq!(p("debugger"), "(debugger)");
    check_err(
        "var a = function () {} /re/",
        "Unexpected end of input",
        true,
    );
}
#[test]
fn class_early_errors() {
    check_err(
        "class let {}",
        "Unexpected strict mode reserved word",
        false,
    );
    check_err(
        "class A { static prototype; }",
        "Classes may not have a static property named 'prototype'",
        false,
    );
    check_err(
        "class A { static prototype() {} }",
        "Classes may not have a static property named 'prototype'",
        false,
    );
    assert_eq!(
        p("class A { prototype() {} static x() {} }"),
        "(class A; Method \"prototype\" (Method _() {}); static Method \"x\" (Method _() {}))"
    );
    check_err(
        "class A { constructor = 1 }",
        "Classes may not have a field named 'constructor'",
        false,
    );
    check_err(
        "class A { #a; #a; }",
        "Identifier '#a' has already been declared",
        false,
    );
    assert_eq!(
        p("class A { get #a() {} set #a(v) {} }"),
        "(class A; Get #a (Method _() {}); Set #a (Method _(v) {}))"
    );
    check_err(
        "class A { get #a() {} get #a() {} }",
        "Identifier '#a' has already been declared",
        false,
    );
    check_err(
        "class A { static get #a() {} set #a(v) {} }",
        "Identifier '#a' has already been declared",
        false,
    );
    check_err(
        "class A { #constructor() {} }",
        "Classes may not have a private field named '#constructor'",
        false,
    );
    check_err(
        "class A { get constructor() {} }",
        "Class constructor may not be a special method",
        false,
    );
}

#[test]
fn asi_statement_spans_are_tight() {
    let src = "a = 1 // c\n\nfoo()\nreturn_ = 2;";
    let s = parse(src);
    let text = |sp: Span| &src[sp.start as usize..sp.end as usize];
    assert_eq!(text(s.body[0].span), "a = 1");
    assert_eq!(text(s.body[1].span), "foo()");
    assert_eq!(text(s.body[2].span), "return_ = 2;");
}
#[test]
fn multiline_class_fields() {
    assert_eq!(
        p("class A { x = a\n  instanceof B\n  y = 2 }"),
        "(class A; field \"x\"=(ClassField _() (InstanceOf a B)); field \"y\"=(ClassField _() 2))"
    );
    assert_eq!(p("class A { static x = foo(\n  a,\n  b)\n  m() { return 1 } }"), "(class A; static field \"x\"=(ClassField _() (call foo a b)); Method \"m\" (Method _() {(return 1)}))");
    assert_eq!(
        p("class A { x = a\n  .b\n  .delete() }"),
        "(class A; field \"x\"=(ClassField _() (call a.b.delete )))"
    );
}

#[test]
fn top_level_await_option() {
    let opts = ParseOptions {
        top_level_await: true,
        ..Default::default()
    };
    let s = parse_script("const x = await f(); for await (const y of z) ;", &opts).expect("parses");
    assert_eq!(
        stmts(&s.body),
        "(Const x=(await (call f ))) (for-await (Const y) z (empty))"
    );
    // Without the option `await` is an identifier at top level.
    assert_eq!(p("await(1)"), "(call await 1);");
}
#[test]
fn proto_and_for_targets() {
    check_err(
        "x = { __proto__: a, __proto__: b }",
        "Duplicate __proto__ fields are not allowed in object literals",
        false,
    );
    check_err(
        "({ __proto__: a, \"__proto__\": b })",
        "Duplicate __proto__ fields are not allowed in object literals",
        false,
    );
    assert_eq!(
        p("({ __proto__: a, [\"__proto__\"]: b, __proto__ })"),
        "(paren {\"__proto__\":a [\"__proto__\"]:b __proto__});"
    );
    assert_eq!(
        p("({ __proto__: a, __proto__: b } = c)"),
        "(paren (= {\"__proto__\":a \"__proto__\":b} c));"
    );
    check_err(
        "for (a + b in c) ;",
        "Invalid left-hand side in for-in loop",
        false,
    );
    check_err(
        "for (a?.b of c) ;",
        "Invalid left-hand side in for-of loop",
        false,
    );
    assert_eq!(p("for ((a) of c) ;"), "(for-of a c (empty))");
}

#[test]
fn misc_targets_and_params() {
    check_err(
        "new a?.b()",
        "Invalid optional chain from new expression",
        false,
    );
    check_err("a?.b = 1", "Invalid left-hand side in assignment", false);
    check_err(
        "a?.b++",
        "Invalid left-hand side expression in postfix operation",
        false,
    );
    assert_eq!(p("delete a?.b"), "(Delete (chain a?.b));");
    check_err(
        "for (a?.b of c) ;",
        "Invalid left-hand side in for-of loop",
        false,
    );
    assert_eq!(p("super()"), "(super );");
    check_err(
        "x = { __proto__: a, __proto__: b }",
        "Duplicate __proto__ fields are not allowed in object literals",
        false,
    );
    assert_eq!(
        p("a => a => { \"use strict\"; }"),
        "(Arrow _(a) (Arrow strict _(a) {\"use strict\";}));"
    );
    assert_eq!(
        p("function f(a = 1, { b }, [c], ...d) {}"),
        "(Normal f(a=1 {\"b\":b} [c] ...d) {})"
    );
    check_err("function f(...a, b) {}", "Unexpected token ','", false);
    assert_eq!(p("function f(a,) {}"), "(Normal f(a) {})");
    check_err("function f(...a,) {}", "Unexpected token ','", false);
    assert_eq!(p("f(...a, ...b,)"), "(call f ...a ...b);");
    assert_eq!(
        p("let {a, b: {c}} = d, [e = 1, [f]] = g"),
        "(Let {\"a\":a \"b\":{\"c\":c}}=d [e=1 [f]]=g)"
    );
    assert_eq!(p("x = {a, b} = {}"), "(= x (= {\"a\":a \"b\":b} {}));");
    check_err("[a, b] += c", "Invalid left-hand side in assignment", false);
    check_err("(a, b) = c", "Invalid left-hand side in assignment", false);
    assert_eq!(p("`${a}${b}`"), "`${a}${b}`;");
    assert_eq!(p("`a\\\nb`"), "`ab`;");
}
#[test]
fn let_as_identifier() {
    assert_eq!(p("let = 1"), "(= let 1);");
    assert_eq!(p("let.x = let[0]"), "(= let.x let[0]);");
    assert_eq!(p("var let = 1; let"), "(Var let=1) let;");
    assert_eq!(p("for (let in o) ;"), "(for-in let o (empty))");
    assert_eq!(
        p("let x = 1, [y] = z, {w} = v"),
        "(Let x=1 [y]=z {\"w\":w}=v)"
    );
    assert_eq!(p("let\nx = 1"), "(Let x=1)");
    assert_eq!(p("x = { let, let: 1 }"), "(= x {let \"let\":1});");
    assert_eq!(p("let(1)"), "(call let 1);");
    assert_eq!(p("if (a) let"), "(if a let; _)");
    assert_eq!(p("for (let.x of y) ;"), "(for-of let.x y (empty))");
    check_err("for (let of x) ;", "Unexpected identifier 'x'", false);
    assert_eq!(p("let instanceof Foo"), "(InstanceOf let Foo);");
    assert_eq!(
        p("if (false) let // ASI\nx = 1"),
        "(if false let; _) (= x 1);"
    );
    assert_eq!(p("if (false) let\n{}"), "(if false let; _) {}");
    assert_eq!(p("x = let[0]"), "(= x let[0]);");
    assert_eq!(
        p("switch (a) { case 1: let x = 1 }"),
        "(switch a (case 1 (Let x=1)))"
    );
    assert_eq!(p("do let\nwhile (0)"), "(do let; 0)");
    assert_eq!(p("for (let x of y) ;"), "(for-of (Let x) y (empty))");
    assert_eq!(
        p("for (let [a, b] of c) ;"),
        "(for-of (Let [a b]) c (empty))"
    );
    assert_eq!(
        p("for (let i = 0; i < 1; i++) ;"),
        "(for (Let i=0) (Lt i 1) (postInc i) (empty))"
    );
    assert_eq!(
        p("for (let {a} in b) ;"),
        "(for-in (Let {\"a\":a}) b (empty))"
    );
    assert_eq!(
        p("async function f() { for await (let x of y) ; }"),
        "(Normal async f() {(for-await (Let x) y (empty))})"
    );
    assert_eq!(p("(let)"), "(paren let);");
}
#[test]
fn let_after_labels() {
    assert_eq!(p("L: let // ASI\nx = 1"), "(label L let;) (= x 1);");
    assert_eq!(p("L: let\n{}"), "(label L let;) {}");
    assert_eq!(
        p("switch (a) { case b: let x = 1 }"),
        "(switch a (case b (Let x=1)))"
    );
    assert_eq!(
        p("switch (a) { default: let x = 1 }"),
        "(switch a (case _ (Let x=1)))"
    );
    assert_eq!(p("x = a ? b : let"), "(= x (? a b let));");
    check_err("L: let [a] = b", "Unexpected token '['", false);
}
#[test]
fn async_of() {
    assert_eq!(
        p("for (async of => {}; i < 1; i++) ;"),
        "(for (Arrow async _(of) {}) (Lt i 1) (postInc i) (empty))"
    );
    check_err(
        "for (async of x) ;",
        "The left-hand side of a for-of loop may not be 'async'.",
        false,
    );
    assert_eq!(p("f = async of => of"), "(= f (Arrow async _(of) of));");
}

#[test]
fn module_goal_desugars_imports_and_exports() {
    let opts = ParseOptions {
        strict: true,
        top_level_await: true,
        module: true,
    };
    let src = "import d, { a as b, c } from 'm'; import * as ns from 'n'; import 'side';
        export default function () {} export const x = 1; export { x as y }; export * from 'o';
        const p = import('q'); const u = import.meta.url;";
    let (s, items) = crate::parser::parse_module(src, &opts).expect("parses as a module");
    assert_eq!(s.body.len(), 9);
    // Imports become immutable bindings that linking makes indirect; `import 'm'` and
    // `export ... from` leave nothing to run.
    let is_import = |st: &Stmt| {
        matches!(&st.kind, StmtKind::Var(v) if v.kind == VarKind::Const
            && v.decls.iter().all(|d| matches!(d.init.as_ref().map(|e| &e.kind), Some(ExprKind::ImportBinding))))
    };
    assert!(is_import(&s.body[0]) && is_import(&s.body[1]));
    assert!(matches!(s.body[2].kind, StmtKind::Empty));
    assert!(matches!(s.body[6].kind, StmtKind::Empty));
    // The module's requests, import entries and export entries (ParseModule).
    let specs: Vec<String> = items
        .requests
        .iter()
        .map(|r| r.specifier.to_string())
        .collect();
    assert_eq!(specs, ["m", "n", "side", "o"]);
    let imports: Vec<(Option<String>, String)> = items
        .imports
        .iter()
        .map(|i| {
            (
                i.import_name.as_ref().map(|n| n.to_string()),
                i.local_name.to_string(),
            )
        })
        .collect();
    assert_eq!(
        imports,
        [
            (Some("default".into()), "d".into()),
            (Some("a".into()), "b".into()),
            (Some("c".into()), "c".into()),
            (None, "ns".into()),
        ]
    );
    let exports: Vec<Option<String>> = items
        .exports
        .iter()
        .map(|e| e.export_name.as_ref().map(|n| n.to_string()))
        .collect();
    assert_eq!(
        exports,
        [
            Some("default".into()),
            Some("x".into()),
            Some("y".into()),
            None
        ]
    );
    assert!(
        matches!(&s.body[3].kind, StmtKind::Function(f) if f.name.as_ref().is_some_and(|n| n.name.to_string() == "default"))
    );
    // Outside the Module goal, the same forms are V8's errors.
    let script = ParseOptions::default();
    let e = parse_script("import x from 'm';", &script).unwrap_err();
    assert_eq!(e.message, "Cannot use import statement outside a module");
    let e = parse_script("export const x = 1;", &script).unwrap_err();
    assert_eq!(e.message, "Unexpected token 'export'");
    let e = parse_script("import.meta", &script).unwrap_err();
    assert_eq!(e.message, "Cannot use 'import.meta' outside a module");
    // import() is an expression in scripts too.
    assert!(parse_script("import('events').then(m => m)", &script).is_ok());
}

/// The Expression after `in` in a for-in head may be an assignment, arrow function or
/// `yield` (valid in Node; `for (t in u = {x: 1})` appears in published libraries).
#[test]
fn for_in_right_side_is_an_expression() {
    assert_eq!(p("for (t in u = o) ;"), "(for-in t (= u o) (empty))");
    assert_eq!(
        p("for (t in u += 'ab', v) ;"),
        "(for-in t (seq (Add= u \"ab\") v) (empty))"
    );
    assert_eq!(
        p("for (t in [a, b] = c) ;"),
        "(for-in t (= [a b] c) (empty))"
    );
    assert_eq!(p("for (t.x in u = o) ;"), "(for-in t.x (= u o) (empty))");
    assert_eq!(
        p("for (var x = 1 in u = o) ;"),
        "(for-in (Var x=1) (= u o) (empty))"
    );
    assert_eq!(
        p("for (t in () => 1) ;"),
        "(for-in t (Arrow _() 1) (empty))"
    );
    assert_eq!(
        p("for (t in async x => x) ;"),
        "(for-in t (Arrow async _(x) x) (empty))"
    );
    assert_eq!(
        p("function* g() { for (t in yield) ; }"),
        "(Normal *g() {(for-in t (yield _) (empty))})"
    );
    assert_eq!(
        p("x = 'a' in o; y = 'b' in o ? 1 : 2"),
        "(= x (In \"a\" o)); (= y (? (In \"b\" o) 1 2));"
    );
    // Elsewhere these are V8's errors.
    check_err(
        "x = (t in u = o)",
        "Invalid left-hand side in assignment",
        false,
    );
    check_err(
        "for (a in b in c = o) ;",
        "Invalid left-hand side in assignment",
        false,
    );
    check_err(
        "for (t in (x in u = o)) ;",
        "Invalid left-hand side in assignment",
        false,
    );
    check_err(
        "for (t in u + 1 = 2) ;",
        "Invalid left-hand side in assignment",
        false,
    );
    check_err(
        "x = t in () => 1",
        "Malformed arrow function parameter list",
        false,
    );
    check_err(
        "function* g() { x = t in yield }",
        "Unexpected identifier 'yield'",
        false,
    );
}

/// Reserved words as property keys of binding patterns: the lexer must see the pattern's `{`
/// as object-literal-like (keys are names), and a `class` key must not leave a class body
/// pending for the next `{` at its depth.
#[test]
fn reserved_words_as_pattern_keys() {
    assert_eq!(
        p("var { class: k } = {}; { { if (1) {} } }"),
        "(Var {\"class\":k}={}) {{(if 1 {} _)}}"
    );
    assert_eq!(
        p("let { if: a, function: f, ...r } = o; { { for (;;) {} } }"),
        "(Let {\"if\":a \"function\":f ...r}=o) {{(for _ _ _ {})}}"
    );
    for src in [
        "const { for: x, while: w } = o; { { while (0) {} } }",
        "function f({ class: c, if: i }) { { if (1) { return c } } }",
        "for (const { class: k } of o) { { if (1) {} } }",
        "try {} catch ({ class: k }) { { if (1) {} } }",
        "var [{ class: k }] = o; { { if (1) {} } }",
        "var { a: { class: k } } = o; { { if (1) {} } }",
        "({ class: k } = o); { { if (1) {} } }",
        "var { class: c = class { m() { if (1) {} } } } = o; { { if (1) {} } }",
        "var { class: k } = o\n{ { if (1) {} } }",
        "var { class: k } = o, y = /x/g; { { if (1) {} } }",
    ] {
        parse(src);
    }
}

/// A lone number as an array literal's element is the lexer's `NumElem` (issue #12: the
/// grammar takes it without the expression levels); everywhere else a number stays `Num`,
/// and the AST and errors are those of the ordinary path.
#[test]
fn lone_numbers_in_array_literals() {
    use crate::lexer::{tokenize_goal, Tok};
    let kinds = |src: &str| -> Vec<&'static str> {
        tokenize_goal(src, false, false)
            .0
            .iter()
            .filter_map(|t| match t.tok {
                Tok::Num(_) => Some("num"),
                Tok::NumElem(_) => Some("elem"),
                _ => None,
            })
            .collect()
    };
    assert_eq!(kinds("x = [1, 2.5,\n 0x10 , 1e3]"), ["elem"; 4]);
    assert_eq!(kinds("[[1], [2, 3]]"), ["elem"; 3]);
    assert_eq!(kinds("f([1], 2)"), ["elem", "num"]);
    // Not elements: member access, computed keys, operands, comments after, holes.
    assert_eq!(kinds("a[1]; a?.[2]; f()[3]; a[4][5]"), ["num"; 5]);
    assert_eq!(kinds("({[1]: 2, a: 3, [4]: 5})"), ["num"; 5]);
    assert_eq!(
        kinds("class A { [1]() {} static [2] = 3; get [4]() {} }"),
        ["num"; 4]
    );
    assert_eq!(
        kinds("x = [1 + 2, -3, 4 /* c */, 5]"),
        ["num"; 4]
            .iter()
            .chain(&["elem"])
            .copied()
            .collect::<Vec<_>>()
    );
    assert_eq!(
        p("x = [1, , 2.5, 1_000, .5, 0b11]"),
        "(= x [1 _ 2.5 1000 0.5 3]);"
    );
    assert_eq!(p("x = [1, 2]"), "(= x [1 2]);");
    assert_eq!(p("x = [[1], 2]"), "(= x [[1] 2]);");
    // Errors are the ordinary ones.
    assert_eq!(
        err("[a, 1] = b").message,
        "Invalid destructuring assignment target"
    );
    assert_eq!(
        err("for ([1] of a);").message,
        "Invalid destructuring assignment target"
    );
    assert_eq!(err("x = [1 2]").message, "Unexpected number");
    assert_eq!(
        err("'use strict'; x = [010]").message,
        "Octal literals are not allowed in strict mode."
    );
}

/// lalrpop moves a `(usize, symbol, usize)` on every shift and reduce, and a symbol is as
/// large as its largest variant (issue #12: 216-byte entries were a third of the parser's
/// instructions on 10^5 function declarations). Boxing a rare part keeps it small.
#[test]
fn parser_symbols_are_small() {
    use std::mem::size_of;
    assert_eq!(super::grammar::SYMBOL_SIZE, 112);
    assert_eq!(size_of::<Expr>(), 72);
    assert_eq!(size_of::<Stmt>(), 104);
    assert_eq!(size_of::<Declarator>(), 64);
    assert_eq!(size_of::<PropDef>(), 88);
}

/// A declaration's binding pattern with an element that is no binding target: V8's messages
/// (it parses the pattern as an expression, then checks it), not the token's.
#[test]
fn binding_pattern_messages() {
    let invalid = "Invalid destructuring assignment target";
    for src in [
        "var [a, 1] = b",
        "let {a: 1} = b",
        "function f([1]) {}",
        "let [a + 1] = b",
        "let [...1] = a",
        "var [(a)] = b",
        "let [a = 1, 2] = b",
        "for (let [1] of a);",
        "try {} catch ([1]) {}",
        "let [a, 's'] = b",
        "let [f()] = b",
        "let [[1]] = b",
        "let [{a: 2}] = b",
        "var {a: 1n} = b",
        "let [this] = b",
        "var [null] = b",
        "let [x] = 1, [y, 2] = 3",
        "function g(a, [1]) {}",
    ] {
        check_err(src, invalid, false);
    }
    for src in [
        "const [a.b] = c",
        "var {a: b.c} = d",
        "(function ([a.b]) {})",
    ] {
        check_err(src, "Illegal property in declaration context", false);
    }
    check_err(
        "let {...{a}} = b",
        "`...` must be followed by an identifier in declaration contexts",
        false,
    );
    // A literal as a shorthand property: V8 reports the literal.
    check_err("let {1} = a", "Unexpected number", false);
    check_err("let {'s'} = a", "Unexpected string", false);
    check_err("let {1, b} = a", "Unexpected number", false);
    check_err("let {1 = 2} = a", "Unexpected number", false);
    check_err("({1} = a)", "Unexpected number", false);
    check_err("x = {1}", "Unexpected number", false);
    check_err("let {a, 2} = b", "Unexpected number", false);
    // Not patterns: the token's message.
    check_err("let x = [a 1]", "Unexpected number", false);
    check_err("let x = g(a, [1 2])", "Unexpected number", false);
    check_err("f([a 1])", "Unexpected number", false);
}

#[test]
fn optional_chain_messages() {
    for src in ["new X?.()", "new a.b?.c()", "new a?.b", "new X?.y"] {
        check_err(src, "Invalid optional chain from new expression", false);
    }
    check_err("a?.`x`", "Invalid tagged template on optional chain", false);
    check_err(
        "a?.b`x${1}`",
        "Invalid tagged template on optional chain",
        false,
    );
    // Valid: the chain is parenthesized, or the optional call follows the `new` expression.
    parse("new (a?.b)()");
    parse("new a[0](b)?.c");
}

/// Binary and logical operators are parsed as one flat chain and folded by precedence
/// (`Ctx::binary_chain`): the trees, spans and errors of the specification's levels.
#[test]
fn binary_chains() {
    assert_eq!(p("a - b - c + d"), "(Add (Sub (Sub a b) c) d);");
    assert_eq!(p("a * b + c * d"), "(Add (Mul a b) (Mul c d));");
    assert_eq!(
        p("a + b * c - d / e % f"),
        "(Sub (Add a (Mul b c)) (Mod (Div d e) f));"
    );
    assert_eq!(p("a < b == c > d"), "(Eq (Lt a b) (Gt c d));");
    assert_eq!(
        p("a | b ^ c & d | e"),
        "(BitOr (BitOr a (BitXor b (BitAnd c d))) e);"
    );
    assert_eq!(p("a && b || c && d"), "(Or (And a b) (And c d));");
    assert_eq!(p("a || b || c"), "(Or (Or a b) c);");
    assert_eq!(p("a in b instanceof c"), "(InstanceOf (In a b) c);");
    assert_eq!(p("a ?? b | c"), "(Nullish a (BitOr b c));");
    assert_eq!(
        p("x = a * -b + c ** d ** e"),
        "(= x (Add (Mul a (Minus b)) (Exp c (Exp d e))));"
    );
    for (src, op) in [
        ("a ?? b || c", "||"),
        ("a || b ?? c", "??"),
        ("a && b ?? c", "??"),
        ("a ?? b && c", "&&"),
        ("a ?? b + c || d", "||"),
    ] {
        let e = err(src);
        assert_eq!(e.message, format!("Unexpected token '{op}'"), "{src}");
        assert_eq!(
            &src[e.span.start as usize..e.span.end as usize],
            op,
            "{src}"
        );
    }
    // A private name only as the left operand of `in`, at `in`'s level.
    let cls = |body: &str| format!("class C {{ #x; m(o) {{ return {body}; }} }}");
    assert!(parse_script(&cls("#x in o"), &ParseOptions::default()).is_ok());
    assert!(parse_script(&cls("a == #x in o && b"), &ParseOptions::default()).is_ok());
    assert!(parse_script(&cls("#x in o in p"), &ParseOptions::default()).is_ok());
    for bad in [
        "#x + 1",
        "1 < #x in o",
        "a in #x",
        "#x instanceof o",
        "1 + #x in o",
    ] {
        let e = err(&cls(bad));
        assert_eq!(e.message, "Unexpected identifier '#x'", "{bad}");
    }
    // Each node spans its operands.
    let src = "(a) + b * c";
    let e = first_expr(src);
    assert_eq!(e.span, Span::new(0, src.len()));
    let ExprKind::Binary(_, _, r) = &e.kind else {
        panic!()
    };
    assert_eq!(&src[r.span.start as usize..r.span.end as usize], "b * c");
    // The for-in heads whose right side is an assignment, arrow or `yield`.
    assert_eq!(p("for (a in b = c) ;"), "(for-in a (= b c) (empty))");
    assert_eq!(
        p("for (a.b in c => d) ;"),
        "(for-in a.b (Arrow _(c) d) (empty))"
    );
}
