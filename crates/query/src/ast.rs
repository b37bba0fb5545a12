//! The typed query and how it prints: the printed form parses back to the
//! same query, so a saved view can be stored as text.

use std::fmt;

use sahaya_protocol::domain::{AgentId, Channel, Priority, Status};

/// A parsed search: every clause must hold (AND).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

/// Terms joined by `OR`: one of them must hold. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub terms: Vec<Term>,
}

/// One condition, possibly excluded with `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub matcher: Matcher,
}

/// What a term looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matcher {
    /// A free word: a prefix of a word of the subject or a message, or of
    /// the customer's name, handles, order ids or tracking numbers.
    Word(String),
    /// Quoted words, in this order, in the subject or one message.
    Phrase(String),
    Status(Status),
    Priority(Priority),
    Channel(Channel),
    /// The team, compared without regard to case.
    Group(String),
    Assignee(Assignee),
    /// A tag, normalized as the server stores tags.
    Tag(String),
    /// An order id or tracking number (prefix, case and punctuation ignored).
    Order(String),
    /// A phone number however written (prefix of the national number).
    Phone(String),
    /// An e-mail address (prefix, case ignored).
    Email(String),
    /// A social handle such as `@kavya_r` (prefix, case ignored).
    Handle(String),
    /// Words of the customer's name (prefixes, any script).
    Customer(String),
    /// The customer's preferred language, a BCP 47 primary code (`kn`).
    Lang(String),
    /// New or open with the next SLA deadline passed (`true`), or not.
    Late(bool),
    /// How long ago the ticket was created.
    Created(Age),
    /// How long ago the ticket last changed.
    Updated(Age),
    /// A CSAT answer (1–5) given for the ticket.
    Csat(Compare),
}

/// Who a ticket is assigned to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignee {
    /// The agent running the query.
    Me,
    /// Nobody.
    Nobody,
    Id(AgentId),
    /// An agent's login, or a prefix of a word of their name.
    Name(String),
}

/// A comparison operator as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

impl Cmp {
    pub fn as_str(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::Eq => "=",
        }
    }

    /// Whether `left OP right` holds.
    pub fn holds(self, left: i64, right: i64) -> bool {
        match self {
            Cmp::Lt => left < right,
            Cmp::Le => left <= right,
            Cmp::Gt => left > right,
            Cmp::Ge => left >= right,
            Cmp::Eq => left == right,
        }
    }
}

/// A number compared with `cmp` (`csat:<3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Compare {
    pub cmp: Cmp,
    pub value: i64,
}

/// An age compared with `cmp`: `created:<2d` is "created less than two days
/// ago". Never `Cmp::Eq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Age {
    pub cmp: Cmp,
    pub amount: u32,
    pub unit: AgeUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgeUnit {
    Minutes,
    Hours,
    Days,
    Weeks,
}

impl AgeUnit {
    pub fn suffix(self) -> &'static str {
        match self {
            AgeUnit::Minutes => "m",
            AgeUnit::Hours => "h",
            AgeUnit::Days => "d",
            AgeUnit::Weeks => "w",
        }
    }

    pub fn millis(self) -> i64 {
        match self {
            AgeUnit::Minutes => 60_000,
            AgeUnit::Hours => 3_600_000,
            AgeUnit::Days => 86_400_000,
            AgeUnit::Weeks => 7 * 86_400_000,
        }
    }
}

impl Age {
    /// The age in milliseconds.
    pub fn millis(self) -> i64 {
        i64::from(self.amount).saturating_mul(self.unit.millis())
    }
}

/// The named fields of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Status,
    Priority,
    Channel,
    Group,
    Assignee,
    Tag,
    Order,
    Phone,
    Email,
    Handle,
    Customer,
    Lang,
    Late,
    Created,
    Updated,
    Csat,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::Status,
        Field::Priority,
        Field::Channel,
        Field::Group,
        Field::Assignee,
        Field::Tag,
        Field::Order,
        Field::Phone,
        Field::Email,
        Field::Handle,
        Field::Customer,
        Field::Lang,
        Field::Late,
        Field::Created,
        Field::Updated,
        Field::Csat,
    ];

    /// The name typed before the colon.
    pub fn name(self) -> &'static str {
        match self {
            Field::Status => "status",
            Field::Priority => "priority",
            Field::Channel => "channel",
            Field::Group => "group",
            Field::Assignee => "assignee",
            Field::Tag => "tag",
            Field::Order => "order",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Handle => "handle",
            Field::Customer => "customer",
            Field::Lang => "lang",
            Field::Late => "late",
            Field::Created => "created",
            Field::Updated => "updated",
            Field::Csat => "csat",
        }
    }

    /// The field named `name` (ASCII case ignored).
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }
}

