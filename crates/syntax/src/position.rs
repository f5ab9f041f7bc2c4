//! Where V8 reports a node in stack traces and diagnostics (`at f (file:line:col)`): a
//! call at its callee or method name, a member access at its property name.
//!
//! Worked out here, when the parser builds the node, rather than by the evaluator on every
//! call: a call's position is written to the stack entry before each call, and working it
//! out from the callee (a reserved-word test and a UTF-8 length for a named method) cost
//! 20-80 instructions a call (DESIGN.md, "Call positions from the parser, session 26").

use crate::ast::{Expr, ExprKind, MemberProp, Span};

/// Where V8 reports an access through member expression `e` (in `err.stack` and the
/// diagnostic): the property name of `o.x`, the `[` of `o[k]`.
pub fn member_position(e: &Expr) -> Span {
    match &e.kind {
        ExprKind::Member { object, prop, .. } => match prop {
            MemberProp::Ident(n) => {
                let len = n.utf8_len() as u32;
                Span {
                    start: e.span.end.saturating_sub(len),
                    end: e.span.end,
                }
            }
            MemberProp::Private(id) => id.span,
            MemberProp::Computed(_) => Span {
                start: object.span.end,
                end: object.span.end + 1,
            },
        },
        _ => e.span,
    }
}

/// A reserved word (`throw`, `return`, `catch`, ...) spelled by `units`, without allocating:
/// the property names V8's scanner reads as keywords that are not callable (all reserved
/// words but `super`; `yield`, `await`, `let` and `static` are callable). It first rejects by
/// length and first letter (the letters reserved words of that length start with): a table
/// load and a shift for most names.
fn is_reserved_name(units: &[u16]) -> bool {
    // Bit `c - 'a'` of entry `len`: some reserved word of that length starts with `c`.
    const fn mask(letters: &[u8]) -> u32 {
        let mut m = 0;
        let mut i = 0;
        while i < letters.len() {
            m |= 1 << (letters[i] - b'a');
            i += 1;
        }
        m
    }
    const FIRST: [u32; 11] = [
        0,
        0,
        mask(b"di"),
        mask(b"fntv"),
        mask(b"centvw"),
        mask(b"bcftw"),
        mask(b"deirst"),
        mask(b"def"),
        mask(b"cdf"),
        0,
        mask(b"i"),
    ];
    let (Some(&first), Some(&m)) = (units.first(), FIRST.get(units.len())) else {
        return false;
    };
    let c = first.wrapping_sub(u16::from(b'a'));
    c < 26 && m >> c & 1 != 0 && is_reserved_word_units(units)
}

/// The full comparison behind [`is_reserved_name`].
fn is_reserved_word_units(units: &[u16]) -> bool {
    let mut buf = [0u8; 10];
    if units.len() > buf.len() {
        return false;
    }
    for (b, &u) in buf.iter_mut().zip(units) {
        if !(u16::from(b'a')..=u16::from(b'z')).contains(&u) {
            return false;
        }
        *b = u as u8;
    }
    matches!(
        &buf[..units.len()],
        b"do"
            | b"if"
            | b"in"
            | b"for"
            | b"new"
            | b"try"
            | b"var"
            | b"case"
            | b"else"
            | b"enum"
            | b"null"
            | b"this"
            | b"true"
            | b"void"
            | b"with"
            | b"break"
            | b"catch"
            | b"class"
            | b"const"
            | b"false"
            | b"throw"
            | b"while"
            | b"delete"
            | b"export"
            | b"import"
            | b"return"
            | b"switch"
            | b"typeof"
            | b"default"
            | b"extends"
            | b"finally"
            | b"continue"
            | b"debugger"
            | b"function"
            | b"instanceof"
    )
}

/// Where V8 reports a call of `callee`: the callee's start for a plain callee, the property
/// name of a named method call, otherwise the `(` of the arguments.
pub fn call_position(callee: &Expr) -> Span {
    let mut c: &Expr = callee;
    while let ExprKind::OptionalChain(inner) = &c.kind {
        c = inner;
    }
    match &c.kind {
        // V8 places a call at its property name only when the name is an identifier token
        // (`Token::IsCallable`): `g.throw()`, `p.catch()`, `g.return()` are at their `(`.
        ExprKind::Member {
            prop: MemberProp::Ident(n),
            ..
        } if !is_reserved_name(n.units()) => member_position(c),
        ExprKind::Member {
            prop: MemberProp::Private(_),
            ..
        } => member_position(c),
        ExprKind::Ident(_) => Span {
            start: c.span.start,
            end: c.span.end,
        },
        _ => Span {
            start: callee.span.end,
            end: callee.span.end + 1,
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::ast::{ExprKind, StmtKind};
    use crate::parser::{parse_script, ParseOptions};

    /// The source text at the position the parser recorded for the script's one call.
    fn call_at(src: &str) -> &str {
        let script = match parse_script(src, &ParseOptions::default()) {
            Ok(s) => s,
            Err(e) => panic!("parse error in {src:?}: {}", e.message),
        };
        let Some(StmtKind::Expr(e)) = script.body.first().map(|s| &s.kind) else {
            panic!("{src:?} is not an expression statement");
        };
        let e = match &e.kind {
            ExprKind::OptionalChain(inner) => inner,
            _ => e,
        };
        let ExprKind::Call { pos, .. } = &e.kind else {
            panic!("{src:?} is not a call");
        };
        &src[pos.start as usize..pos.end as usize]
    }

    #[test]
    fn calls_are_placed_where_v8_reports_them() {
        // A plain callee: the callee itself.
        assert_eq!(call_at("f()"), "f");
        // A named method: its name; a reserved word is not callable as a token, so `(`.
        assert_eq!(call_at("o.m()"), "m");
        assert_eq!(call_at("o.café()"), "café");
        assert_eq!(call_at("o.throw()"), "(");
        assert_eq!(call_at("o.yield()"), "yield");
        // Any other callee: the `(` after it.
        assert_eq!(call_at("o['m']()"), "(");
        assert_eq!(call_at("(0, f)()"), "(");
        assert_eq!(call_at("f()()"), "(");
        // In an optional chain: a call without `?.` as above, one with `?.` at its `(`.
        assert_eq!(call_at("o?.m()"), "m");
        assert_eq!(call_at("o.m?.()"), "(");
        assert_eq!(call_at("f ?. ()"), "(");
    }
}
