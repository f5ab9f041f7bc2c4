//! V8's wording for invalid patterns where `regress` reports an error with less context:
//! small scanners over the pattern (code points) that find the first error of a kind the
//! way V8's parser words it. They only pick a message (and find the one error `regress`
//! does not report, a negated `v`-mode class that may contain strings); whether a pattern
//! is valid is otherwise `regress`'s decision.

const UNTERMINATED_CLASS: &str = "Unterminated character class";
const INVALID_CHAR_IN_CLASS: &str = "Invalid character in character class";
const INVALID_SET_OPERATION: &str = "Invalid set operation in character class";
const INVALID_CLASS: &str = "Invalid character class";
const OUT_OF_ORDER: &str = "Range out of order in character class";
pub const NEGATED_MAY_CONTAIN_STRINGS: &str = "Negated character class may contain strings";

/// The properties of strings (`\p{RGI_Emoji}`, ...), valid with the `v` flag only.
const STRING_PROPERTIES: [&str; 7] = [
    "Basic_Emoji",
    "Emoji_Keycap_Sequence",
    "RGI_Emoji_Modifier_Sequence",
    "RGI_Emoji_Flag_Sequence",
    "RGI_Emoji_Tag_Sequence",
    "RGI_Emoji_ZWJ_Sequence",
    "RGI_Emoji",
];

fn is(c: Option<&u32>, ch: char) -> bool {
    c == Some(&(ch as u32))
}

/// ClassSetSyntaxCharacter minus `[` and `\` (which start operands).
fn is_class_set_syntax(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some('(' | ')' | ']' | '{' | '}' | '/' | '-' | '|')
    )
}

/// The first half of a ClassSetReservedDoublePunctuator.
fn is_reserved_punctuator(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some(
            '&' | '!'
                | '#'
                | '$'
                | '%'
                | '*'
                | '+'
                | ','
                | '.'
                | ':'
                | ';'
                | '<'
                | '='
                | '>'
                | '?'
                | '@'
                | '^'
                | '`'
                | '~'
        )
    )
}

/// A class set operand: a single character (a possible range end) or anything else.
enum Operand {
    Char(u32),
    Other,
}

struct ClassScanner<'a> {
    p: &'a [u32],
    i: usize,
}

