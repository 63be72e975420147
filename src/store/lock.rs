//! The writer lock: a file in the store folder naming the process that writes it,
//! so a second writer, or a reader during a build, is told who holds the store.
//! RocksDB's own lock keeps two writers apart in any case; this one is for the
//! message, and for readers, which RocksDB does not lock out. A lock whose process
//! is gone (killed with `kill -9`, a power cut) is stale and is taken over.

use super::StoreError;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const LOCK: &str = "zhengqi.lock";

pub(super) struct WriterLock {
    path: PathBuf,
}

impl WriterLock {
    pub(super) fn path(dir: &Path) -> PathBuf {
        dir.join(LOCK)
    }

    /// Takes the lock of the store at `dir`, replacing a stale one.
    pub(super) fn acquire(dir: &Path) -> Result<WriterLock, StoreError> {
        let path = Self::path(dir);
        let io_err = |source| StoreError::Io {
            path: path.display().to_string(),
            source,
        };
        // Two rounds: the second after a stale lock was removed. Should another
        // process take the lock in between, create_new fails and it is reported.
        for _ in 0..2 {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    f.write_all(identity(std::process::id()).as_bytes())
                        .map_err(io_err)?;
                    return Ok(WriterLock { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if let Some(pid) = Self::holder(dir) {
                        return Err(StoreError::Locked {
                            path: dir.display().to_string(),
                            lock: path.display().to_string(),
                            pid,
                        });
                    }
                    match fs::remove_file(&path) {
                        Ok(()) => {}
                        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                        Err(e) => return Err(io_err(e)),
                    }
                }
                Err(e) => return Err(io_err(e)),
            }
        }
        Err(StoreError::Locked {
            path: dir.display().to_string(),
            lock: path.display().to_string(),
            pid: "unknown".into(),
        })
    }

    /// The process holding the lock of the store at `dir`, if it still runs.
    pub(super) fn holder(dir: &Path) -> Option<String> {
        let text = fs::read_to_string(Self::path(dir)).ok()?;
        let mut parts = text.split_whitespace();
        let pid: u32 = parts.next()?.parse().ok()?;
        let started = parts.next();
        alive(pid, started).then(|| pid.to_string())
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// What the lock file says about its process: the id and, where the system tells
/// it, the start time, so a later process that reuses the id is not mistaken for
/// the holder.
fn identity(pid: u32) -> String {
    match start_time(pid) {
        Some(t) => format!("{pid} {t}\n"),
        None => format!("{pid}\n"),
    }
}

/// The start time of a process in clock ticks since boot (Linux `/proc`).
fn start_time(pid: u32) -> Option<String> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name in parentheses may hold spaces; fields follow the last ')'.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(19).map(str::to_string)
}

fn alive(pid: u32, started: Option<&str>) -> bool {
    if !Path::new("/proc/self").exists() {
        // Without /proc nothing can be checked: a lock is honoured.
        return true;
    }
    match (start_time(pid), started) {
        (None, _) => false,
        (Some(now), Some(then)) => now == then,
        (Some(_), None) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zq-lock-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_live_lock_is_refused_with_its_process() {
        let dir = temp("live");
        let _held = WriterLock::acquire(&dir).unwrap();
        match WriterLock::acquire(&dir) {
            Err(StoreError::Locked { pid, .. }) => assert_eq!(pid, std::process::id().to_string()),
            other => panic!("expected Locked, got {:?}", other.err()),
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_stale_lock_is_taken_over() {
        let dir = temp("stale");
        // A process id beyond the kernel's limit never runs.
        fs::write(WriterLock::path(&dir), "4194999 12345\n").unwrap();
        assert_eq!(WriterLock::holder(&dir), None);
        let lock = WriterLock::acquire(&dir).unwrap();
        assert!(WriterLock::holder(&dir).is_some());
        drop(lock);
        assert!(!WriterLock::path(&dir).exists());
        // Our own id with another start time is a reused id: stale as well.
        fs::write(
            WriterLock::path(&dir),
            format!("{} 1\n", std::process::id()),
        )
        .unwrap();
        assert_eq!(WriterLock::holder(&dir), None);
        let _ = fs::remove_dir_all(&dir);
    }
}
