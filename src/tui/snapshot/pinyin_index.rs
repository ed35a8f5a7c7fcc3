//! Pinyin keys of every title, computed on a second thread after the first frame (some
//! 150 ms at 100k titles): start-up does not wait for them, and the first pinyin search
//! waits only for what is left.

use crate::text::pinyin::{PinyinKey, key};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

#[derive(Debug, Default)]
pub struct PinyinIndex {
    keys: OnceLock<Vec<PinyinKey>>,
    job: Mutex<Option<JoinHandle<Vec<PinyinKey>>>>,
}

impl PinyinIndex {
    /// Start computing the keys of `titles` (in item order).
    pub fn spawn(titles: Vec<Arc<str>>) -> PinyinIndex {
        let titles = Arc::new(titles);
        let for_thread = Arc::clone(&titles);
        let job = std::thread::Builder::new()
            .name("pinyin keys".into())
            .spawn(move || for_thread.iter().map(|t| key(t)).collect());
        match job {
            Ok(job) => PinyinIndex {
                keys: OnceLock::new(),
                job: Mutex::new(Some(job)),
            },
            // No thread to be had: compute them here.
            Err(_) => PinyinIndex::ready(titles.iter().map(|t| key(t)).collect()),
        }
    }

    pub fn ready(keys: Vec<PinyinKey>) -> PinyinIndex {
        PinyinIndex {
            keys: OnceLock::from(keys),
            job: Mutex::new(None),
        }
    }

    /// The keys, waiting for the thread if it is still at work. Empty if it failed.
    pub fn keys(&self) -> &[PinyinKey] {
        self.keys.get_or_init(|| {
            let job = self.job.lock().ok().and_then(|mut job| job.take());
            job.and_then(|job| job.join().ok()).unwrap_or_default()
        })
    }

    /// Replace the key of item `index` (its title changed).
    pub fn set(&mut self, index: usize, title: &str) {
        self.keys();
        if let Some(keys) = self.keys.get_mut()
            && let Some(slot) = keys.get_mut(index)
        {
            *slot = key(title);
        }
    }
}

impl Clone for PinyinIndex {
    fn clone(&self) -> PinyinIndex {
        PinyinIndex::ready(self.keys().to_vec())
    }
}
