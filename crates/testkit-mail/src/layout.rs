//! Where an instance keeps its files, all under its own temporary directory,
//! and who owns the mail.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::accounts::Account;
use crate::error::{Error, Result};

/// The user that owns the Maildirs and that Dovecot's mail processes and the
/// SMTP server run as. Dovecot refuses uid 0 for mail, so a root test process
/// uses `nobody`; any other user uses itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MailUser {
    pub uid: u32,
    pub gid: u32,
    /// Whether the test process is root (then the servers switch users).
    pub as_root: bool,
}

impl MailUser {
    pub(crate) fn for_this_process() -> MailUser {
        // SAFETY: geteuid/getegid have no preconditions and cannot fail.
        let (euid, egid) = unsafe { (libc::geteuid(), libc::getegid()) };
        if euid != 0 {
            return MailUser {
                uid: euid,
                gid: egid,
                as_root: false,
            };
        }
        let (uid, gid) = passwd_entry("nobody").unwrap_or((65534, 65534));
        MailUser {
            uid,
            gid,
            as_root: true,
        }
    }
}

/// The uid and gid of a user in /etc/passwd.
fn passwd_entry(name: &str) -> Option<(u32, u32)> {
    let passwd = fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        (fields.next()? == name).then_some(())?;
        let _password = fields.next()?;
        Some((fields.next()?.parse().ok()?, fields.next()?.parse().ok()?))
    })
}

/// The name of a uid in /etc/passwd (Dovecot's internal users need a name).
pub(crate) fn user_name(uid: u32) -> Option<String> {
    let passwd = fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let _password = fields.next()?;
        (fields.next()?.parse::<u32>().ok()? == uid).then(|| name.to_owned())
    })
}

/// The name of a gid in /etc/group (Dovecot's internal group needs a name).
pub(crate) fn group_name(gid: u32) -> Option<String> {
    let group = fs::read_to_string("/etc/group").ok()?;
    group.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let _password = fields.next()?;
        (fields.next()?.parse::<u32>().ok()? == gid).then(|| name.to_owned())
    })
}

/// The files of one instance of the servers.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    root: PathBuf,
}

impl Layout {
    pub(crate) fn new(root: &Path) -> Layout {
        Layout {
            root: root.to_owned(),
        }
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The Maildir of one account (Dovecot: `maildir:<mail_root>/%d/%n`).
    pub(crate) fn maildir(&self, account: &Account) -> PathBuf {
        self.mail_root()
            .join(account.domain())
            .join(account.local_part())
    }

    pub(crate) fn mail_root(&self) -> PathBuf {
        self.root.join("mail")
    }

    pub(crate) fn dovecot_conf(&self) -> PathBuf {
        self.root.join("dovecot.conf")
    }

    pub(crate) fn dovecot_users(&self) -> PathBuf {
        self.root.join("dovecot-users")
    }

    pub(crate) fn dovecot_log(&self) -> PathBuf {
        self.root.join("dovecot.log")
    }

    pub(crate) fn dovecot_base_dir(&self) -> PathBuf {
        self.root.join("run")
    }

    pub(crate) fn dovecot_state_dir(&self) -> PathBuf {
        self.root.join("state")
    }

    pub(crate) fn smtp_accounts(&self) -> PathBuf {
        self.root.join("smtp-accounts")
    }

    pub(crate) fn smtp_script(&self) -> PathBuf {
        self.root.join("deliver.py")
    }

    pub(crate) fn smtp_log(&self) -> PathBuf {
        self.root.join("smtp.log")
    }

    /// Makes the directory readable by the servers' users, and an empty
    /// Maildir (cur, new, tmp) owned by the mail user for every account.
    pub(crate) fn prepare(&self, accounts: &[Account], user: MailUser) -> Result<()> {
        set_mode(&self.root, 0o755)?;
        let mail_root = self.mail_root();
        create_owned_dir(&mail_root, user)?;
        for account in accounts {
            let domain = mail_root.join(account.domain());
            if !domain.exists() {
                create_owned_dir(&domain, user)?;
            }
            let maildir = self.maildir(account);
            create_owned_dir(&maildir, user)?;
            for sub in ["cur", "new", "tmp"] {
                create_owned_dir(&maildir.join(sub), user)?;
            }
        }
        Ok(())
    }
}

/// Writes a file that the servers' users may read (test passwords only).
pub(crate) fn write_readable(path: &Path, contents: &[u8]) -> Result<()> {
    fs::write(path, contents).map_err(Error::io(format!("writing {}", path.display())))?;
    set_mode(path, 0o644)
}

fn set_mode(path: &Path, mode: u32) -> Result<()> {
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
        .map_err(Error::io(format!("chmod {mode:o} {}", path.display())))
}

fn create_owned_dir(path: &Path, user: MailUser) -> Result<()> {
    fs::create_dir(path).map_err(Error::io(format!("creating {}", path.display())))?;
    set_mode(path, 0o755)?;
    if user.as_root {
        std::os::unix::fs::chown(path, Some(user.uid), Some(user.gid))
            .map_err(Error::io(format!("chown {}", path.display())))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_and_nobody_are_in_passwd() {
        assert_eq!(passwd_entry("root"), Some((0, 0)));
        assert_eq!(user_name(0).as_deref(), Some("root"));
        assert_eq!(group_name(0).as_deref(), Some("root"));
        assert_eq!(passwd_entry("no-such-user-here"), None);
    }

    #[test]
    fn maildirs_are_per_domain_and_local_part() {
        let layout = Layout::new(Path::new("/t"));
        let account = Account::new("kavya@customer.test", "pw").unwrap();
        assert_eq!(
            layout.maildir(&account),
            Path::new("/t/mail/customer.test/kavya")
        );
    }
}
