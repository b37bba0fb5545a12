//! Views the agent saved: a search of the search language with a name and
//! a key, shown in the tabs with its live count like the built-in views.
//! Kept in `views.toml` in the config directory, beside `config.toml`:
//!
//! ```toml
//! [[view]]
//! name = "Urgent, waiting"
//! key = "7"
//! query = "status:pending priority:urgent"
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use sahaya_store::language::{self, Query};

/// The name of the file in the config directory.
pub const FILE_NAME: &str = "views.toml";

/// One saved view as the file keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedView {
    pub name: String,
    /// The key that shows it, as keymaps spell keys (`"7"`, `"alt-1"`).
    pub key: String,
    /// The query, in the canonical form (it parses back to the same).
    pub query: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewsFile {
    #[serde(default, rename = "view")]
    views: Vec<SavedView>,
}

/// The saved views of this console, their parsed queries and live counts.
#[derive(Debug, Default)]
pub struct SavedViews {
    /// Where they are kept; None: not kept (nowhere to keep them).
    pub path: Option<PathBuf>,
    pub views: Vec<SavedView>,
    /// Each view's query (parsed when loaded; None if it no longer parses).
    pub queries: Vec<Option<Query>>,
    /// Each view's count, as of the last reload.
    pub counts: Vec<i64>,
}

impl SavedViews {
    /// Reads the views kept at `path` (none when the file is missing). A
    /// file that cannot be read gives no views and the reason, naming the
    /// file and the line.
    pub fn load(path: &Path) -> (SavedViews, Option<String>) {
        let mut saved = SavedViews {
            path: Some(path.to_path_buf()),
            ..Default::default()
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (saved, None),
            Err(e) => return (saved, Some(format!("{}: {e}", path.display()))),
        };
        match toml::from_str::<ViewsFile>(&text) {
            Ok(file) => {
                saved.queries = file
                    .views
                    .iter()
                    .map(|v| language::parse(&v.query).ok())
                    .collect();
                saved.counts = vec![0; file.views.len()];
                saved.views = file.views;
                (saved, None)
            }
            Err(e) => (saved, Some(format!("{}: {e}", path.display()))),
        }
    }

    /// Adds a view and writes the file (whole, then renamed over the old
    /// one, so a crash leaves the old or the new file, never half of one).
    pub fn add(&mut self, view: SavedView, query: Query) -> Result<usize, String> {
        self.views.push(view);
        self.queries.push(Some(query));
        self.counts.push(0);
        if let Err(e) = self.write() {
            self.views.pop();
            self.queries.pop();
            self.counts.pop();
            return Err(e);
        }
        Ok(self.views.len() - 1)
    }

    fn write(&self) -> Result<(), String> {
        let Some(path) = &self.path else {
            return Err("no config directory".to_string());
        };
        let file = ViewsFile {
            views: self.views.clone(),
        };
        let text = toml::to_string(&file).map_err(|e| e.to_string())?;
        let say = |e: std::io::Error| format!("{}: {e}", path.display());
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(say)?;
        }
        let tmp = path.with_extension("toml.tmp");
        std::fs::write(&tmp, text).map_err(say)?;
        std::fs::rename(&tmp, path).map_err(say)
    }

    /// The view bound to `key`, if any.
    pub fn by_key(&self, key: &sahaya_keymap::KeyChord) -> Option<usize> {
        self.views.iter().position(|v| {
            sahaya_keymap::parse_key(&v.key).is_ok_and(|keys| keys.as_slice() == [*key])
        })
    }
}
