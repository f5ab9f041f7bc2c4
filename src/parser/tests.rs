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
        Ok(s) => panic!("expected a syntax error for {src:?}, got {}", stmts(&s.body)),
        Err(e) => e,
    }
}

fn err_msg(src: &str) -> String {
    err(src).message
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
fn dflt(o: &Option<Expr>) -> String {
    o.as_ref().map(|e| format!("={}", expr(e))).unwrap_or_default()
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
            format!("(if {} {} {})", expr(test), stmt(cons), opt(alt, |a| stmt(a)))
        }
        StmtKind::For {
            init,
            test,
            update,
            body,
            ..
        } => format!(
            "(for {} {} {} {})",
            opt(init, |i| match i {
                ForInit::Var(d) => var(d),
                ForInit::Expr(e) => expr(e),
            }),
            opt(test, expr),
            opt(update, expr),
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
            match left {
                ForHead::Decl { kind, target, init } =>
                    format!("({:?} {}{})", kind, pat(target), dflt(init)),
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
        .map(|d| format!("{}{}", pat(&d.target), dflt(&d.init)))
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
        .map(|p| format!("{}{}", pat(&p.target), dflt(&p.default)))
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
            if ctor.is_derived_ctor { "(derived)" } else { "" },
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
                        dflt(&p.default)
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
                        format!("{}{}", pat(&e.target), dflt(&e.default))
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
        ExprKind::This => "this".into(),
        ExprKind::Number(n) => format!("{n}"),
        ExprKind::String(s) => format!("{:?}", s.to_string()),
        ExprKind::Bool(b) => format!("{b}"),
        ExprKind::Null => "null".into(),
        ExprKind::Regex { pattern, flags } => format!("/{pattern}/{flags}"),
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
            format!("({}{op:?} {})", if *prefix { "pre" } else { "post" }, expr(target))
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
        } => format!(
            "({}call {} {})",
            if *optional { "?" } else { "" },
            expr(callee),
            args(a)
        ),
        ExprKind::New { callee, args: a } => format!("(new {} {})", expr(callee), args(a)),
        ExprKind::SuperCall(a) => format!("(super {})", args(a)),
        ExprKind::Member {
            object,
            prop,
            optional,
        } => format!(
            "{}{}{}",
            expr(object),
            if *optional { "?" } else { "" },
            member_prop(prop)
        ),
        ExprKind::SuperMember(p) => format!("super{}", member_prop(p)),
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
        ExprKind::NewTarget => "new.target".into(),
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
            Err(e) => println!("{line:?}\n  ERR {} {:?} incomplete={}", e.message, e.span, e.incomplete),
        }
    }
}
