//! Accuracy tables, confusions and misses.

use std::collections::BTreeMap;

use sahaya_intent::dataset::{Example, Script};
use sahaya_intent::{Intent, classify};

/// Ranks the intents of an example, best first.
pub type Ranker<'a> = dyn Fn(&Example) -> Vec<Intent> + 'a;

#[derive(Default, Clone, Copy)]
struct Tally {
    n: usize,
    top1: usize,
    top3: usize,
}

impl Tally {
    fn add(&mut self, gold: Intent, ranked: &[Intent]) {
        self.n += 1;
        if ranked.first() == Some(&gold) {
            self.top1 += 1;
        }
        if ranked.iter().take(3).any(|&i| i == gold) {
            self.top3 += 1;
        }
    }

    fn line(&self, label: &str) -> String {
        let pct = |k: usize| 100.0 * k as f64 / self.n.max(1) as f64;
        format!(
            "  {label:<10} n={:>3}  top-1 {:>5.1} %  top-3 {:>5.1} %",
            self.n,
            pct(self.top1),
            pct(self.top3)
        )
    }
}

fn script_name(s: Script) -> &'static str {
    match s {
        Script::Latin => "latin",
        Script::Native => "native",
        Script::Mixed => "mixed",
    }
}

/// Top-1 and top-3 overall, per language and per script.
pub fn print_table(label: &str, examples: &[&Example], ranker: &Ranker<'_>) {
    let mut all = Tally::default();
    let mut by_lang: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_script: BTreeMap<Script, Tally> = BTreeMap::new();
    for e in examples {
        let ranked = ranker(e);
        all.add(e.intent, &ranked);
        by_lang
            .entry(e.language.as_str())
            .or_default()
            .add(e.intent, &ranked);
        by_script
            .entry(e.script())
            .or_default()
            .add(e.intent, &ranked);
    }
    println!("{label}:");
    println!("{}", all.line("all"));
    for lang in ["en", "kn", "te", "ne", "hi"] {
        if let Some(t) = by_lang.get(lang) {
            println!("{}", t.line(lang));
        }
    }
    for (script, t) in &by_script {
        println!("{}", t.line(script_name(*script)));
    }
}

/// Per gold intent: how often it is first and in the top 3, and what is
/// first instead when it is not.
pub fn confusions(examples: &[&Example], ranker: &Ranker<'_>) {
    let mut per: BTreeMap<Intent, (Tally, BTreeMap<Intent, usize>)> = BTreeMap::new();
    for e in examples {
        let ranked = ranker(e);
        let entry = per.entry(e.intent).or_default();
        entry.0.add(e.intent, &ranked);
        if let Some(&first) = ranked.first().filter(|&&f| f != e.intent) {
            *entry.1.entry(first).or_default() += 1;
        }
    }
    for (intent, (tally, wrong)) in per {
        let mut wrong: Vec<(Intent, usize)> = wrong.into_iter().collect();
        wrong.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let instead = wrong
            .iter()
            .map(|(i, n)| format!("{i} ×{n}"))
            .collect::<Vec<_>>()
            .join(", ");
        println!(
            "{}   first instead: {}",
            tally.line(intent.slug()),
            if instead.is_empty() { "-" } else { &instead }
        );
    }
}

/// The tuning examples whose first suggestion is wrong, with what the
/// classifier saw.
pub fn misses(tuning: &[&Example]) {
    for e in tuning {
        let ranked = classify(&e.ticket());
        if ranked.first().map(|s| s.intent) == Some(e.intent) {
            continue;
        }
        println!(
            "line {} [{}] gold {}: {} | {}",
            e.line,
            e.language,
            e.intent,
            e.subject,
            e.messages.join(" | ")
        );
        for s in ranked.iter().take(3) {
            println!("    {s}");
        }
    }
}
