//! Unit tests of the JSON reader.
use super::*;

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

#[test]
fn values_keep_numbers_as_written_and_lines() {
    let v = parse("[\n {\"a\": 7137.40, \"b\": \"x\\u4e2d\\ud83d\\ude00\\n\", \"c\": null},\n -1e3, true]");
    assert_eq!(
        v,
        Ok(Value::Array(vec![
            (
                2,
                Value::Object(vec![
                    ("a".into(), Value::Number("7137.40".into())),
                    ("b".into(), text("x中😀\n")),
                    ("c".into(), Value::Null),
                ])
            ),
            (3, Value::Number("-1e3".into())),
            (3, Value::Bool(true)),
        ]))
    );
}

#[test]
fn errors_name_the_line_and_what_was_expected() {
    use Expected::*;
    let err = |s: &str| parse(s).err().map(|e| (e.line, e.expected));
    assert_eq!(err("[1,\n2,\n]"), Some((3, Value)));
    assert_eq!(err("{\"a\" 1}"), Some((1, Colon)));
    assert_eq!(err("[NaN]"), Some((1, Value)));
    assert_eq!(err("[01]"), Some((1, Number)));
    assert_eq!(err("[1.]"), Some((1, Fraction)));
    assert_eq!(err("[\"a\nb\"]"), Some((1, NoLineBreak)));
    assert_eq!(err("[1] x"), Some((1, End)));
    assert_eq!(err("[\"\\ud800\"]"), Some((1, Surrogate)));
    assert_eq!(err("[\"\\q\"]"), Some((1, Escape)));
    // At the end of the text, whatever was expected: the file ends too early.
    assert_eq!(err(""), Some((1, EarlyEnd)));
    assert_eq!(err("\"abc"), Some((1, EarlyEnd)));
    assert_eq!(err("[{\"a\": 1,\n"), Some((2, EarlyEnd)));
}

#[test]
fn entries_are_read_one_at_a_time_with_their_lines() {
    let read = |text: &str| -> Vec<Result<(usize, Value), JsonError>> {
        match Entries::open(text) {
            Ok(mut e) => std::iter::from_fn(|| e.next(text)).collect(),
            Err(e) => vec![Err(e)],
        }
    };
    let n = |s: &str| Value::Number(s.to_string());
    assert_eq!(read("[1,\n2]"), vec![Ok((1, n("1"))), Ok((2, n("2")))]);
    assert_eq!(read("[]"), vec![]);
    assert_eq!(
        read("{\"sources\": [{\"a\": 1}],\n \"figures\": [\n3], \"terms\": []}"),
        vec![Ok((3, n("3")))]
    );
    assert_eq!(read("{\"sources\": []}"), vec![]);
    assert_eq!(
        read("[1 2]"),
        vec![Ok((1, n("1"))), Err(JsonError { line: 1, expected: Expected::CommaOrBracket })]
    );
    assert_eq!(read("[1] x"), vec![Ok((1, n("1"))), Err(JsonError { line: 1, expected: Expected::End })]);
    assert_eq!(
        read("{\"figures\": [1], \"x\" 2}"),
        vec![Ok((1, n("1"))), Err(JsonError { line: 1, expected: Expected::Colon })]
    );
    assert_eq!(read("3"), vec![Err(JsonError { line: 1, expected: Expected::TopLevel })]);
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(parse(&deep).err().map(|e| e.expected), Some(Expected::Nesting));
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
}
