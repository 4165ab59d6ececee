//! Formulas of derived figures: `+ - * /`, parentheses, numbers and figure ids.
//!
//! A hand-written recursive-descent parser of ~100 lines: the grammar is tiny, and an
//! expression-evaluator crate would add more to the wasm than this whole module.

/// A parsed formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Num(f64),
    Ref(String),
    Neg(Box<Expr>),
    Bin(Box<Expr>, Op, Box<Expr>),
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

/// Why a formula failed to parse: the byte offset and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    pub offset: usize,
    pub expected: &'static str,
}

impl Expr {
    /// Parses a formula.
    pub fn parse(text: &str) -> Result<Expr, FormulaError> {
        let mut p = Parser { s: text.as_bytes(), i: 0, nodes: 0 };
        let e = p.sum()?;
        p.ws();
        if p.i < p.s.len() {
            return Err(p.err("an operator or the end of the formula"));
        }
        Ok(e)
    }

    /// The figure ids the formula refers to, in order of appearance.
    pub fn refs(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Num(_) => {}
            Expr::Ref(r) => out.push(r),
            Expr::Neg(e) => e.collect(out),
            Expr::Bin(a, _, b) => {
                a.collect(out);
                b.collect(out);
            }
        }
    }

    /// Evaluates with `lookup` giving each referenced figure's value; `None` when a reference
    /// does not resolve or the result is not finite (division by zero).
    pub fn eval(&self, lookup: &mut dyn FnMut(&str) -> Option<f64>) -> Option<f64> {
        let v = match self {
            Expr::Num(n) => *n,
            Expr::Ref(r) => lookup(r)?,
            Expr::Neg(e) => -e.eval(lookup)?,
            Expr::Bin(a, op, b) => {
                let (a, b) = (a.eval(lookup)?, b.eval(lookup)?);
                match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mul => a * b,
                    Op::Div => a / b,
                }
            }
        };
        v.is_finite().then_some(v)
    }
}

/// The most operators, signs and parentheses a formula may have. Parsing, evaluating and
/// dropping a formula recurse once per level, so an imported formula of a million `(` would
/// overflow the stack; real formulas have a handful.
pub const MAX_NODES: usize = 256;

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    /// Operators, signs and parentheses so far (bounded by [`MAX_NODES`]).
    nodes: usize,
}

impl Parser<'_> {
    fn err(&self, expected: &'static str) -> FormulaError {
        FormulaError { offset: self.i, expected }
    }

    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|b| b.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }

    /// Counts one more operator, sign or parenthesis.
    fn node(&mut self) -> Result<(), FormulaError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(self.err("a shorter formula (at most 256 operators and parentheses)"));
        }
        Ok(())
    }

    fn sum(&mut self) -> Result<Expr, FormulaError> {
        let mut e = self.product()?;
        while let Some(op) = self.peek().and_then(|c| match c {
            b'+' => Some(Op::Add),
            b'-' => Some(Op::Sub),
            _ => None,
        }) {
            self.node()?;
            self.i += 1;
            e = Expr::Bin(Box::new(e), op, Box::new(self.product()?));
        }
        Ok(e)
    }

    fn product(&mut self) -> Result<Expr, FormulaError> {
        let mut e = self.atom()?;
        while let Some(op) = self.peek().and_then(|c| match c {
            b'*' => Some(Op::Mul),
            b'/' => Some(Op::Div),
            _ => None,
        }) {
            self.node()?;
            self.i += 1;
            e = Expr::Bin(Box::new(e), op, Box::new(self.atom()?));
        }
        Ok(e)
    }

    fn atom(&mut self) -> Result<Expr, FormulaError> {
        match self.peek() {
            Some(b'(') => {
                self.node()?;
                self.i += 1;
                let e = self.sum()?;
                if self.peek() != Some(b')') {
                    return Err(self.err("`)`"));
                }
                self.i += 1;
                Ok(e)
            }
            Some(b'-') => {
                self.node()?;
                self.i += 1;
                Ok(Expr::Neg(Box::new(self.atom()?)))
            }
            Some(c) if c.is_ascii_digit() || c == b'.' => {
                let start = self.i;
                while self.s.get(self.i).is_some_and(|b| b.is_ascii_digit() || *b == b'.') {
                    self.i += 1;
                }
                let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
                super::number::parse_decimal(text)
                    .map(Expr::Num)
                    .ok_or(FormulaError { offset: start, expected: "a number" })
            }
            Some(c) if c.is_ascii_lowercase() => {
                let start = self.i;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
                {
                    self.i += 1;
                }
                let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
                Ok(Expr::Ref(text.to_string()))
            }
            _ => Err(self.err("a number, a figure id or `(`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(text: &str, vars: &[(&str, f64)]) -> Option<f64> {
        let e = Expr::parse(text).ok()?;
        e.eval(&mut |r| vars.iter().find(|(k, _)| *k == r).map(|(_, v)| *v))
    }

    #[test]
    fn precedence_and_parentheses() {
        assert_eq!(eval("1 + 2 * 3", &[]), Some(7.0));
        assert_eq!(eval("(1 + 2) * 3", &[]), Some(9.0));
        assert_eq!(eval("8 / 2 / 2", &[]), Some(2.0));
        assert_eq!(eval("-a + 1", &[("a", 3.0)]), Some(-2.0));
        assert_eq!(eval("a / (1 + b)", &[("a", 2.7e4), ("b", 0.905)]).map(|v| v.round()), Some(14173.0));
    }

    #[test]
    fn errors_name_the_offset() {
        assert_eq!(Expr::parse("a +").map_err(|e| e.offset), Err(3));
        assert_eq!(Expr::parse("(a").map_err(|e| e.offset), Err(2));
        assert_eq!(Expr::parse("a b").map_err(|e| e.offset), Err(2));
        assert!(Expr::parse("1..2").is_err());
        assert!(Expr::parse("A").is_err());
    }

    #[test]
    fn deep_formulas_are_refused_not_recursed_into() {
        let nested = |n: usize| format!("{}1{}", "(".repeat(n), ")".repeat(n));
        assert!(Expr::parse(&nested(MAX_NODES)).is_ok());
        assert_eq!(Expr::parse(&nested(MAX_NODES + 1)).map_err(|e| e.offset), Err(MAX_NODES));
        assert!(Expr::parse(&format!("1{}", " + 1".repeat(MAX_NODES))).is_ok());
        assert!(Expr::parse(&format!("1{}", " * 1".repeat(MAX_NODES + 1))).is_err());
        assert!(Expr::parse(&format!("{}1", "-".repeat(100_000))).is_err());
    }

    #[test]
    fn unresolved_refs_and_division_by_zero_give_none() {
        assert_eq!(eval("x + 1", &[]), None);
        assert_eq!(eval("1 / 0", &[]), None);
    }

    #[test]
    fn refs_lists_identifiers() {
        let e = Expr::parse("a_1 * (b + 2) - a_1");
        assert_eq!(e.map(|e| e.refs().join(",")), Ok("a_1,b,a_1".to_string()));
    }
}
