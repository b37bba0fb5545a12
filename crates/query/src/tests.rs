//! Table tests for every field and error, and property tests: no input
//! panics, errors point into the input, print/parse round-trips.

use proptest::prelude::*;
use sahaya_protocol::domain::{Channel, Priority, Status};

use super::*;

fn one(input: &str) -> Matcher {
    let q = parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    assert_eq!(q.clauses.len(), 1, "{input:?}");
    assert_eq!(q.clauses[0].terms.len(), 1, "{input:?}");
    q.clauses[0].terms[0].matcher.clone()
}

fn age(cmp: Cmp, amount: u32, unit: AgeUnit) -> Age {
    Age { cmp, amount, unit }
}

#[test]
fn every_field_reads_its_values() {
    use Matcher as M;
    let table: Vec<(&str, Matcher)> = vec![
        ("status:pending", M::Status(Status::Pending)),
        ("Status:On-Hold", M::Status(Status::OnHold)),
        ("status:on_hold", M::Status(Status::OnHold)),
        ("status:\"solved\"", M::Status(Status::Solved)),
        ("priority:urgent", M::Priority(Priority::Urgent)),
        ("PRIORITY:Low", M::Priority(Priority::Low)),
        ("channel:whatsapp", M::Channel(Channel::WhatsApp)),
        ("channel:wa", M::Channel(Channel::WhatsApp)),
        ("channel:web", M::Channel(Channel::WebForm)),
        ("channel:insta", M::Channel(Channel::Instagram)),
        ("group:returns", M::Group("returns".into())),
        ("group:\"key accounts\"", M::Group("key accounts".into())),
        ("assignee:me", M::Assignee(Assignee::Me)),
        ("assignee:none", M::Assignee(Assignee::Nobody)),
        ("assignee:unassigned", M::Assignee(Assignee::Nobody)),
        ("assignee:7", M::Assignee(Assignee::Id(7))),
        ("assignee:೭", M::Assignee(Assignee::Id(7))),
        ("assignee:asha", M::Assignee(Assignee::Name("asha".into()))),
        ("assignee:ಆಶಾ", M::Assignee(Assignee::Name("ಆಶಾ".into()))),
        ("tag:cod", M::Tag("cod".into())),
        ("tag:\"Gift Wrap\"", M::Tag("gift-wrap".into())),
        ("order:SH-1001", M::Order("SH-1001".into())),
        ("order:OD-१००१", M::Order("OD-१००१".into())),
        ("phone:9845", M::Phone("9845".into())),
        (
            "phone:\"+91 98450 12345\"",
            M::Phone("+91 98450 12345".into()),
        ),
        ("phone:09845012345", M::Phone("09845012345".into())),
        ("phone:९८४५", M::Phone("९८४५".into())),
        ("phone:+977-984", M::Phone("+977-984".into())),
        (
            "email:Kavya@Gmail.Example",
            M::Email("Kavya@Gmail.Example".into()),
        ),
        ("handle:@kavya_r", M::Handle("@kavya_r".into())),
        ("customer:\"Kavya\"", M::Customer("Kavya".into())),
        ("customer:\"Kavya Rao\"", M::Customer("Kavya Rao".into())),
        ("customer:ಕಾವ್ಯಾ", M::Customer("ಕಾವ್ಯಾ".into())),
        ("customer:లక్ష్మి", M::Customer("లక్ష్మి".into())),
        ("customer:सरिता", M::Customer("सरिता".into())),
        ("lang:kn", M::Lang("kn".into())),
        ("lang:kn-IN", M::Lang("kn".into())),
        ("lang:Telugu", M::Lang("te".into())),
        ("lang:ಕನ್ನಡ", M::Lang("kn".into())),
        ("lang:नेपाली", M::Lang("ne".into())),
        ("late:yes", M::Late(true)),
        ("late:No", M::Late(false)),
        ("created:<2d", M::Created(age(Cmp::Lt, 2, AgeUnit::Days))),
        ("created:2d", M::Created(age(Cmp::Lt, 2, AgeUnit::Days))),
        ("created:>=1w", M::Created(age(Cmp::Ge, 1, AgeUnit::Weeks))),
        ("created:<२d", M::Created(age(Cmp::Lt, 2, AgeUnit::Days))),
        (
            "created:<೩೦m",
            M::Created(age(Cmp::Lt, 30, AgeUnit::Minutes)),
        ),
        ("updated:>1h", M::Updated(age(Cmp::Gt, 1, AgeUnit::Hours))),
        (
            "updated:<=90min",
            M::Updated(age(Cmp::Le, 90, AgeUnit::Minutes)),
        ),
        (
            "csat:<3",
            M::Csat(Compare {
                cmp: Cmp::Lt,
                value: 3,
            }),
        ),
        (
            "csat:5",
            M::Csat(Compare {
                cmp: Cmp::Eq,
                value: 5,
            }),
        ),
        (
            "csat:>=४",
            M::Csat(Compare {
                cmp: Cmp::Ge,
                value: 4,
            }),
        ),
        ("refund", M::Word("refund".into())),
        ("ಪಾರ್ಸೆಲ್", M::Word("ಪಾರ್ಸೆಲ್".into())),
        ("10:30", M::Word("10:30".into())),
        ("ಹೆಸರು:ಕಾವ್ಯಾ", M::Word("ಹೆಸರು:ಕಾವ್ಯಾ".into())),
        ("\"not arrived\"", M::Phrase("not arrived".into())),
        ("\"say \\\"hi\\\"\"", M::Phrase("say \"hi\"".into())),
        ("\"OR\"", M::Phrase("OR".into())),
        ("or", M::Word("or".into())),
    ];
    for (input, want) in table {
        assert_eq!(one(input), want, "{input:?}");
    }
    // Every field appears in the table above.
    for field in Field::ALL {
        assert!(
            Field::parse(field.name()) == Some(*field),
            "{}",
            field.name()
        );
    }
}

