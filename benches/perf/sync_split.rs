//! `SAHAYA_BENCH_ONLY=sync-split`: the initial sync's fetching and storing
//! timed apart.

use std::path::Path;
use std::time::{Duration, Instant};

use sahaya::client::Client;
use sahaya::store::Store;

/// Where the initial sync spends its time: the sync task's loop by hand
/// (fetch a page, apply it), timing the two halves apart. With `group` > 1,
/// that many pages are applied in one transaction.
pub fn run(
    rt: &tokio::runtime::Runtime,
    client: &Client,
    cache: &Path,
    latest: i64,
    limit: i64,
    group: usize,
) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", cache.display()));
    }
    let mut store = Store::open(cache).expect("cache");
    let (mut fetch, mut apply) = (Duration::ZERO, Duration::ZERO);
    let mut since = 0;
    let mut batch = Vec::new();
    let mut pages = 0;
    while since < latest {
        let t = Instant::now();
        let page = rt.block_on(client.changes(since, limit)).expect("page");
        fetch += t.elapsed();
        batch.extend(page.changes);
        pages += 1;
        since = page.next;
        if pages % group == 0 || since >= latest {
            let t = Instant::now();
            store.apply_changes(&batch, since).expect("apply");
            apply += t.elapsed();
            batch.clear();
        }
    }
    println!(
        "sync split, pages of {limit}, {group} page(s) a transaction: fetch (server + HTTP + decode) {:.2} s, apply {:.2} s",
        fetch.as_secs_f64(),
        apply.as_secs_f64()
    );
}
