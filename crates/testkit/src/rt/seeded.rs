//! A test RT with thousands of seeded tickets, kept between runs: seeding
//! goes through RT's own API (scrips, mail records, role groups) and takes
//! the better part of an hour for 5,000 tickets on a small machine, so the
//! seeded database and its users' tokens are copied into a cache directory
//! once and started from there the next time.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use super::{RtServer, SEED, SETUP, err, parse_users, site_config};

/// What the cached database depends on: the sizes and the scripts that
/// made it (a changed script makes a new one).
fn cache_key(tickets: usize, replies: bool) -> String {
    let mut h = DefaultHasher::new();
    (SETUP, SEED, site_config(Path::new("/"), 0)).hash(&mut h);
    format!("{tickets}-{replies}-{:016x}", h.finish())
}

impl RtServer {
    /// A running RT holding `tickets` tickets made by [`RtServer::seed_tickets`],
    /// started from the copy in `cache` when there is one, else seeded and
    /// copied there. Says whether the copy was used.
    pub fn start_seeded(
        tickets: usize,
        replies: bool,
        cache: &Path,
    ) -> std::io::Result<(RtServer, bool)> {
        let key = cache_key(tickets, replies);
        let (db, users) = (
            cache.join(format!("{key}.db")),
            cache.join(format!("{key}.users")),
        );
        if db.exists() && users.exists() {
            let mut server = RtServer::prepare()?;
            std::fs::copy(&db, server.database())?;
            server.set_users(parse_users(&std::fs::read_to_string(&users)?))?;
            server.start_again()?;
            return Ok((server, true));
        }
        let server = RtServer::start()?;
        let made = server.seed_tickets(tickets, replies)?;
        if made != tickets {
            return Err(err(format!("seeded {made} tickets of {tickets}")));
        }
        // RT is idle: the seeding process has committed and gone.
        std::fs::create_dir_all(cache)?;
        let tmp = cache.join(format!("{key}.db.tmp"));
        std::fs::copy(server.database(), &tmp)?;
        std::fs::rename(&tmp, &db)?;
        let lines: Vec<String> = std::iter::once(&server.admin)
            .chain(&server.agents)
            .map(|u| format!("{}\t{}\t{}\n", u.login, u.id, u.token))
            .collect();
        std::fs::write(&users, lines.concat())?;
        Ok((server, false))
    }
}