impl Matcher {
    /// The field of a field term; None for words and phrases.
    pub fn field(&self) -> Option<Field> {
        Some(match self {
            Matcher::Word(_) | Matcher::Phrase(_) => return None,
            Matcher::Status(_) => Field::Status,
            Matcher::Priority(_) => Field::Priority,
            Matcher::Channel(_) => Field::Channel,
            Matcher::Group(_) => Field::Group,
            Matcher::Assignee(_) => Field::Assignee,
            Matcher::Tag(_) => Field::Tag,
            Matcher::Order(_) => Field::Order,
            Matcher::Phone(_) => Field::Phone,
            Matcher::Email(_) => Field::Email,
            Matcher::Handle(_) => Field::Handle,
            Matcher::Customer(_) => Field::Customer,
            Matcher::Lang(_) => Field::Lang,
            Matcher::Late(_) => Field::Late,
            Matcher::Created(_) => Field::Created,
            Matcher::Updated(_) => Field::Updated,
            Matcher::Csat(_) => Field::Csat,
        })
    }

    /// Free words and phrases: searched in the text.
    pub fn is_text(&self) -> bool {
        matches!(self, Matcher::Word(_) | Matcher::Phrase(_))
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Whether any term depends on the time (`late:`, `created:`, `updated:`).
    pub fn uses_clock(&self) -> bool {
        self.terms().any(|t| {
            matches!(
                t.matcher,
                Matcher::Late(_) | Matcher::Created(_) | Matcher::Updated(_)
            )
        })
    }

    /// Every term, clause by clause.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.clauses.iter().flat_map(|c| c.terms.iter())
    }
}

/// Characters that end a bare word or value.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Writes `text` bare when it reads back as the same value, else quoted.
fn value(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    if !text.is_empty() && !text.chars().any(|c| is_separator(c) || c == '"') {
        f.write_str(text)
    } else {
        quoted(f, text)
    }
}

/// `"text"` with `\` and `"` escaped by a backslash.
fn quoted(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in text.chars() {
        if c == '"' || c == '\\' {
            f.write_str("\\")?;
        }
        write!(f, "{c}")?;
    }
    f.write_str("\"")
}

impl fmt::Display for Age {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}{}",
            self.cmp.as_str(),
            self.amount,
            self.unit.suffix()
        )
    }
}

impl fmt::Display for Compare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.cmp {
            Cmp::Eq => write!(f, "{}", self.value),
            other => write!(f, "{}{}", other.as_str(), self.value),
        }
    }
}

impl fmt::Display for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(field) = self.field() {
            write!(f, "{}:", field.name())?;
        }
        match self {
            Matcher::Word(w) => f.write_str(w),
            Matcher::Phrase(p) => quoted(f, p),
            Matcher::Status(s) => f.write_str(s.as_str()),
            Matcher::Priority(p) => f.write_str(p.as_str()),
            Matcher::Channel(c) => f.write_str(c.as_str()),
            Matcher::Assignee(Assignee::Me) => f.write_str("me"),
            Matcher::Assignee(Assignee::Nobody) => f.write_str("none"),
            Matcher::Assignee(Assignee::Id(id)) => write!(f, "{id}"),
            Matcher::Group(t)
            | Matcher::Assignee(Assignee::Name(t))
            | Matcher::Tag(t)
            | Matcher::Order(t)
            | Matcher::Phone(t)
            | Matcher::Email(t)
            | Matcher::Handle(t)
            | Matcher::Customer(t)
            | Matcher::Lang(t) => value(f, t),
            Matcher::Late(yes) => f.write_str(if *yes { "yes" } else { "no" }),
            Matcher::Created(age) | Matcher::Updated(age) => write!(f, "{age}"),
            Matcher::Csat(c) => write!(f, "{c}"),
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        write!(f, "{}", self.matcher)
    }
}

impl fmt::Display for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, term) in self.terms.iter().enumerate() {
            if i > 0 {
                f.write_str(" OR ")?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

/// The canonical text of the query; [`crate::parse`] reads it back as the
/// same query.
impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, clause) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{clause}")?;
        }
        Ok(())
    }
}
