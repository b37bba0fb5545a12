//! The template database: initialised and provisioned once per machine (RT's
//! `rt-setup-database` plus `perl/setup.pl` take ~6 s), then copied for every
//! server. It lives under the system temp dir, keyed by RT's version and by a
//! hash of what builds it, and is built under a file lock so parallel test
//! processes wait for one builder instead of racing. A finished template is a
//! directory renamed into place in one step, so a reader never sees half of one.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::site::{self, RT_SETUP_DATABASE, Site};

pub const SETUP_PL: &str = include_str!("../perl/setup.pl");
pub const SEED_PL: &str = include_str!("../perl/seed.pl");
/// Bumped when the site config or the build steps change in a way the hash of
/// setup.pl does not see.
const BUILD_VERSION: &str = "1";

/// A user with an API token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RtUser {
    /// RT's user name (also what REST 2 shows as the user's `id` in links).
    pub name: String,
    /// RT's numeric user id.
    pub id: u64,
    /// Send as `Authorization: token <token>`.
    pub token: String,
}

/// A queue by name and id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Queue {
    pub name: String,
    pub id: u64,
}

/// What setup.pl made, as it reported it.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub queues: Vec<Queue>,
    pub custom_fields: Vec<(String, u64)>,
    pub agents: Vec<RtUser>,
    pub admin: Option<RtUser>,
    pub customers: usize,
}

impl Facts {
    /// Parses setup.pl's "key<TAB>value..." lines.
    pub fn parse(text: &str) -> Result<Facts> {
        let bad = |line: &str| {
            Error::Unexpected(format!("setup.pl printed an unexpected line: {line:?}"))
        };
        let num = |s: &str, line: &str| s.parse::<u64>().map_err(|_| bad(line));
        let mut facts = Facts::default();
        let mut done = false;
        for line in text.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["queue", name, id] => facts.queues.push(Queue {
                    name: name.to_string(),
                    id: num(id, line)?,
                }),
                ["customfield", name, id] => {
                    facts.custom_fields.push((name.to_string(), num(id, line)?))
                }
                ["customers", n] => facts.customers = num(n, line)? as usize,
                ["user", role, name, id, token] => {
                    let user = RtUser {
                        name: name.to_string(),
                        id: num(id, line)?,
                        token: token.to_string(),
                    };
                    match *role {
                        "agent" => facts.agents.push(user),
                        "admin" => facts.admin = Some(user),
                        _ => return Err(bad(line)),
                    }
                }
                ["done"] => done = true,
                _ => return Err(bad(line)),
            }
        }
        if !done || facts.admin.is_none() || facts.agents.len() < 2 || facts.queues.len() < 3 {
            return Err(Error::Unexpected(format!(
                "setup.pl did not finish: {text:?}"
            )));
        }
        Ok(facts)
    }
}

/// A built template: its database and facts.
#[derive(Clone, Debug)]
pub struct Template {
    pub dir: PathBuf,
    pub facts: Facts,
}

impl Template {
    pub fn database(&self) -> PathBuf {
        self.dir.join("rt.db")
    }
}

/// FNV-1a, stable across Rust versions (unlike `DefaultHasher`).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Where templates live: `$TMPDIR/sahaya-testkit-rt/`.
pub fn cache_root() -> PathBuf {
    std::env::temp_dir().join("sahaya-testkit-rt")
}

fn key(version: &str) -> String {
    let safe: String = version
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("rt-{safe}-{:016x}", fnv1a(&[BUILD_VERSION, SETUP_PL]))
}

/// The template for this machine's RT, built now if it is not there yet.
pub fn ensure(version: &str) -> Result<Template> {
    let root = cache_root();
    let dir = root.join(key(version));
    if let Some(t) = load(&dir)? {
        return Ok(t);
    }
    fs::create_dir_all(&root).map_err(Error::io(format!("creating {}", root.display())))?;
    let lock_path = root.join(format!("{}.lock", key(version)));
    let lock =
        File::create(&lock_path).map_err(Error::io(format!("creating {}", lock_path.display())))?;
    lock.lock()
        .map_err(Error::io(format!("locking {}", lock_path.display())))?;
    // Someone else may have built it while we waited for the lock.
    let result = match load(&dir)? {
        Some(t) => Ok(t),
        None => build(&root, &dir),
    };
    drop(lock);
    result
}

fn load(dir: &Path) -> Result<Option<Template>> {
    let facts_path = dir.join("facts.tsv");
    if !facts_path.exists() || !dir.join("rt.db").exists() {
        return Ok(None);
    }
    let text = fs::read_to_string(&facts_path)
        .map_err(Error::io(format!("reading {}", facts_path.display())))?;
    Ok(Some(Template {
        dir: dir.to_path_buf(),
        facts: Facts::parse(&text)?,
    }))
}

fn build(root: &Path, dir: &Path) -> Result<Template> {
    let staging = tempfile::Builder::new()
        .prefix(".build-")
        .tempdir_in(root)
        .map_err(Error::io(format!(
            "creating a build directory in {}",
            root.display()
        )))?;
    let site = Site::new(staging.path());
    let facts_text = provision(&site)?;
    let facts = Facts::parse(&facts_text)?;
    // Only the database and the facts are the template; the rest was scaffolding.
    let out = staging.path().join("template");
    fs::create_dir(&out).map_err(Error::io(format!("creating {}", out.display())))?;
    fs::rename(site.database(), out.join("rt.db"))
        .map_err(Error::io("moving the template database"))?;
    fs::write(out.join("facts.tsv"), &facts_text)
        .map_err(Error::io("writing the template facts"))?;
    fs::rename(&out, dir).map_err(Error::io(format!(
        "moving the template to {}",
        dir.display()
    )))?;
    Ok(Template {
        dir: dir.to_path_buf(),
        facts,
    })
}

/// Initialises a new database for `site` and runs setup.pl on it; returns
/// setup.pl's facts. Used for the template and for `fresh_database` servers.
pub fn provision(site: &Site) -> Result<String> {
    site.write_config(0)?;
    let mut init = site.command(RT_SETUP_DATABASE);
    init.args(["--action", "init", "--skip-create"]);
    site::run(init, "rt-setup-database --action init")?;
    let script = site.root.join("setup.pl");
    fs::write(&script, SETUP_PL).map_err(Error::io(format!("writing {}", script.display())))?;
    site.run_perl(&script, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_facts() {
        let text = "queue\tGeneral\t1\nqueue\tReturns\t3\nqueue\tRestricted\t4\ncustomfield\tOrder\t2\n\
                    customers\t120\nuser\tagent\tasha\t36\t1-36-x\nuser\tagent\travi\t38\t1-38-y\n\
                    user\tadmin\troot\t14\t1-14-z\ndone\n";
        let f = Facts::parse(text).unwrap();
        assert_eq!(
            f.queues[1],
            Queue {
                name: "Returns".into(),
                id: 3
            }
        );
        assert_eq!(f.agents[1].token, "1-38-y");
        assert_eq!(f.admin.unwrap().name, "root");
        assert_eq!(f.customers, 120);
        assert!(Facts::parse("queue\tGeneral\t1\n").is_err());
    }

    #[test]
    fn key_names_version_and_build() {
        let k = key("5.0.3+dfsg-3~deb12u7");
        assert!(k.starts_with("rt-5.0.3_dfsg_3_deb12u7-"), "{k}");
        assert_ne!(fnv1a(&["a", "b"]), fnv1a(&["ab"]));
    }
}
