//! The test accounts: addresses and passwords, valid for both servers.

use crate::error::{Error, Result};

/// The shop's support mailbox, which the email bridge reads.
pub const SUPPORT: &str = "support@shop.test";
/// A customer.
pub const KAVYA: &str = "kavya@customer.test";
/// Another customer.
pub const RAVI: &str = "ravi@customer.test";

/// One mailbox: IMAP logs in with `address` and `password`, and the SMTP
/// server accepts mail for `address` (and AUTH with the same pair).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    address: String,
    password: String,
}

impl Account {
    /// An account; the address is lower-cased (both servers look it up so).
    pub fn new(address: &str, password: &str) -> Result<Account> {
        let address = address.to_ascii_lowercase();
        let bad = |reason| Error::BadAccount {
            address: address.clone(),
            reason,
        };
        let (local, domain) = address.split_once('@').ok_or_else(|| bad("no @"))?;
        let part_ok = |part: &str| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
        };
        if !part_ok(local) || !part_ok(domain) {
            return Err(bad("use ASCII letters, digits and . _ + - around one @"));
        }
        if password.is_empty() || password.chars().any(|c| c.is_control() || c == ':') {
            return Err(bad(
                "the password must be non-empty, without ':' or control characters",
            ));
        }
        Ok(Account {
            address,
            password: password.to_owned(),
        })
    }

    /// `support@shop.test`, `kavya@customer.test` and `ravi@customer.test`.
    pub fn defaults() -> Vec<Account> {
        [
            (SUPPORT, "support-secret"),
            (KAVYA, "kavya-secret"),
            (RAVI, "ravi-secret"),
        ]
        .into_iter()
        .map(|(address, password)| Account {
            address: address.to_owned(),
            password: password.to_owned(),
        })
        .collect()
    }

    /// The address, lower-case; also the IMAP login.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The password for IMAP (and optional SMTP AUTH).
    pub fn password(&self) -> &str {
        &self.password
    }

    /// The part before the @.
    pub fn local_part(&self) -> &str {
        self.address.split_once('@').map_or("", |(local, _)| local)
    }

    /// The part after the @.
    pub fn domain(&self) -> &str {
        self.address
            .split_once('@')
            .map_or("", |(_, domain)| domain)
    }
}

/// The account with that address (compared case-insensitively).
pub(crate) fn find<'a>(accounts: &'a [Account], address: &str) -> Result<&'a Account> {
    accounts
        .iter()
        .find(|account| account.address.eq_ignore_ascii_case(address))
        .ok_or_else(|| Error::UnknownAccount(address.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_lower_cased_and_split() {
        let account = Account::new("Kavya@Customer.Test", "pw").unwrap();
        assert_eq!(account.address(), "kavya@customer.test");
        assert_eq!(account.local_part(), "kavya");
        assert_eq!(account.domain(), "customer.test");
    }

    #[test]
    fn addresses_that_would_escape_the_maildir_root_are_refused() {
        for address in ["../x@y.test", "a/b@y.test", "x@..", "x", "x@", "a b@y.test"] {
            assert!(Account::new(address, "pw").is_err(), "{address}");
        }
        assert!(Account::new("x@y.test", "a:b").is_err());
        assert!(Account::new("x@y.test", "").is_err());
    }

    #[test]
    fn find_ignores_case() {
        let accounts = Account::defaults();
        assert_eq!(
            find(&accounts, "SUPPORT@shop.test").unwrap().address(),
            SUPPORT
        );
        assert!(find(&accounts, "nobody@shop.test").is_err());
    }
}