impl ClassScanner<'_> {
    fn at(&self, k: usize) -> Option<&u32> {
        self.p.get(self.i + k)
    }

    fn double(&self, ch: char) -> bool {
        is(self.at(0), ch) && is(self.at(1), ch)
    }

    fn hex(&mut self, digits: usize) -> Option<u32> {
        let mut v = 0u32;
        for _ in 0..digits {
            let d = char::from_u32(*self.at(0)?)?.to_digit(16)?;
            v = v * 16 + d;
            self.i += 1;
        }
        Some(v)
    }

    /// A character escape after `\` (at `i`); returns its value when it is one character.
    fn escape_char(&mut self) -> u32 {
        let Some(&c) = self.at(0) else { return 0 };
        self.i += 1;
        match char::from_u32(c) {
            Some('u') if is(self.at(0), '{') => {
                self.i += 1;
                let mut v = 0u32;
                while let Some(d) = self.at(0).and_then(|&d| char::from_u32(d)?.to_digit(16)) {
                    v = v.saturating_mul(16).saturating_add(d);
                    self.i += 1;
                }
                if is(self.at(0), '}') {
                    self.i += 1;
                }
                v
            }
            Some('u') => {
                let save = self.i;
                match self.hex(4) {
                    Some(hi) if (0xD800..0xDC00).contains(&hi) => {
                        // A surrogate pair written as two escapes is one character.
                        let after = self.i;
                        if is(self.at(0), '\\') && is(self.at(1), 'u') {
                            self.i += 2;
                            if let Some(lo) = self.hex(4).filter(|lo| (0xDC00..0xE000).contains(lo))
                            {
                                return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            }
                        }
                        self.i = after;
                        hi
                    }
                    Some(v) => v,
                    None => {
                        self.i = save;
                        'u' as u32
                    }
                }
            }
            Some('x') => {
                let save = self.i;
                self.hex(2).unwrap_or_else(|| {
                    self.i = save;
                    'x' as u32
                })
            }
            Some('c') => match self.at(0).copied() {
                Some(l) if char::from_u32(l).is_some_and(|l| l.is_ascii_alphabetic()) => {
                    self.i += 1;
                    l % 32
                }
                _ => 'c' as u32,
            },
            Some('b') => 8,
            Some('f') => 0xC,
            Some('n') => 0xA,
            Some('r') => 0xD,
            Some('t') => 9,
            Some('v') => 0xB,
            Some('0') => 0,
            _ => c,
        }
    }

    /// A ClassSetOperand at `i`: (operand, MayContainStrings).
    fn operand(&mut self) -> Result<(Operand, bool), &'static str> {
        let Some(&c) = self.at(0) else {
            return Err(UNTERMINATED_CLASS);
        };
        if c == '[' as u32 {
            let strings = self.class()?;
            return Ok((Operand::Other, strings));
        }
        if c == '\\' as u32 {
            self.i += 1;
            let Some(&e) = self.at(0) else {
                return Err("\\ at end of pattern");
            };
            match char::from_u32(e) {
                Some('q') if is(self.at(1), '{') => {
                    self.i += 2;
                    return self.string_disjunction().map(|s| (Operand::Other, s));
                }
                Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => {
                    self.i += 1;
                    return Ok((Operand::Other, false));
                }
                Some(k @ ('p' | 'P')) => {
                    self.i += 1;
                    let mut name = String::new();
                    if is(self.at(0), '{') {
                        self.i += 1;
                        while let Some(&n) = self.at(0) {
                            self.i += 1;
                            if n == '}' as u32 {
                                break;
                            }
                            name.extend(char::from_u32(n));
                        }
                    }
                    let strings = k == 'p' && STRING_PROPERTIES.contains(&name.as_str());
                    return Ok((Operand::Other, strings));
                }
                _ => return Ok((Operand::Char(self.escape_char()), false)),
            }
        }
        if is_class_set_syntax(c) {
            return Err(INVALID_CHAR_IN_CLASS);
        }
        if is_reserved_punctuator(c) && self.at(1) == Some(&c) {
            return Err(INVALID_SET_OPERATION);
        }
        self.i += 1;
        Ok((Operand::Char(c), false))
    }

    /// `\q{...}` after its `{`: MayContainStrings (an alternative that is not one character).
    fn string_disjunction(&mut self) -> Result<bool, &'static str> {
        let mut strings = false;
        let mut len = 0;
        loop {
            let Some(&c) = self.at(0) else {
                return Err(UNTERMINATED_CLASS);
            };
            match char::from_u32(c) {
                Some('}') => {
                    self.i += 1;
                    return Ok(strings || len != 1);
                }
                Some('|') => {
                    strings |= len != 1;
                    len = 0;
                    self.i += 1;
                }
                Some('\\') => {
                    self.i += 1;
                    self.escape_char();
                    len += 1;
                }
                _ if is_class_set_syntax(c) || c == '[' as u32 => {
                    return Err(INVALID_CHAR_IN_CLASS);
                }
                _ if is_reserved_punctuator(c) && self.at(1) == Some(&c) => {
                    return Err(INVALID_CHAR_IN_CLASS);
                }
                _ => {
                    self.i += 1;
                    len += 1;
                }
            }
        }
    }

    /// A class at `i` (its `[`): MayContainStrings of the class.
    fn class(&mut self) -> Result<bool, &'static str> {
        self.i += 1;
        let negated = is(self.at(0), '^');
        if negated {
            self.i += 1;
        }
        if self.at(0).is_none() {
            return Err(UNTERMINATED_CLASS);
        }
        let strings = if is(self.at(0), ']') {
            false
        } else if self.double('&') || self.double('-') {
            return Err(INVALID_SET_OPERATION);
        } else {
            let (first, first_strings) = self.operand()?;
            if self.double('-') || self.double('&') {
                let op = if self.double('-') { '-' } else { '&' };
                self.operation(op, first_strings)?
            } else {
                self.union(first, first_strings)?
            }
        };
        if !is(self.at(0), ']') {
            return Err(UNTERMINATED_CLASS);
        }
        self.i += 1;
        if negated && strings {
            return Err(NEGATED_MAY_CONTAIN_STRINGS);
        }
        Ok(strings && !negated)
    }

    /// ClassSubtraction (`op` '-') or ClassIntersection (`op` '&') after the first operand,
    /// up to the closing `]` (not consumed).
    fn operation(&mut self, op: char, first_strings: bool) -> Result<bool, &'static str> {
        let mut strings = first_strings;
        loop {
            if self.at(0).is_none() {
                return Err(UNTERMINATED_CLASS);
            }
            if is(self.at(0), ']') {
                return Ok(strings);
            }
            if !self.double(op) {
                return Err(INVALID_SET_OPERATION);
            }
            self.i += 2;
            if is(self.at(0), op) {
                return Err(INVALID_CHAR_IN_CLASS);
            }
            let (_, s) = self.operand()?;
            if op == '&' {
                strings &= s;
            }
        }
    }

    /// ClassUnion after its first operand, up to the closing `]` (not consumed).
    fn union(&mut self, first: Operand, first_strings: bool) -> Result<bool, &'static str> {
        let mut strings = first_strings;
        let mut prev = Some(first);
        loop {
            let Some(&c) = self.at(0) else {
                return Err(UNTERMINATED_CLASS);
            };
            if c == ']' as u32 {
                return Ok(strings);
            }
            if self.double('-') || self.double('&') {
                return Err(INVALID_SET_OPERATION);
            }
            if c == '-' as u32 {
                let Some(Operand::Char(lo)) = prev.take() else {
                    return Err(INVALID_CLASS);
                };
                self.i += 1;
                match self.operand()? {
                    (Operand::Char(hi), _) if lo > hi => return Err(OUT_OF_ORDER),
                    (Operand::Char(_), _) => continue,
                    _ => return Err(INVALID_CLASS),
                }
            }
            let (o, s) = self.operand()?;
            strings |= s;
            prev = Some(o);
        }
    }
}

