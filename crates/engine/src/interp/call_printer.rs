//! V8's `CallPrinter`: the source-like rendering of an expression used in messages such as
//! `o.f is not a function`, `(void 0) is not a function` or `Cannot destructure property 'a'
//! of 'obj.missing'`. It prints V8's AST, so it mirrors what V8's parser does to the source:
//! parentheses are dropped, left-nested chains of one binary operator are flattened
//! (`(a + b + c)`), operations on number literals are folded (`2 ** 3` is `8`), as are concatenations of
//! string literals (`"b" + "c"` is `"bc"`, since V8 13.6), and nodes it
//! cannot print are `(intermediate value)`.

use crate::ast::{ArrayElem, BinaryOp, Expr, ExprKind, LogicalOp, MemberProp, Pattern, UnaryOp};
use crate::value::number_to_string;

const INTERMEDIATE: &str = "(intermediate value)";

/// The text V8 prints for `e`.
pub fn print(e: &Expr) -> String {
    match fold(e) {
        Some(Lit::Num(n)) => number_to_string(n),
        Some(Lit::Bool(b)) => b.to_string(),
        Some(Lit::Str(s)) => format!("\"{s}\""),
        None => print_node(e),
    }
}

/// A literal the parser folds an expression into.
enum Lit {
    Num(f64),
    Bool(bool),
    /// A concatenation of string literals (V8 13.6 folds `"b" + "c"`).
    Str(crate::string::JsStr),
}

/// The literal V8's parser turns `e` into, if any (number literals, unary `-`, `+`, `~`, `!`
/// on literals, and arithmetic/bitwise operators on two number literals).
fn fold(e: &Expr) -> Option<Lit> {
    match &e.kind {
        ExprKind::Paren(x) => fold(x),
        ExprKind::Number(n) => Some(Lit::Num(*n)),
        ExprKind::Unary(op, x) => {
            let inner = fold(x);
            match (op, inner) {
                (UnaryOp::Not, Some(Lit::Num(n))) => Some(Lit::Bool(n == 0.0 || n.is_nan())),
                (UnaryOp::Not, Some(Lit::Bool(b))) => Some(Lit::Bool(!b)),
                (UnaryOp::Not, None) => match &strip(x).kind {
                    ExprKind::String(s) => Some(Lit::Bool(s.is_empty())),
                    ExprKind::Null => Some(Lit::Bool(true)),
                    _ => None,
                },
                (UnaryOp::Minus, Some(Lit::Num(n))) => Some(Lit::Num(-n)),
                (UnaryOp::Plus, Some(Lit::Num(n))) => Some(Lit::Num(n)),
                (UnaryOp::BitNot, Some(Lit::Num(n))) => Some(Lit::Num(!to_int32(n) as f64)),
                _ => None,
            }
        }
        ExprKind::Bool(b) => Some(Lit::Bool(*b)),
        ExprKind::Binary(BinaryOp::Add, l, r) if is_string_lit(l) && is_string_lit(r) => {
            let text = |e: &Expr| match (fold(e), &strip(e).kind) {
                (Some(Lit::Str(s)), _) => Some(s),
                (_, ExprKind::String(s)) => Some(s.clone()),
                _ => None,
            };
            let (a, b) = (text(l)?, text(r)?);
            let mut units = a.units().to_vec();
            units.extend_from_slice(b.units());
            Some(Lit::Str(crate::string::JsStr::from_units(units)))
        }
        ExprKind::Binary(op, l, r) => {
            let (Some(Lit::Num(x)), Some(Lit::Num(y))) = (fold(l), fold(r)) else {
                return None;
            };
            let (xi, yi) = (to_int32(x), to_int32(y));
            let shift = (yi & 0x1f) as u32;
            Some(Lit::Num(match op {
                BinaryOp::Add => x + y,
                BinaryOp::Sub => x - y,
                BinaryOp::Mul => x * y,
                BinaryOp::Div => x / y,
                BinaryOp::Exp => crate::interp::ops::js_pow(x, y),
                BinaryOp::BitOr => (xi | yi) as f64,
                BinaryOp::BitAnd => (xi & yi) as f64,
                BinaryOp::BitXor => (xi ^ yi) as f64,
                BinaryOp::Shl => xi.wrapping_shl(shift) as f64,
                BinaryOp::Shr => (xi >> shift) as f64,
                BinaryOp::UShr => ((xi as u32) >> shift) as f64,
                _ => return None,
            }))
        }
        _ => None,
    }
}