#[test]
fn structure_and_or_and_exclusion() {
    let q = parse("status:open OR status:pending -tag:cod ಪಾರ್ಸೆಲ್").unwrap();
    assert_eq!(q.clauses.len(), 3);
    assert_eq!(q.clauses[0].terms.len(), 2);
    assert!(q.clauses[1].terms[0].negated);
    assert_eq!(q.clauses[1].terms[0].matcher, Matcher::Tag("cod".into()));
    assert_eq!(
        q.to_string(),
        "status:open OR status:pending -tag:cod ಪಾರ್ಸೆಲ್"
    );
    assert!(parse("").unwrap().is_empty());
    assert!(parse(" \t\u{7} ").unwrap().is_empty());
    let q = parse("-\"not arrived\" --x -OR").unwrap();
    assert!(q.terms().all(|t| t.negated));
    assert_eq!(q.to_string(), "-\"not arrived\" --x -OR");
    assert!(parse("created:<2d").unwrap().uses_clock());
    assert!(!parse("status:open").unwrap().uses_clock());
}

fn err(input: &str) -> QueryError {
    match parse(input) {
        Ok(q) => panic!("{input:?} parsed as {q:?}"),
        Err(e) => e,
    }
}

#[test]
fn errors_say_what_and_where() {
    use QueryErrorKind as K;
    let table: Vec<(&str, K, usize, &str)> = vec![
        ("refund \"not arr", K::UnclosedQuote, 7, "\"not arr"),
        ("ಕಾವ್ಯಾ customer:\"ಕಾ", K::UnclosedQuote, 16, "\"ಕಾ"),
        ("status:open - x", K::NothingToExclude, 12, "-"),
        ("a -", K::NothingToExclude, 2, "-"),
        ("OR status:open", K::MisplacedOr, 0, "OR"),
        ("status:open OR", K::MisplacedOr, 12, "OR"),
        ("a OR OR b", K::MisplacedOr, 5, "OR"),
        (
            "stauts:open",
            K::UnknownField {
                name: "stauts".into(),
            },
            0,
            "stauts",
        ),
        (
            "ಪಾರ್ಸೆಲ್ https://x",
            K::UnknownField {
                name: "https".into(),
            },
            9,
            "https",
        ),
        (
            "status:",
            K::EmptyValue {
                field: Field::Status,
            },
            0,
            "status:",
        ),
        (
            "x customer:\"  \"",
            K::EmptyValue {
                field: Field::Customer,
            },
            11,
            "\"  \"",
        ),
        (
            "status:pendng",
            K::UnknownValue {
                field: Field::Status,
                allowed: &["new", "open", "pending", "on-hold", "solved", "closed"],
            },
            7,
            "pendng",
        ),
        (
            "priority:ತುರ್ತು",
            K::UnknownValue {
                field: Field::Priority,
                allowed: &["low", "normal", "high", "urgent"],
            },
            9,
            "ತುರ್ತು",
        ),
        (
            "late:maybe",
            K::UnknownValue {
                field: Field::Late,
                allowed: &["yes", "no"],
            },
            5,
            "maybe",
        ),
        (
            "lang:ಕ",
            K::UnknownValue {
                field: Field::Lang,
                allowed: &["en", "kn", "te", "ne", "hi"],
            },
            5,
            "ಕ",
        ),
        ("phone:98x45", K::BadPhone, 6, "98x45"),
        ("phone:\"ಕಾವ್ಯಾ\"", K::BadPhone, 6, "\"ಕಾವ್ಯಾ\""),
        (
            "created:<2",
            K::BadAge {
                field: Field::Created,
            },
            8,
            "<2",
        ),
        (
            "updated:=1h",
            K::BadAge {
                field: Field::Updated,
            },
            8,
            "=1h",
        ),
        (
            "csat:<x",
            K::BadNumber {
                field: Field::Csat,
                min: 1,
                max: 5,
            },
            5,
            "<x",
        ),
        (
            "csat:9",
            K::BadNumber {
                field: Field::Csat,
                min: 1,
                max: 5,
            },
            5,
            "9",
        ),
        ("refund 🙏", K::NothingToSearch, 7, "🙏"),
        ("order:--", K::NothingToSearch, 6, "--"),
        ("-\"!!\"", K::NothingToSearch, 0, "-\"!!\""),
    ];
    for (input, kind, column, text) in table {
        let e = err(input);
        assert_eq!(e.kind, kind, "{input:?}");
        assert_eq!((e.column, e.text.as_str()), (column, text), "{input:?}");
        assert_eq!(e.len, text.chars().count(), "{input:?}");
        assert!(!e.to_string().is_empty());
        assert!(e.kind.code().starts_with("query-"));
    }
    let e = err("stauts:open");
    assert!(e.to_string().contains("column 1"), "{e}");
    assert!(e.to_string().contains("status"), "{e}");
}

