//! The access token: where the console finds it and how it is kept out of
//! sight.
//!
//! Where it comes from, first found wins: `--token`, `SAHAYA_TOKEN`, the
//! config file's `token`, the OS keyring (service `sahaya`, the server's
//! address as the user name) when the system has one, else the file
//! `token` beside the config file. A token file (like a config file with a
//! token in it) that its group or other users can read is refused, with the
//! `chmod` that fixes it. The embedded demo writes its own token file with
//! mode 0600 and reads it back the same way.
//!
//! A [`Token`] shows as `Token(<hidden>)` in `Debug` and has no `Display`,
//! so it cannot slip into a log line, an error or a panic message; errors
//! here name files and modes, never contents.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The token file's name, in the config dir.
pub const TOKEN_FILE: &str = "token";

/// The keyring's service name for sahaya's tokens.
pub const KEYRING_SERVICE: &str = "sahaya";

/// A secret that never prints.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// The token in `raw` (surrounding whitespace dropped), if any.
    pub fn new(raw: &str) -> Option<Token> {
        let t = raw.trim();
        (!t.is_empty()).then(|| Token(t.to_string()))
    }

    /// The token itself, to hand to the HTTP client.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<hidden>)")
    }
}

impl std::str::FromStr for Token {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Token, Self::Err> {
        Token::new(s).ok_or("the token is empty")
    }
}

impl<'de> serde::Deserialize<'de> for Token {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Token, D::Error> {
        let raw = String::deserialize(d)?;
        Token::new(&raw).ok_or_else(|| serde::de::Error::custom("the token is empty"))
    }
}

/// Where a token came from (for the log: the place, never the token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    Environment,
    ConfigFile,
    Keyring,
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag => f.write_str("--token"),
            Source::Environment => f.write_str("SAHAYA_TOKEN"),
            Source::ConfigFile => f.write_str("the config file"),
            Source::Keyring => f.write_str("the OS keyring"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error(
        "{path} holds the access token but its group or other users can read it (mode {mode:03o}); run `chmod 600 {path}`"
    )]
    TooOpen { path: PathBuf, mode: u32 },
    #[error("{path} is empty: put the access token in it, or delete the file")]
    Empty { path: PathBuf },
    #[error("cannot read the token file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The token file beside `config_file`.
pub fn token_file(config_file: &Path) -> Option<PathBuf> {
    Some(config_file.parent()?.join(TOKEN_FILE))
}

/// The permission bits others than the owner have on `path` (0 where the
/// platform has no such bits).
#[cfg(unix)]
pub fn open_bits(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o077
}

#[cfg(not(unix))]
pub fn open_bits(_meta: &std::fs::Metadata) -> u32 {
    0
}

/// Reads the token file at `path`: `None` when there is none; refused when
/// others can read it.
pub fn read_file(path: &Path) -> Result<Option<Token>, CredentialError> {
    let read_err = |source| CredentialError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_err(e)),
    };
    if open_bits(&meta) != 0 {
        #[cfg(unix)]
        let mode = {
            use std::os::unix::fs::PermissionsExt;
            meta.permissions().mode() & 0o777
        };
        #[cfg(not(unix))]
        let mode = 0;
        return Err(CredentialError::TooOpen {
            path: path.to_path_buf(),
            mode,
        });
    }
    let text = std::fs::read_to_string(path).map_err(read_err)?;
    Token::new(&text)
        .map(Some)
        .ok_or_else(|| CredentialError::Empty {
            path: path.to_path_buf(),
        })
}

/// Writes `token` to `path`, readable by its owner only (a file already
/// there is narrowed to 0600 before the token goes in).
pub fn write_file(path: &Path, token: &Token) -> Result<(), CredentialError> {
    let write_err = |source| CredentialError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(write_err)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(write_err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(write_err)?;
    }
    file.write_all(token.expose().as_bytes())
        .and_then(|()| file.write_all(b"\n"))
        .and_then(|()| file.sync_all())
        .map_err(write_err)
}

/// Makes `path` readable by its owner only, creating it empty when it is
/// missing (for a file that will hold secrets, such as a database of
/// accounts).
pub fn owner_only(path: &Path) -> Result<(), CredentialError> {
    let write_err = |source| CredentialError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path).map_err(write_err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(write_err)?;
    }
    #[cfg(not(unix))]
    drop(file);
    Ok(())
}

