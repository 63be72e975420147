//! Query time limits: one timer thread for the whole process cancels queries
//! whose limit has passed.

use oxigraph::sparql::CancellationToken;
use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// Query time limits. One timer thread for the whole process sleeps until the
/// earliest deadline and cancels the queries whose limit has passed; a query that
/// ends first takes its deadline off the queue when its [`Deadline`] is dropped, so
/// nothing waits out the limit of a query that is already done.
struct Timer {
    queue: Mutex<TimerQueue>,
    wake: Condvar,
}

#[derive(Default)]
struct TimerQueue {
    /// (when, sequence number) → the token to cancel then.
    due: BTreeMap<(Instant, u64), CancellationToken>,
    next: u64,
}

impl Timer {
    fn get() -> &'static Timer {
        static TIMER: OnceLock<&'static Timer> = OnceLock::new();
        TIMER.get_or_init(|| {
            let timer: &'static Timer = Box::leak(Box::new(Timer {
                queue: Mutex::new(TimerQueue::default()),
                wake: Condvar::new(),
            }));
            std::thread::Builder::new()
                .name("zhengqi-query-timer".into())
                .spawn(move || timer.run())
                .expect("cannot start the query timer thread");
            timer
        })
    }

    /// A panic elsewhere while holding the lock leaves the queue consistent (every
    /// change is one map operation), so a poisoned lock is still used.
    fn lock(&self) -> MutexGuard<'_, TimerQueue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn run(&self) {
        let mut queue = self.lock();
        loop {
            let now = Instant::now();
            while let Some(entry) = queue.due.first_entry() {
                if entry.key().0 > now {
                    break;
                }
                entry.remove().cancel();
            }
            queue = match queue.due.keys().next() {
                Some(&(when, _)) => {
                    self.wake
                        .wait_timeout(queue, when.saturating_duration_since(now))
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
                None => self
                    .wake
                    .wait(queue)
                    .unwrap_or_else(PoisonError::into_inner),
            };
        }
    }
}

/// A query's time limit: its token is cancelled when the limit passes, unless the
/// guard was dropped first.
pub(super) struct Deadline {
    key: (Instant, u64),
    token: CancellationToken,
}

impl Deadline {
    pub(super) fn start(limit: Duration, token: CancellationToken) -> Deadline {
        let timer = Timer::get();
        // A limit too large to represent is no limit worth tracking precisely.
        let when = Instant::now()
            .checked_add(limit)
            .unwrap_or_else(|| Instant::now() + Duration::from_secs(86_400 * 365));
        let mut queue = timer.lock();
        let key = (when, queue.next);
        queue.next += 1;
        queue.due.insert(key, token.clone());
        // Only a new earliest deadline changes how long the timer must sleep.
        if queue.due.keys().next() == Some(&key) {
            timer.wake.notify_one();
        }
        Deadline { key, token }
    }

    /// Whether the limit passed (and the query was cancelled).
    pub(super) fn expired(&self) -> bool {
        self.token.is_cancelled()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        Timer::get().lock().due.remove(&self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(key: &(Instant, u64)) -> bool {
        Timer::get().lock().due.contains_key(key)
    }

    #[test]
    fn a_deadline_cancels_once_its_limit_passes() {
        let token = CancellationToken::new();
        let d = Deadline::start(Duration::from_millis(1), token.clone());
        // Waits for the timer (bounded, so a broken timer fails instead of hanging).
        let give_up = Instant::now() + Duration::from_secs(30);
        while !token.is_cancelled() && Instant::now() < give_up {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(d.expired(), "the timer never cancelled the query");
        assert!(!pending(&d.key), "a fired deadline stays queued");
    }

    #[test]
    fn a_finished_query_leaves_no_deadline_behind() {
        let token = CancellationToken::new();
        let d = Deadline::start(Duration::from_secs(3600), token.clone());
        let key = d.key;
        assert!(pending(&key));
        drop(d);
        assert!(!pending(&key));
        assert!(!token.is_cancelled());
    }
}
