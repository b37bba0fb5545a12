//! Multinomial naive Bayes over character 2- to 4-grams of the folded
//! words, plus the order facts as tokens; the challenger to the keyword
//! rules. Trained on the tuning half only.

use std::collections::HashMap;

use sahaya_intent::dataset::Example;
use sahaya_intent::{Intent, classify, normalized_words};

/// Laplace smoothing.
const ALPHA: f64 = 0.5;

pub struct NaiveBayes {
    /// Per intent: feature counts and their total.
    counts: HashMap<Intent, (HashMap<String, f64>, f64)>,
    vocabulary: usize,
}

fn features(e: &Example) -> Vec<String> {
    let mut out = Vec::new();
    let texts = std::iter::once(e.subject.as_str()).chain(e.messages.iter().map(String::as_str));
    for text in texts {
        for word in normalized_words(text) {
            let chars: Vec<char> = format!("<{word}>").chars().collect();
            for n in 2..=4 {
                for gram in chars.windows(n) {
                    out.push(gram.iter().collect());
                }
            }
            out.push(format!("w:{word}"));
        }
    }
    if let Some(o) = &e.order {
        if o.cod {
            out.push("#cod".into());
        }
        if o.eta_passed {
            out.push("#late".into());
        }
        if let Some(s) = o.shipment {
            out.push(format!("#ship:{s}"));
        }
        if let Some(p) = o.payment {
            out.push(format!("#pay:{p}"));
        }
    }
    out
}

impl NaiveBayes {
    pub fn train(examples: &[&Example]) -> NaiveBayes {
        let mut counts: HashMap<Intent, (HashMap<String, f64>, f64)> = HashMap::new();
        let mut vocabulary: HashMap<String, ()> = HashMap::new();
        for e in examples {
            let entry = counts.entry(e.intent).or_default();
            for f in features(e) {
                *entry.0.entry(f.clone()).or_default() += 1.0;
                entry.1 += 1.0;
                vocabulary.insert(f, ());
            }
        }
        NaiveBayes {
            counts,
            vocabulary: vocabulary.len(),
        }
    }

    /// Intents with their posterior probability, best first (uniform prior:
    /// the labelled set's class balance is not the traffic's).
    pub fn rank(&self, e: &Example) -> Vec<(Intent, f64)> {
        let fs = features(e);
        let v = self.vocabulary as f64;
        let mut logs: Vec<(Intent, f64)> = Intent::ALL
            .iter()
            .filter_map(|i| self.counts.get(i).map(|c| (*i, c)))
            .map(|(i, (counts, total))| {
                let lp: f64 = fs
                    .iter()
                    .map(|f| {
                        ((counts.get(f).copied().unwrap_or(0.0) + ALPHA) / (total + ALPHA * v)).ln()
                    })
                    .sum();
                (i, lp)
            })
            .collect();
        let max = logs
            .iter()
            .map(|(_, l)| *l)
            .fold(f64::NEG_INFINITY, f64::max);
        let z: f64 = logs.iter().map(|(_, l)| (l - max).exp()).sum();
        for (_, l) in &mut logs {
            *l = (*l - max).exp() / z;
        }
        logs.sort_by(|a, b| b.1.total_cmp(&a.1));
        logs
    }
}

/// Rules score plus `beta` times the Bayes posterior, best first.
pub fn hybrid(nb: &NaiveBayes, e: &Example, beta: f64) -> Vec<Intent> {
    let rules = classify(&e.ticket());
    let mut combined: Vec<(Intent, f64)> = nb
        .rank(e)
        .into_iter()
        .map(|(i, p)| {
            let r = rules
                .iter()
                .find(|s| s.intent == i)
                .map_or(0.0, |s| f64::from(s.score));
            (i, r + beta * p)
        })
        .collect();
    combined.sort_by(|a, b| b.1.total_cmp(&a.1));
    combined.into_iter().map(|(i, _)| i).collect()
}

/// The Bayes weight with the best top-1 (then top-3) in 5-fold
/// cross-validation on the tuning half; prints each candidate's figures.
pub fn choose_hybrid_weight(tuning: &[&Example]) -> f64 {
    println!("5-fold cross-validation on the tuning half, rules + β × Bayes posterior:");
    let candidates = [0.0, 0.5, 1.0, 2.0, 4.0, 8.0];
    let mut best = (0.0, (0usize, 0usize));
    for &beta in &candidates {
        let mut score = (0usize, 0usize);
        for fold in 0..5 {
            let train: Vec<&Example> = tuning
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 5 != fold)
                .map(|(_, e)| *e)
                .collect();
            let nb = NaiveBayes::train(&train);
            for (_, e) in tuning.iter().enumerate().filter(|(i, _)| i % 5 == fold) {
                let ranked = hybrid(&nb, e, beta);
                score.0 += usize::from(ranked.first() == Some(&e.intent));
                score.1 += usize::from(ranked.iter().take(3).any(|&i| i == e.intent));
            }
        }
        let pct = |k: usize| 100.0 * k as f64 / tuning.len().max(1) as f64;
        println!(
            "  β = {beta:<3}  top-1 {:>5.1} %  top-3 {:>5.1} %",
            pct(score.0),
            pct(score.1)
        );
        if score > best.1 {
            best = (beta, score);
        }
    }
    best.0
}
