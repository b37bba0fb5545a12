//! Seeding tickets (perl/seed.pl, straight into the instance's database).

use std::fs;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::site::Site;
use crate::template::SEED_PL;

/// How to seed.
#[derive(Clone, Debug)]
pub struct SeedOptions {
    /// Queues to spread the tickets over, round robin (default: the work
    /// queues, General and Returns).
    pub queues: Vec<String>,
    /// Each ticket gets 0..=replies messages after the customer's first one
    /// (agent reply, customer answer, internal note, in turn).
    pub replies: u32,
    /// Seed for the choice of subjects, bodies, requestors, statuses.
    pub seed: u64,
}

impl Default for SeedOptions {
    fn default() -> Self {
        SeedOptions {
            queues: Vec::new(),
            replies: 3,
            seed: 1,
        }
    }
}

/// What a seeding made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedReport {
    /// Ticket ids first..=last, all new (none when `tickets` is 0).
    pub first: u64,
    pub last: u64,
    pub tickets: usize,
    /// Transactions made (creates, messages, owner and status changes).
    pub transactions: usize,
    pub elapsed: Duration,
}

pub fn seed(site: &Site, n: usize, queues: &[String], options: &SeedOptions) -> Result<SeedReport> {
    let script = site.root.join("seed.pl");
    if !script.exists() {
        fs::write(&script, SEED_PL).map_err(Error::io(format!("writing {}", script.display())))?;
    }
    let started = Instant::now();
    let args = [
        n.to_string(),
        options.seed.to_string(),
        queues.join(","),
        options.replies.to_string(),
    ];
    let out = site.run_perl(&script, &args)?;
    let mut report = SeedReport {
        first: 0,
        last: 0,
        tickets: n,
        transactions: 0,
        elapsed: Duration::ZERO,
    };
    for line in out.lines() {
        let bad = || Error::Unexpected(format!("seed.pl printed an unexpected line: {line:?}"));
        let (key, value) = line.split_once('\t').ok_or_else(bad)?;
        let value: u64 = value.parse().map_err(|_| bad())?;
        match key {
            "first" => report.first = value,
            "last" => report.last = value,
            "transactions" => report.transactions = value as usize,
            _ => return Err(bad()),
        }
    }
    report.elapsed = started.elapsed();
    if n > 0 && report.last + 1 - report.first != n as u64 {
        return Err(Error::Unexpected(format!(
            "seed.pl made tickets {}..={}, not {n}",
            report.first, report.last
        )));
    }
    Ok(report)
}
