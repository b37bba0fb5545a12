//! Accuracy of the intent suggestion on the labelled set: top-1 and top-3
//! on the held-out half (and, for comparison, on the tuning half), per
//! language and per script, for the keyword rules, a naive Bayes model over
//! character n-grams trained on the tuning half, and the two combined; then
//! the confusions of the shipped classifier on the held-out half.
//!
//! `cargo bench -p sahaya-intent --bench accuracy`
//! `cargo bench -p sahaya-intent --bench accuracy -- --misses` also lists
//! the tuning half's misses (never the held-out half's), to work on the
//! keyword lists without looking at the held-out texts.
//! `... -- --extra FILE.tsv` also measures another labelled set in the same
//! format (e.g. tickets exported from a live desk), never used for tuning.

mod bayes;
mod report;

use std::time::Instant;

use sahaya_intent::dataset::{self, Example, Half};
use sahaya_intent::{Intent, classify};

use bayes::NaiveBayes;
use report::{Ranker, confusions, print_table};

fn main() {
    let examples = match dataset::labelled() {
        Ok(examples) => examples,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let tuning: Vec<&Example> = examples
        .iter()
        .filter(|e| e.half() == Half::Tuning)
        .collect();
    let held_out: Vec<&Example> = examples
        .iter()
        .filter(|e| e.half() == Half::HeldOut)
        .collect();
    println!(
        "labelled set: {} examples, {} tuning, {} held out",
        examples.len(),
        tuning.len(),
        held_out.len()
    );

    let rules =
        |e: &Example| -> Vec<Intent> { classify(&e.ticket()).iter().map(|s| s.intent).collect() };
    let nb = NaiveBayes::train(&tuning);
    let bayes = |e: &Example| -> Vec<Intent> { nb.rank(e).into_iter().map(|(i, _)| i).collect() };
    let beta = bayes::choose_hybrid_weight(&tuning);
    let hybrid = |e: &Example| -> Vec<Intent> { bayes::hybrid(&nb, e, beta) };
    let methods: [(&str, &Ranker<'_>); 3] = [
        ("rules (shipped)", &rules),
        ("naive Bayes, char 2-4-grams", &bayes),
        ("rules + β × Bayes", &hybrid),
    ];
    println!("chosen β = {beta}");
    for (name, ranker) in methods {
        println!("\n== {name}");
        print_table("held-out", &held_out, ranker);
        print_table("tuning (seen)", &tuning, ranker);
    }

    println!("\n== confusions of the rules on the held-out half");
    confusions(&held_out, &rules);

    let start = Instant::now();
    let rounds = 20;
    let mut n = 0usize;
    for _ in 0..rounds {
        for e in &examples {
            n += classify(&e.ticket()).len();
        }
    }
    let per = start.elapsed().as_secs_f64() * 1e6 / (rounds * examples.len()) as f64;
    println!(
        "\nclassify: {per:.1} µs per ticket (mean over {} calls; {n} intents listed)",
        rounds * examples.len()
    );

    let args: Vec<String> = std::env::args().collect();
    if let Some(path) = args
        .iter()
        .position(|a| a == "--extra")
        .and_then(|i| args.get(i + 1))
    {
        extra(path, &rules, &bayes, &hybrid);
    }

    if args.iter().any(|a| a == "--misses") {
        println!("\n== tuning-half misses (top-1 wrong)");
        report::misses(&tuning);
    }
}

/// Accuracy on a labelled set from a file.
fn extra(path: &str, rules: &Ranker<'_>, bayes: &Ranker<'_>, hybrid: &Ranker<'_>) {
    let parsed = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {path}: {e}"))
        .and_then(|text| dataset::parse(&text).map_err(|e| format!("{path}: {e}")));
    let examples = match parsed {
        Ok(examples) => examples,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let refs: Vec<&Example> = examples.iter().collect();
    println!("\n== extra set {path}: {} examples", refs.len());
    print_table("rules", &refs, rules);
    print_table("naive Bayes", &refs, bayes);
    print_table("rules + Bayes", &refs, hybrid);
    println!("confusions of the rules:");
    confusions(&refs, rules);
}
