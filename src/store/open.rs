//! Opening a store: in memory, or a folder on disk for writing (taking the writer
//! lock) or for reading (refused while a build holds the lock), and the folder's
//! layout checks, so that a missing store or one an older zhengqi wrote is explained
//! rather than opened as an empty database.

use super::lock::WriterLock;
use super::{Store, StoreError, internal};
use std::path::Path;

/// The file an earlier zhengqi (0.1) kept its whole store in, as N-Quads text.
pub(super) const OLD_SNAPSHOT: &str = "store.nq";
/// A file RocksDB always writes into a database folder.
const ROCKSDB_MARKER: &str = "CURRENT";

impl Store {
    /// A store that lives only in memory (used by `eval` and the tests).
    pub fn memory() -> Result<Store, StoreError> {
        Ok(Store {
            inner: oxigraph::store::Store::new().map_err(internal)?,
            _lock: None,
            dir: None,
        })
    }

    /// Opens (creating if needed) the store at `dir` for writing, taking its lock.
    /// A lock left by a process that no longer runs is taken over.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.display().to_string(),
            source,
        })?;
        refuse_old_layout(dir)?;
        let lock = WriterLock::acquire(dir)?;
        let inner = open_database(dir, false)?;
        Ok(Store {
            inner,
            _lock: Some(lock),
            dir: Some(dir.to_path_buf()),
        })
    }

    /// Opens an existing store for reading; it takes no lock and never writes.
    /// Nothing is loaded: queries read the database where it lies.
    pub fn open_read_only(dir: &Path) -> Result<Store, StoreError> {
        refuse_old_layout(dir)?;
        if !dir.join(ROCKSDB_MARKER).exists() {
            return Err(StoreError::Missing {
                path: dir.display().to_string(),
            });
        }
        // Reading a RocksDB database while another process writes it is undefined
        // behaviour in Oxigraph, so a running build keeps readers out.
        if let Some(pid) = WriterLock::holder(dir) {
            return Err(StoreError::Locked {
                path: dir.display().to_string(),
                lock: WriterLock::path(dir).display().to_string(),
                pid,
            });
        }
        let inner = open_database(dir, true)?;
        Ok(Store {
            inner,
            _lock: None,
            dir: Some(dir.to_path_buf()),
        })
    }

    /// The folder of an on-disk store; `None` for a store in memory.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }
}

#[cfg(feature = "rocksdb")]
fn open_database(dir: &Path, read_only: bool) -> Result<oxigraph::store::Store, StoreError> {
    let opened = if read_only {
        oxigraph::store::Store::open_read_only(dir)
    } else {
        oxigraph::store::Store::open(dir)
    };
    opened.map_err(|e| StoreError::Open {
        path: dir.display().to_string(),
        message: e.to_string(),
    })
}

#[cfg(not(feature = "rocksdb"))]
fn open_database(dir: &Path, _read_only: bool) -> Result<oxigraph::store::Store, StoreError> {
    Err(StoreError::Open {
        path: dir.display().to_string(),
        message: "this zhengqi was built without the `rocksdb` feature, so it has no on-disk store"
            .into(),
    })
}

fn refuse_old_layout(dir: &Path) -> Result<(), StoreError> {
    if dir.join(OLD_SNAPSHOT).exists() && !dir.join(ROCKSDB_MARKER).exists() {
        return Err(StoreError::OldLayout {
            path: dir.display().to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::quad;
    use super::*;
    use std::path::PathBuf;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zq-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_database_round_trip_with_its_lock() {
        let dir = temp("round");
        {
            let store = Store::open(&dir).unwrap();
            assert!(matches!(Store::open(&dir), Err(StoreError::Locked { .. })));
            assert!(matches!(
                Store::open_read_only(&dir),
                Err(StoreError::Locked { .. })
            ));
            store
                .replace_graph("https://zhengqi.dev/graph/a", &[quad("x", "一")])
                .unwrap();
        }
        let again = Store::open_read_only(&dir).unwrap();
        assert_eq!(again.len().unwrap(), 1);
        assert_eq!(again.triple_count().unwrap(), 1);
        drop(again);
        // A writer again, after the reader: the lock was released.
        let w = Store::open(&dir).unwrap();
        assert!(w.remove_graph("https://zhengqi.dev/graph/a").unwrap());
        assert_eq!(w.triple_count().unwrap(), 0);
        drop(w);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_store_and_an_old_snapshot_are_explained() {
        let dir = temp("old");
        assert!(matches!(
            Store::open_read_only(&dir),
            Err(StoreError::Missing { .. })
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(OLD_SNAPSHOT), "").unwrap();
        for r in [Store::open_read_only(&dir).err(), Store::open(&dir).err()] {
            let msg = r.expect("an old layout must be refused").to_string();
            assert!(msg.contains("zhengqi build --store NEW"), "{msg}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