// ----- properties -----

/// Pieces queries are made of, including hostile ones.
fn fragment() -> impl Strategy<Value = String> {
    let pieces: Vec<&'static str> = vec![
        " ",
        "  ",
        "\t",
        "\n",
        "\u{0}",
        "\u{7}",
        "\u{1b}[31m",
        "\u{202e}",
        "\u{200d}",
        "\u{200c}",
        "-",
        "--",
        "\"",
        "\\",
        "\\\"",
        ":",
        "OR",
        "or",
        "status:",
        "priority:",
        "channel:",
        "group:",
        "assignee:",
        "tag:",
        "order:",
        "phone:",
        "email:",
        "handle:",
        "customer:",
        "lang:",
        "late:",
        "created:",
        "updated:",
        "csat:",
        "open",
        "pending",
        "urgent",
        "whatsapp",
        "me",
        "none",
        "yes",
        "<",
        ">=",
        "2d",
        "1h",
        "३",
        "೯೮೪೫",
        "+91",
        "SH-1001",
        "ಕಾವ್ಯಾ",
        "ಪಾರ್ಸೆಲ್",
        "లక్ష్మి",
        "सरिता",
        "ಕನ್ನಡ",
        "🙏",
        "👍🏽",
        "x",
        "10:30",
        "a@b.in",
    ];
    prop_oneof![
        proptest::sample::select(pieces).prop_map(str::to_string),
        any::<char>().prop_map(|c| c.to_string()),
        "[\\u{0C80}-\\u{0CFF}\\u{0C00}-\\u{0C7F}\\u{0900}-\\u{097F}]{1,4}",
    ]
}