/// V8's message for the first error in the character classes of a `v`-flag pattern.
pub fn class_set_error(p: &[u32]) -> Option<&'static str> {
    let mut sc = ClassScanner { p, i: 0 };
    while let Some(&c) = sc.at(0) {
        if c == '\\' as u32 {
            sc.i += 2;
        } else if c == '[' as u32 {
            if let Err(m) = sc.class() {
                return Some(m);
            }
        } else {
            sc.i += 1;
        }
    }
    None
}

/// V8's message for the first invalid group modifier (`(?i-i:a)`, `(?-:a)`, `(?x:a)`).
pub fn modifier_error(p: &[u32]) -> Option<&'static str> {
    let mut i = 0;
    let mut class_depth = 0usize;
    while i < p.len() {
        let c = p[i];
        if c == '\\' as u32 {
            i += 2;
            continue;
        }
        if c == '[' as u32 {
            class_depth += 1;
        } else if c == ']' as u32 {
            class_depth = class_depth.saturating_sub(1);
        } else if c == '(' as u32 && class_depth == 0 && is(p.get(i + 1), '?') {
            let mut j = i + 2;
            match p.get(j).and_then(|&c| char::from_u32(c)) {
                Some(':' | '=' | '!' | '<') => {}
                _ => {
                    let (mut add, mut remove, mut dash) = (Vec::new(), Vec::new(), false);
                    loop {
                        match p.get(j).and_then(|&c| char::from_u32(c)) {
                            Some(f @ ('i' | 'm' | 's')) => {
                                if add.contains(&f) || remove.contains(&f) {
                                    return Some("Repeated flag in flag group");
                                }
                                if dash {
                                    remove.push(f);
                                } else {
                                    add.push(f);
                                }
                            }
                            Some('-') => {
                                if dash {
                                    return Some("Multiple dashes in flag group");
                                }
                                dash = true;
                            }
                            Some(':') if add.is_empty() && remove.is_empty() => {
                                return Some(if dash {
                                    "Invalid flag group"
                                } else {
                                    "Invalid group"
                                });
                            }
                            Some(':') => break,
                            _ => return Some("Invalid group"),
                        }
                        j += 1;
                    }
                }
            }
        }
        i += 1;
    }
    None
}