/// The token the OS keyring keeps for `server`, when the system has a
/// keyring (on a headless Linux there is usually no Secret Service: then
/// `None`, and the token file is next).
pub fn from_keyring(server: &str) -> Option<Token> {
    let entry = match keyring::Entry::new(KEYRING_SERVICE, server) {
        Ok(e) => e,
        Err(e) => {
            tracing::debug!("no OS keyring here ({e}): looking for the token file");
            return None;
        }
    };
    match entry.get_password() {
        Ok(t) => Token::new(&t),
        Err(keyring::Error::NoEntry) => None,
        Err(e) => {
            tracing::info!("the OS keyring could not be read ({e}): looking for the token file");
            None
        }
    }
}

/// What the console was given, in the order it is tried.
pub struct Given<'a> {
    pub flag: Option<&'a Token>,
    pub env: Option<Token>,
    pub config: Option<&'a Token>,
    pub server: &'a str,
    pub config_file: Option<&'a Path>,
    /// Ask the OS keyring (off in tests that must not touch it).
    pub keyring: bool,
}

/// The token for `given.server` and where it came from.
pub fn find(given: Given<'_>) -> Result<Option<(Token, Source)>, CredentialError> {
    if let Some(t) = given.flag {
        return Ok(Some((t.clone(), Source::Flag)));
    }
    if let Some(t) = given.env {
        return Ok(Some((t, Source::Environment)));
    }
    if let Some(t) = given.config {
        return Ok(Some((t.clone(), Source::ConfigFile)));
    }
    if given.keyring
        && let Some(t) = from_keyring(given.server)
    {
        return Ok(Some((t, Source::Keyring)));
    }
    let Some(path) = given.config_file.and_then(token_file) else {
        return Ok(None);
    };
    Ok(read_file(&path)?.map(|t| (t, Source::File(path))))
}

/// `SAHAYA_TOKEN`, when set and not blank.
pub fn from_env() -> Option<Token> {
    std::env::var("SAHAYA_TOKEN")
        .ok()
        .and_then(|t| Token::new(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_never_prints() {
        let t = Token::new("  sh_secret_1 \n").unwrap();
        assert_eq!(t.expose(), "sh_secret_1");
        assert_eq!(format!("{t:?}"), "Token(<hidden>)");
        assert_eq!(format!("{:?}", Some(&t)), "Some(Token(<hidden>))");
        assert!(Token::new(" \n").is_none());
        assert!("".parse::<Token>().is_err());
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_written_0600_and_refused_when_others_can_read_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join(TOKEN_FILE);
        assert!(read_file(&path).unwrap().is_none());
        let t = Token::new("sh_secret_2").unwrap();
        write_file(&path, &t).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(read_file(&path).unwrap(), Some(t.clone()));
        for open in [0o640, 0o604, 0o644] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(open)).unwrap();
            let err = read_file(&path).unwrap_err().to_string();
            let chmod = format!("run `chmod 600 {}`", path.display());
            assert!(err.contains(&chmod), "{err}");
            assert!(err.contains(&format!("mode {open:03o}")), "{err}");
            assert!(!err.contains("sh_secret_2"), "{err}");
        }
        // Writing again narrows a file that was too open.
        write_file(&path, &t).unwrap();
        assert_eq!(read_file(&path).unwrap(), Some(t));
        std::fs::write(&path, "\n").unwrap();
        let err = read_file(&path).unwrap_err().to_string();
        assert!(err.contains("is empty"), "{err}");
    }

    #[test]
    fn the_first_source_given_wins_and_the_file_is_last() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        let flag = Token::new("from-flag").unwrap();
        let conf = Token::new("from-config").unwrap();
        let given = |flag, env, config_tok| Given {
            flag,
            env,
            config: config_tok,
            server: "http://127.0.0.1:9/",
            config_file: Some(&config),
            keyring: false,
        };
        assert_eq!(find(given(None, None, None)).unwrap(), None);
        let file = Token::new("from-file").unwrap();
        write_file(&dir.path().join(TOKEN_FILE), &file).unwrap();
        let (t, source) = find(given(None, None, None)).unwrap().unwrap();
        assert_eq!(
            (t, source),
            (file, Source::File(dir.path().join(TOKEN_FILE)))
        );
        let (t, source) = find(given(None, None, Some(&conf))).unwrap().unwrap();
        assert_eq!((t, source), (conf.clone(), Source::ConfigFile));
        let env = Token::new("from-env");
        let (t, source) = find(given(None, env.clone(), Some(&conf)))
            .unwrap()
            .unwrap();
        assert_eq!((Some(t), source), (env.clone(), Source::Environment));
        let (t, source) = find(given(Some(&flag), env, Some(&conf))).unwrap().unwrap();
        assert_eq!((t, source), (flag, Source::Flag));
    }
}