fn typed() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..16).prop_map(|v| v.concat())
}

fn word() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9\\u{0C80}-\\u{0CFF}\\u{0C00}-\\u{0C7F}\\u{0900}-\\u{097F}@.#]{1,8}"
        .prop_filter("a free word", |w| {
            w.chars().any(char::is_alphanumeric) && w != "OR"
        })
}

fn text_value() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 \"\\\\\\u{0C80}-\\u{0CFF}\\u{0900}-\\u{097F}-]{1,10}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("searchable", |s| s.chars().any(char::is_alphanumeric))
}

fn matcher() -> impl Strategy<Value = Matcher> {
    let age = (
        proptest::sample::select(vec![Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge]),
        0u32..10_000,
        proptest::sample::select(vec![
            AgeUnit::Minutes,
            AgeUnit::Hours,
            AgeUnit::Days,
            AgeUnit::Weeks,
        ]),
    )
        .prop_map(|(cmp, amount, unit)| Age { cmp, amount, unit });
    prop_oneof![
        word().prop_map(Matcher::Word),
        text_value().prop_map(Matcher::Phrase),
        proptest::sample::select(Status::ALL.to_vec()).prop_map(Matcher::Status),
        proptest::sample::select(Priority::ALL.to_vec()).prop_map(Matcher::Priority),
        proptest::sample::select(Channel::ALL.to_vec()).prop_map(Matcher::Channel),
        text_value().prop_map(Matcher::Group),
        prop_oneof![
            Just(Assignee::Me),
            Just(Assignee::Nobody),
            (0i64..1000).prop_map(Assignee::Id),
            "[a-z]{3,8}"
                .prop_filter("a name", |s| !["none", "nobody", "unassigned"]
                    .contains(&s.as_str()))
                .prop_map(Assignee::Name),
        ]
        .prop_map(Matcher::Assignee),
        "[a-z0-9-]{1,8}"
            .prop_filter("a tag", |s| s.chars().any(char::is_alphanumeric))
            .prop_map(|s| Matcher::Tag(sahaya_protocol::wire::normalize_tag(&s))),
        text_value().prop_map(Matcher::Order),
        "[+]?[0-9०-९೦-೯ ()-]{1,14}"
            .prop_map(|s| s.trim().to_string())
            .prop_filter("digits", |s| keys::is_phone_like(s))
            .prop_map(Matcher::Phone),
        "[a-z0-9.]{1,6}@[a-z]{1,5}\\.in".prop_map(Matcher::Email),
        text_value().prop_map(Matcher::Customer),
        proptest::sample::select(vec!["en", "kn", "te", "ne", "hi"])
            .prop_map(|l| Matcher::Lang(l.to_string())),
        any::<bool>().prop_map(Matcher::Late),
        age.clone().prop_map(Matcher::Created),
        age.prop_map(Matcher::Updated),
        (
            proptest::sample::select(vec![Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge, Cmp::Eq]),
            1i64..=5
        )
            .prop_map(|(cmp, value)| Matcher::Csat(Compare { cmp, value })),
    ]
}