/// Where `regress` says "Invalid quantifier": a `{n,m}` with n > m, or an incomplete one.
pub fn quantifier_error(p: &[u32]) -> &'static str {
    let mut i = 0;
    while i < p.len() {
        if p[i] == '\\' as u32 {
            i += 2;
            continue;
        }
        if p[i] == '{' as u32 {
            let num = |j: &mut usize| -> Option<u64> {
                let start = *j;
                let mut v: u64 = 0;
                while let Some(d) = p.get(*j).and_then(|&d| char::from_u32(d)?.to_digit(10)) {
                    v = v.saturating_mul(10).saturating_add(u64::from(d));
                    *j += 1;
                }
                (*j > start).then_some(v)
            };
            let mut j = i + 1;
            if let Some(lo) = num(&mut j) {
                if is(p.get(j), ',') {
                    j += 1;
                    if let Some(hi) = num(&mut j) {
                        if is(p.get(j), '}') && lo > hi {
                            return "numbers out of order in {} quantifier";
                        }
                    }
                }
            }
        }
        i += 1;
    }
    "Incomplete quantifier"
}

/// Where `regress` rejects an atom character in Unicode mode: a lone `]`, `{` or `}` (V8:
/// "Lone quantifier brackets") or a quantifier with nothing to repeat.
pub fn atom_error(p: &[u32]) -> &'static str {
    let mut i = 0;
    let mut class_depth = 0usize;
    let mut atom_before = false;
    while i < p.len() {
        let c = char::from_u32(p[i]).unwrap_or('a');
        match c {
            '\\' => {
                i += 2;
                atom_before = true;
                continue;
            }
            '[' => class_depth += 1,
            ']' if class_depth > 0 => {
                class_depth -= 1;
                atom_before = true;
            }
            _ if class_depth > 0 => {}
            ']' | '}' => return "Lone quantifier brackets",
            '{' if !atom_before => return "Lone quantifier brackets",
            '*' | '+' | '?' if !atom_before => return "Nothing to repeat",
            '(' => {
                atom_before = false;
                if is(p.get(i + 1), '?') {
                    // Past the group's prefix: `(?:`, `(?=`, `(?<!`, `(?<name>`, `(?i:`.
                    while i < p.len()
                        && !matches!(char::from_u32(p[i]), Some(':' | '=' | '!' | '>'))
                    {
                        i += 1;
                    }
                }
            }
            '|' => atom_before = false,
            _ => atom_before = true,
        }
        i += 1;
    }
    "Nothing to repeat"
}

/// Where `regress` says a quantifier is not allowed: V8 says "Invalid quantifier" after a
/// lookaround group, "Nothing to repeat" after other assertions (`^*`).
pub fn quantified_assertion_error(p: &[u32]) -> &'static str {
    let mut groups: Vec<bool> = Vec::new();
    let mut class_depth = 0usize;
    let mut i = 0;
    while i < p.len() {
        match char::from_u32(p[i]) {
            Some('\\') => i += 1,
            Some('[') => class_depth += 1,
            Some(']') => class_depth = class_depth.saturating_sub(1),
            _ if class_depth > 0 => {}
            Some('(') => {
                let look = is(p.get(i + 1), '?')
                    && (matches!(
                        p.get(i + 2).and_then(|&c| char::from_u32(c)),
                        Some('=' | '!')
                    ) || (is(p.get(i + 2), '<')
                        && matches!(
                            p.get(i + 3).and_then(|&c| char::from_u32(c)),
                            Some('=' | '!')
                        )));
                groups.push(look);
            }
            Some(')') => {
                let quantified = matches!(
                    p.get(i + 1).and_then(|&c| char::from_u32(c)),
                    Some('*' | '+' | '?' | '{')
                );
                if groups.pop() == Some(true) && quantified {
                    return "Invalid quantifier";
                }
            }
            _ => {}
        }
        i += 1;
    }
    "Nothing to repeat"
}

/// `\P{...}` of a property of strings (V8: an invalid property name; only `\p` has them).
pub fn negated_string_property(p: &[u32]) -> bool {
    let text: String = p.iter().filter_map(|&c| char::from_u32(c)).collect();
    STRING_PROPERTIES
        .iter()
        .any(|name| text.contains(&format!("\\P{{{name}}}")))
}

/// A `\c` not followed by an ASCII letter (V8, in Unicode mode: an invalid Unicode escape).
pub fn bad_control_escape(p: &[u32]) -> bool {
    let mut i = 0;
    while i + 1 < p.len() {
        if p[i] == '\\' as u32 {
            if p[i + 1] == 'c' as u32
                && !p
                    .get(i + 2)
                    .and_then(|&c| char::from_u32(c))
                    .is_some_and(|c| c.is_ascii_alphabetic())
            {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}
