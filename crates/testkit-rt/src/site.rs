//! One RT instance's own files: its site config, database, caches and logs,
//! all in one directory. Nothing under /etc is read or written: RT reads the
//! file named by `RT_SITE_CONFIG` instead of /etc/request-tracker5/RT_SiteConfig.pm
//! and the directory named by `RT_SITE_CONFIG_DIR` (left empty here) instead of
//! RT_SiteConfig.d/, where Debian's files would point it at the package's
//! database and at /rt. Mason's cache and the web sessions (RT keeps both under
//! /var/cache/request-tracker5 by default) move into the instance directory too.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

/// Where the Debian package puts RT.
pub const RT_SHARE: &str = "/usr/share/request-tracker5";
pub const RT_SERVER: &str = "/usr/share/request-tracker5/libexec/rt-server";
pub const RT_SETUP_DATABASE: &str = "/usr/sbin/rt-setup-database";

/// The paths of one instance, all under `root`.
#[derive(Clone, Debug)]
pub struct Site {
    pub root: PathBuf,
}

impl Site {
    pub fn new(root: &Path) -> Site {
        Site {
            root: root.to_path_buf(),
        }
    }
    pub fn config(&self) -> PathBuf {
        self.root.join("RT_SiteConfig.pm")
    }
    pub fn config_dir(&self) -> PathBuf {
        self.root.join("site.d")
    }
    pub fn database(&self) -> PathBuf {
        self.root.join("rt.db")
    }
    pub fn log(&self) -> PathBuf {
        self.root.join("rt.log")
    }
    /// What RT would have mailed, as an mbox (RT's `$MailCommand` is a Perl
    /// sub that appends here instead of calling sendmail).
    pub fn outgoing_mail(&self) -> PathBuf {
        self.root.join("outgoing.mbox")
    }

    /// Writes the site config for a server on `port` (and the directories it
    /// names).
    pub fn write_config(&self, port: u16) -> Result<()> {
        for dir in [
            self.config_dir(),
            self.root.join("mason"),
            self.root.join("sessions"),
        ] {
            fs::create_dir_all(&dir).map_err(Error::io(format!("creating {}", dir.display())))?;
        }
        let text = site_config(&self.root, port);
        let path = self.config();
        fs::write(&path, text).map_err(Error::io(format!("writing {}", path.display())))
    }

    /// A command that runs with this instance's config and nothing else.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("RT_SITE_CONFIG", self.config())
            .env("RT_SITE_CONFIG_DIR", self.config_dir())
            .env("LANG", "C.UTF-8")
            .env_remove("PERL5LIB")
            .env_remove("PERL5OPT")
            .current_dir(&self.root)
            .stdin(Stdio::null());
        cmd
    }

    /// Runs a Perl script file against this instance's database and returns its
    /// standard output (standard error goes into the error when it fails).
    pub fn run_perl(&self, script: &Path, args: &[String]) -> Result<String> {
        let mut cmd = self.command("perl");
        cmd.arg(script).args(args);
        run(cmd, &format!("perl {}", script.display()))
    }
}

/// Runs a command to completion; its stdout when it succeeds.
pub fn run(mut cmd: Command, what: &str) -> Result<String> {
    let out = cmd.output().map_err(Error::io(format!("running {what}")))?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let mut output = String::from_utf8_lossy(&out.stdout).into_owned();
    output.push_str(&String::from_utf8_lossy(&out.stderr));
    Err(Error::Command {
        what: what.to_string(),
        status: out.status.to_string(),
        output: tail(&output, 40),
    })
}

/// The last `lines` lines of a text.
pub fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Checks RT's packages are there, and says which version (e.g. "5.0.3").
pub fn rt_version() -> Result<String> {
    let generated = Path::new(RT_SHARE).join("lib/RT/Generated.pm");
    let text = fs::read_to_string(&generated)
        .map_err(|e| Error::NotInstalled(format!("{}: {e}", generated.display())))?;
    for program in [RT_SERVER, RT_SETUP_DATABASE] {
        if !Path::new(program).exists() {
            return Err(Error::NotInstalled(format!("{program} is missing")));
        }
    }
    text.lines()
        .find_map(|l| l.trim().strip_prefix("our $VERSION = '"))
        .and_then(|rest| rest.split('\'').next())
        .map(str::to_string)
        .ok_or_else(|| Error::NotInstalled(format!("no $VERSION in {}", generated.display())))
}

/// A Perl single-quoted string.
fn perl_str(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn site_config(root: &Path, port: u16) -> String {
    let dir = |name: &str| perl_str(&root.join(name).to_string_lossy());
    let base_url = perl_str(&format!("http://127.0.0.1:{port}"));
    format!(
        r#"# Written by sahaya-testkit-rt for one test instance; RT reads it through
# RT_SITE_CONFIG. RT_SITE_CONFIG_DIR points at an empty directory.
Set($rtname, 'sahaya-test');
Set($Organization, 'sahaya.test');
Set($DatabaseType, 'SQLite');
Set($DatabaseName, {db});
Set($WebDomain, '127.0.0.1');
Set($WebPort, {port});
Set($WebPath, '');
Set($WebBaseURL, {base_url});
Set($CorrespondAddress, 'support@support.sahaya.test');
Set($CommentAddress, 'support-comment@support.sahaya.test');
Set($Timezone, 'UTC');
Set($LogToSTDERR, 'warning');
Set($LogToSyslog, undef);
Set($LogToFile, undef);
# Never mail anyone: keep what RT would send, as an mbox, beside the database.
Set($MailCommand, sub {{
    my $entity = shift;
    open(my $fh, '>>', {mbox}) or return 0;
    print $fh "From rt\@sahaya.test Thu Jan  1 00:00:00 1970\n", $entity->stringify, "\n";
    close $fh;
    return 1;
}});
$RT::MasonDataDir = {mason};
$RT::MasonSessionDir = {sessions};
1;
"#,
        db = dir("rt.db"),
        mbox = dir("outgoing.mbox"),
        mason = dir("mason"),
        sessions = dir("sessions"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_paths_for_perl() {
        assert_eq!(perl_str("/tmp/a'b\\c"), "'/tmp/a\\'b\\\\c'");
        let text = site_config(Path::new("/tmp/x"), 8080);
        assert!(text.contains("Set($DatabaseName, '/tmp/x/rt.db');"));
        assert!(text.contains("Set($WebBaseURL, 'http://127.0.0.1:8080');"));
    }
}
