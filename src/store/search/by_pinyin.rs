//! The store's pinyin search (what `plantrack list --text czt` does): every title read
//! from the covering index `item_row` and matched in memory, on two threads.
//!
//! The titles are read in pieces of a few plans, which this thread and a helper thread
//! (on a second, read-only connection) take in turn until none is left, so a helper that
//! starts late leaves this thread more to do rather than something to wait for. On a
//! shared server the helper may also be held up part way through its piece: after a
//! short wait, that piece is read here too (an id found twice is one id) and the helper,
//! left to finish on its own, is not waited for.

use crate::store::Store;
use crate::store::error::Result;
use crate::text::pinyin::Query;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

/// Pieces per search: enough for two threads to finish together when one starts late or
/// plans differ in size (at 100k items, some 6k titles and a millisecond of work each),
/// few enough that starting each piece's query costs nothing to speak of.
const PIECES: usize = 16;

/// The pieces of one search and how many have been taken.
struct Pieces {
    /// Ranges of plan ids `[from, to)`, covering every id.
    ranges: Vec<(i64, i64)>,
    taken: AtomicUsize,
}

impl Pieces {
    fn new(plans: &[i64]) -> Pieces {
        Pieces {
            ranges: plan_ranges(plans),
            taken: AtomicUsize::new(0),
        }
    }

    /// The next piece nobody has taken: its index and range.
    fn take(&self) -> Option<(usize, (i64, i64))> {
        let index = self.taken.fetch_add(1, Ordering::Relaxed);
        self.ranges.get(index).map(|&range| (index, range))
    }
}

/// The ranges of plan ids `[from, to)` of the pieces (`plans` sorted), covering every id.
fn plan_ranges(plans: &[i64]) -> Vec<(i64, i64)> {
    let per_piece = plans.len().div_ceil(PIECES).max(1);
    let starts: Vec<i64> = plans.iter().step_by(per_piece).copied().collect();
    let mut ranges: Vec<(i64, i64)> = starts
        .iter()
        .zip(starts.iter().skip(1).copied().chain([i64::MAX]))
        .map(|(&from, to)| (from, to))
        .collect();
    match ranges.first_mut() {
        Some(first) => first.0 = i64::MIN,
        None => ranges.push((i64::MIN, i64::MAX)),
    }
    ranges
}

/// Ids of the items of plans `from..to` whose title `query` spells (titles only: from the
/// covering index `item_row`, not the bodies).
fn matches_in(
    conn: &rusqlite::Connection,
    query: &Query,
    (from, to): (i64, i64),
) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title FROM item INDEXED BY item_row WHERE plan_id >= ?1 AND plan_id < ?2",
    )?;
    let mut rows = stmt.query([from, to])?;
    let mut ids = Vec::new();
    while let Some(r) = rows.next()? {
        if query.matches_utf8(r.get_ref(1)?.as_bytes().unwrap_or_default()) {
            ids.push(r.get(0)?);
        }
    }
    Ok(ids)
}

/// Start the helper: it takes pieces and sends what each found until none is left, or
/// stops at its first error (the pieces it took are then read by the caller).
fn start_helper(
    path: PathBuf,
    query: Query,
    pieces: Arc<Pieces>,
    found: mpsc::Sender<(usize, Vec<i64>)>,
) {
    let helper = move || -> rusqlite::Result<()> {
        let conn = crate::store::open_reader(&path)?;
        // One snapshot for all its pieces, begun before it takes the first.
        let tx = conn.unchecked_transaction()?;
        tx.query_row("SELECT count(*) FROM plan", [], |_| Ok(()))?;
        while let Some((index, range)) = pieces.take() {
            if found
                .send((index, matches_in(&tx, &query, range)?))
                .is_err()
            {
                break;
            }
        }
        Ok(())
    };
    // Without a thread, every piece is read by the caller.
    let _ = std::thread::Builder::new()
        .name("pinyin search".into())
        .spawn(move || {
            let _ = helper();
        });
}

/// Ids of items whose title `query` spells in pinyin.
pub(super) fn pinyin_ids(store: &Store, query: &Query) -> Result<Vec<i64>> {
    let plans: Vec<i64> = store.read(|conn| {
        Ok(conn
            .prepare_cached("SELECT id FROM plan ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    })?;
    let pieces = Arc::new(Pieces::new(&plans));
    let (sender, from_helper) = mpsc::channel();
    start_helper(
        store.path().to_path_buf(),
        query.clone(),
        Arc::clone(&pieces),
        sender,
    );
    store.read(|conn| {
        let mut done = vec![false; pieces.ranges.len()];
        let mut ids = Vec::new();
        let started = Instant::now();
        let mut read_here = 0u32;
        while let Some((index, range)) = pieces.take() {
            ids.extend(matches_in(conn, query, range)?);
            done[index] = true;
            read_here += 1;
        }
        // Every piece is taken; those not read here are the helper's. It sends each as
        // it finishes, so at most one is still under way: wait for it about as long as
        // reading it here would take, then read it here.
        let patience = started.elapsed() / read_here.max(1);
        while let Some(pending) = done.iter().position(|done| !done) {
            let (index, found) = match from_helper.recv_timeout(patience) {
                Ok(sent) => sent,
                Err(_) => (pending, matches_in(conn, query, pieces.ranges[pending])?),
            };
            if !done[index] {
                ids.extend(found);
                done[index] = true;
            }
        }
        Ok(ids)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_every_plan_id_once() {
        assert_eq!(plan_ranges(&[]), vec![(i64::MIN, i64::MAX)]);
        assert_eq!(plan_ranges(&[3]), vec![(i64::MIN, i64::MAX)]);
        assert_eq!(
            plan_ranges(&[2, 5, 9]),
            vec![(i64::MIN, 5), (5, 9), (9, i64::MAX)]
        );
        let plans: Vec<i64> = (1..=40).collect();
        let ranges = plan_ranges(&plans);
        assert_eq!(ranges.len(), 14, "{ranges:?}");
        assert_eq!(ranges[..2], [(i64::MIN, 4), (4, 7)]);
        assert_eq!(ranges[13], (40, i64::MAX));
        // Consecutive: each range starts where the one before ends.
        assert!(ranges.windows(2).all(|w| w[0].1 == w[1].0));
        let pieces = Pieces::new(&plans);
        let taken: Vec<usize> = std::iter::from_fn(|| pieces.take().map(|(i, _)| i)).collect();
        assert_eq!(taken, (0..14).collect::<Vec<_>>());
        assert_eq!(pieces.take(), None);
    }
}