fn query() -> impl Strategy<Value = Query> {
    let term = (any::<bool>(), matcher()).prop_map(|(negated, matcher)| Term { negated, matcher });
    let clause = proptest::collection::vec(term, 1..4).prop_map(|terms| Clause { terms });
    proptest::collection::vec(clause, 0..5).prop_map(|clauses| Query { clauses })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Nothing typed panics; an error points inside the input at exactly
    /// the text it names; an accepted query prints to text that parses
    /// back to the same query.
    #[test]
    fn any_input_parses_or_errs_in_place(input in typed()) {
        let chars: Vec<char> = input.chars().collect();
        match parse(&input) {
            Err(e) => {
                prop_assert!(e.column + e.len <= chars.len(), "{e:?} in {input:?}");
                let at: String = chars[e.column..e.column + e.len].iter().collect();
                prop_assert_eq!(&at, &e.text);
                let _ = e.to_string();
            }
            Ok(q) => {
                let printed = q.to_string();
                prop_assert_eq!(parse(&printed), Ok(q), "printed {:?}", printed);
            }
        }
    }

    /// Arbitrary strings of any chars, too.
    #[test]
    fn any_chars_never_panic(input in any::<String>()) {
        if let Err(e) = parse(&input) {
            prop_assert!(e.column + e.len <= input.chars().count());
        }
    }

    /// Every query prints to text that parses back to it.
    #[test]
    fn print_parse_round_trip(q in query()) {
        let printed = q.to_string();
        prop_assert_eq!(parse(&printed), Ok(q), "printed {:?}", printed);
    }
}

/// Numbers no field takes, written in any script's digits.
fn huge_number() -> impl Strategy<Value = String> {
    prop_oneof![
        "[1-9][0-9]{10,40}",
        "[೧-೯][೦-೯]{10,30}",
        "[१-९][०-९]{10,30}",
        Just(u32::MAX.to_string()),
        Just((u64::from(u32::MAX) + 1).to_string()),
        Just(i64::MAX.to_string()),
        Just("99999999999999999999".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A rating no field takes is a bad number that says the range; an age
    /// too big for its counter is a bad age; both point at the value.
    #[test]
    fn huge_numbers_are_named_errors(n in huge_number(), cmp in "(<|<=|>|>=|=)?",
                                     unit in "(m|h|d|w)") {
        let e = parse(&format!("csat:{cmp}{n}")).unwrap_err();
        prop_assert_eq!(e.kind, QueryErrorKind::BadNumber { field: Field::Csat, min: 1, max: 5 });
        prop_assert_eq!(e.column, 5);
        prop_assert_eq!(e.text, format!("{cmp}{n}"));
        let fits = fold_test_digits(&n).parse::<u32>().is_ok();
        match parse(&format!("created:<{n}{unit}")) {
            Ok(_) => prop_assert!(fits),
            Err(e) => {
                prop_assert!(!fits);
                prop_assert_eq!(e.kind.code(), "query-bad-age");
                prop_assert_eq!(e.kind, QueryErrorKind::BadAge { field: Field::Created });
            }
        }
    }

    /// Long input of any kind (pasted text, control characters, thousands
    /// of terms) parses or errs in place.
    #[test]
    fn long_input_parses_or_errs_in_place(
        parts in proptest::collection::vec(prop_oneof![
            fragment(),
            "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}]{1,3}",
        ], 200..1200),
    ) {
        let input = parts.join(" ");
        let chars = input.chars().count();
        if let Err(e) = parse(&input) {
            prop_assert!(e.column + e.len <= chars, "{e:?}");
            prop_assert!(!e.kind.code().is_empty());
        }
    }
}

/// Digits of any script as ASCII (the test's own folding, to check the
/// parser's).
fn fold_test_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '೦'..='೯' => char::from(b'0' + (c as u32 - '೦' as u32) as u8),
            '०'..='९' => char::from(b'0' + (c as u32 - '०' as u32) as u8),
            c => c,
        })
        .collect()
}
