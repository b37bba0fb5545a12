//! Starts one test Request Tracker for trying the console against by hand:
//!
//!     cargo run --release -p sahaya-testkit --example rt -- 50
//!     sahaya --backend rt --server <url> --token <agent token>
//!
//! Prints RT's URL and the users' tokens, then reads commands from stdin:
//! `stop` (RT goes away, as if the network did), `start` (it comes back with
//! its database), `quit` or end of input (RT stops and its files go).

use std::io::BufRead;

use sahaya_testkit::rt::RtServer;

fn main() -> std::io::Result<()> {
    let tickets: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let mut rt = RtServer::start()?;
    let seeded = rt.seed_tickets(tickets, true)?;
    println!("url\t{}", rt.url());
    for a in &rt.agents {
        println!("agent\t{}\t{}\t{}", a.login, a.id, a.token);
    }
    println!(
        "admin\t{}\t{}\t{}",
        rt.admin.login, rt.admin.id, rt.admin.token
    );
    println!("tickets\t{seeded}");
    println!("dir\t{}", rt.dir().display());
    for line in std::io::stdin().lock().lines() {
        match line?.trim() {
            "stop" => {
                rt.stop();
                println!("stopped");
            }
            "start" => {
                rt.start_again()?;
                println!("started");
            }
            "quit" => break,
            other => println!("unknown command {other:?}: stop, start or quit"),
        }
    }
    Ok(())
}
