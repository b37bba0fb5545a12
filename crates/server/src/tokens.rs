//! Bearer tokens: how they are made and how they are stored (hashed only).

use rand::Rng;
use sha2::{Digest, Sha256};

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A fresh random token: `sh_` and 40 hex digits.
pub fn new_token() -> String {
    let bytes: [u8; 20] = rand::rng().random();
    format!("sh_{}", hex::encode(bytes))
}
