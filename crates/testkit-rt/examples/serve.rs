//! Starts one test RT and keeps it until stdin closes (or Enter), for poking
//! at it with curl:
//!
//!     cargo run --example serve -- [TICKETS]
//!
//! Prints the base URL, the tokens and the instance directory.

use std::io::Read;

use sahaya_testkit_rt::{RtServer, SeedOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let tickets: usize = std::env::args().nth(1).map(|n| n.parse()).transpose()?.unwrap_or(20);
    let rt = RtServer::start()?;
    let seeded = rt.seed_tickets(tickets, &SeedOptions::default())?;
    println!("url\t{}", rt.base_url());
    println!("dir\t{}", rt.dir().display());
    for a in rt.agents() {
        println!("agent\t{}\t{}\t{}", a.name, a.id, a.token);
    }
    println!("admin\t{}\t{}\t{}", rt.admin().name, rt.admin().id, rt.admin().token);
    println!("tickets\t{}..={}", seeded.first, seeded.last);
    let _ = std::io::stdin().read(&mut [0u8; 1])?;
    Ok(())
}