/// A string literal, or a concatenation of them.
fn is_string_lit(e: &Expr) -> bool {
    match &strip(e).kind {
        ExprKind::String(_) => true,
        ExprKind::Binary(BinaryOp::Add, l, r) => is_string_lit(l) && is_string_lit(r),
        _ => false,
    }
}

fn to_int32(n: f64) -> i32 {
    crate::value::to_int32(n)
}

fn strip(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip(x),
        _ => e,
    }
}

fn binary_token(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Div => "/",
        BinaryOp::Mod => "%",
        BinaryOp::Exp => "**",
        BinaryOp::Shl => "<<",
        BinaryOp::Shr => ">>",
        BinaryOp::UShr => ">>>",
        BinaryOp::BitAnd => "&",
        BinaryOp::BitOr => "|",
        BinaryOp::BitXor => "^",
        BinaryOp::Eq => "==",
        BinaryOp::NotEq => "!=",
        BinaryOp::StrictEq => "===",
        BinaryOp::StrictNotEq => "!==",
        BinaryOp::Lt => "<",
        BinaryOp::Gt => ">",
        BinaryOp::LtEq => "<=",
        BinaryOp::GtEq => ">=",
        BinaryOp::In => "in",
        BinaryOp::InstanceOf => "instanceof",
    }
}

fn is_compare(op: BinaryOp) -> bool {
    matches!(
        op,
        BinaryOp::Eq
            | BinaryOp::NotEq
            | BinaryOp::StrictEq
            | BinaryOp::StrictNotEq
            | BinaryOp::Lt
            | BinaryOp::Gt
            | BinaryOp::LtEq
            | BinaryOp::GtEq
            | BinaryOp::In
            | BinaryOp::InstanceOf
    )
}

/// The operands of a left-nested chain of `op` (V8's NaryOperation).
fn binary_chain<'a>(e: &'a Expr, op: BinaryOp, out: &mut Vec<&'a Expr>) {
    match &strip(e).kind {
        ExprKind::Binary(o, l, r) if *o == op && fold(e).is_none() => {
            binary_chain(l, op, out);
            out.push(r);
        }
        _ => out.push(e),
    }
}

fn logical_chain<'a>(e: &'a Expr, op: LogicalOp, out: &mut Vec<&'a Expr>) {
    match &strip(e).kind {
        ExprKind::Logical(o, l, r) if *o == op => {
            logical_chain(l, op, out);
            out.push(r);
        }
        _ => out.push(e),
    }
}

fn join_op(parts: &[&Expr], token: &str) -> String {
    let inner: Vec<String> = parts.iter().map(|p| print(p)).collect();
    format!("({})", inner.join(&format!(" {token} ")))
}

fn print_node(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(id) => id.name.to_rust_string(),
        ExprKind::This(_) => "this".into(),
        ExprKind::NewTarget(_) => ".new.target".into(),
        ExprKind::String(s) => format!("\"{s}\""),
        ExprKind::Null => "null".into(),
        ExprKind::Regex { pattern, flags } => format!("/{pattern}/{flags}"),
        ExprKind::Template(t) => {
            if t.exprs.is_empty() {
                match t.quasis.first().and_then(|q| q.cooked.as_ref()) {
                    Some(s) => format!("\"{s}\""),
                    None => INTERMEDIATE.into(),
                }
            } else {
                t.exprs.iter().map(print).collect()
            }
        }
        ExprKind::Array(elems) => {
            let parts: Vec<String> = elems
                .iter()
                .map(|el| match el {
                    None => INTERMEDIATE.into(),
                    Some(ArrayElem::Expr(x)) => print(x),
                    Some(ArrayElem::Spread(x)) => format!("(...{})", print(x)),
                })
                .collect();
            format!("[{}]", parts.join(","))
        }
        ExprKind::Object(props) => format!("{{{}}}", INTERMEDIATE.repeat(props.len())),
        ExprKind::Unary(op, x) => {
            let token = match op {
                UnaryOp::Minus => "-",
                UnaryOp::Plus => "+",
                UnaryOp::Not => "!",
                UnaryOp::BitNot => "~",
                UnaryOp::Typeof => "typeof ",
                UnaryOp::Void => "void ",
                UnaryOp::Delete => "delete ",
            };
            format!("({token}{})", print(x))
        }
        ExprKind::Update { op, prefix, target } => {
            let token = match op {
                crate::ast::UpdateOp::Inc => "++",
                crate::ast::UpdateOp::Dec => "--",
            };
            if *prefix {
                format!("({token}{})", print(target))
            } else {
                format!("({}{token})", print(target))
            }
        }
        ExprKind::Binary(op, l, r) => {
            if is_compare(*op) || *op == BinaryOp::Exp {
                join_op(&[l, r], binary_token(*op))
            } else {
                let mut parts = Vec::new();
                binary_chain(l, *op, &mut parts);
                parts.push(r);
                join_op(&parts, binary_token(*op))
            }
        }
        ExprKind::Logical(op, l, r) => {
            let token = match op {
                LogicalOp::And => "&&",
                LogicalOp::Or => "||",
                LogicalOp::Nullish => "??",
            };
            let mut parts = Vec::new();
            logical_chain(l, *op, &mut parts);
            parts.push(r);
            join_op(&parts, token)
        }
        ExprKind::Sequence(xs) => {
            let parts: Vec<&Expr> = xs.iter().collect();
            join_op(&parts, ",")
        }
        ExprKind::Conditional { .. } => INTERMEDIATE.repeat(3),
        ExprKind::Assign { target, .. } => match target.as_ref() {
            Pattern::Ident(id) => id.name.to_rust_string(),
            Pattern::Expr(x) => print(x),
            _ => INTERMEDIATE.into(),
        },
        ExprKind::Call { callee, .. } => format!("{}(...)", print(callee)),
        ExprKind::TaggedTemplate { tag, .. } => format!("{}(...)", print(tag)),
        ExprKind::Member {
            object,
            prop,
            optional,
            ..
        } => {
            let o = print(object);
            let dot = if *optional { "?." } else { "." };
            match prop {
                MemberProp::Ident(n) => format!("{o}{dot}{n}"),
                MemberProp::Private(n) => format!(
                    "{o}{dot}#{}",
                    n.name.to_rust_string().trim_start_matches('#')
                ),
                MemberProp::Computed(k) => match &strip(k).kind {
                    ExprKind::String(s) => format!("{o}{dot}{s}"),
                    ExprKind::Template(t) if t.exprs.is_empty() => {
                        match t.quasis.first().and_then(|q| q.cooked.as_ref()) {
                            Some(s) => format!("{o}{dot}{s}"),
                            None => format!("{o}[{INTERMEDIATE}]"),
                        }
                    }
                    _ => format!("{o}[{}]", print(k)),
                },
            }
        }
        ExprKind::SuperMember {
            prop: MemberProp::Ident(n),
            ..
        } => format!("{INTERMEDIATE}.{n}"),
        ExprKind::Paren(x) | ExprKind::OptionalChain(x) => print(x),
        _ => INTERMEDIATE.into(),
    }
}
