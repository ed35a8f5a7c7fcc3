//! Which stored item is which item of a revised plan text: the rule that keeps every
//! tracking fact (owner, departments, progress, milestones, notes, history) on the same
//! item when a plan is imported again.
//!
//! Items are matched by content, never by number alone (numbers shift when a task is
//! inserted, boxes are renumbered when one is added before them):
//! 1. the same normalised title (and kind): when several stored items share it, the one
//!    in the same parent (box or group) wins, then the more similar text, then the
//!    nearer position, then the same number;
//! 2. then, among what is left, similar content: character-pair similarity of titles and
//!    texts (a slightly edited title, a reworded text). A clear best pair at or above
//!    [`CONFIDENT`] is a match ("retitled" or "text changed"); a pair at or above
//!    [`POSSIBLE`] that is weaker or has a close rival is *uncertain*: shown, never
//!    applied unless someone decides (`Decision`);
//! 3. everything else is new (text side) or no longer in the text (stored side).
//!
//! Pure: items come in as values; no database, no I/O.

use std::collections::HashMap;

/// At or above: a clear best pair is the same item.
pub const CONFIDENT: f64 = 0.70;
/// At or above (and below `CONFIDENT`, or with a close rival): shown as uncertain.
pub const POSSIBLE: f64 = 0.45;
/// A rival within this much of the best pair makes a match uncertain.
const RIVAL_MARGIN: f64 = 0.08;
/// Above this many candidate pairs of one kind, content is compared only within a parent.
const PAIR_LIMIT: usize = 4_000_000;

/// One item as the matcher sees it (stored or in the text).
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// "box_item" or "task": items of different kinds are never the same.
    pub kind: &'a str,
    /// The parent's own key (the box's normalised title, a task's group): what "moved"
    /// means.
    pub parent: &'a str,
    pub number: Option<&'a str>,
    pub title: &'a str,
    pub body: &'a str,
}

/// How a text item relates to the stored one it was matched with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same title, parent, number and text.
    Kept,
    /// The same, but its text changed.
    TextChanged,
    /// The same title and parent under another number.
    Renumbered,
    /// The same title under another parent (box or group).
    Moved,
    /// Another title, matched by its content (or by a person's decision).
    Retitled,
}

/// A person's decision about a stored item (by index into the stored list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The stored item is this text item (by index into the text list).
    Same { stored: usize, text: usize },
    /// The stored item is none of the text items: never match it.
    NotInText { stored: usize },
}

/// A pair the matcher would not decide alone.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Uncertain {
    pub stored: usize,
    pub text: usize,
    /// Similarity, 0–1.
    pub score: f64,
}

/// The outcome: for each text item, the stored item it is (with how), if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matching {
    pub matched: Vec<Option<(usize, Relation)>>,
    pub uncertain: Vec<Uncertain>,
}

/// Letters and digits only: punctuation, spaces and number labels do not make two
/// titles different.
pub fn normalise(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The set of character pairs of a text (hashed, sorted, without repeats).
fn pairs(text: &str, limit: usize) -> Vec<u64> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(limit)
        .collect();
    let mut set: Vec<u64> = chars
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect();
    if set.is_empty()
        && let Some(&c) = chars.first()
    {
        set.push(u64::from(c));
    }
    set.sort_unstable();
    set.dedup();
    set
}

/// Dice coefficient of two sorted sets: 2·|A∩B| / (|A|+|B|).
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// What is compared of one item.
struct Profile {
    title: String,
    title_pairs: Vec<u64>,
    body_pairs: Vec<u64>,
    body_len: usize,
}

/// Characters of a text compared at most (the opening says what an item is).
const BODY_CHARS: usize = 400;

fn profile(c: &Candidate<'_>) -> Profile {
    let title = normalise(c.title);
    Profile {
        title_pairs: pairs(&title, 200),
        body_pairs: pairs(c.body, BODY_CHARS),
        body_len: c.body.chars().filter(|c| c.is_alphanumeric()).count(),
        title,
    }
}

/// Similarity of two items of one kind, 0–1: texts weigh most when both have one.
fn similarity(a: &Profile, b: &Profile) -> f64 {
    let title = dice(&a.title_pairs, &b.title_pairs);
    if a.body_len >= 30 && b.body_len >= 30 {
        0.35 * title + 0.65 * dice(&a.body_pairs, &b.body_pairs)
    } else {
        title
    }
}

/// Rank of each item within its parent, for "nearer position".
fn ranks(items: &[Candidate<'_>]) -> Vec<usize> {
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    items
        .iter()
        .map(|c| {
            let n = seen.entry((c.kind, c.parent)).or_default();
            *n += 1;
            *n - 1
        })
        .collect()
}

fn relation(stored: &Candidate<'_>, text: &Candidate<'_>, same_title: bool) -> Relation {
    if !same_title {
        Relation::Retitled
    } else if stored.parent != text.parent {
        Relation::Moved
    } else if stored.number != text.number {
        Relation::Renumbered
    } else if stored.body != text.body || stored.title != text.title {
        Relation::TextChanged
    } else {
        Relation::Kept
    }
}

/// Match the items of a text against the stored items of the same plan.
pub fn match_items(
    stored: &[Candidate<'_>],
    text: &[Candidate<'_>],
    decisions: &[Decision],
) -> Matching {
    let mut matching = Matching {
        matched: vec![None; text.len()],
        uncertain: Vec::new(),
    };
    let mut taken = vec![false; stored.len()];
    let mut excluded = vec![false; stored.len()];
    for decision in decisions {
        match *decision {
            Decision::Same { stored: s, text: t }
                if s < stored.len()
                    && t < text.len()
                    && !taken[s]
                    && matching.matched[t].is_none() =>
            {
                taken[s] = true;
                let same = normalise(stored[s].title) == normalise(text[t].title);
                matching.matched[t] = Some((s, relation(&stored[s], &text[t], same)));
            }
            Decision::NotInText { stored: s } if s < stored.len() => excluded[s] = true,
            _ => {}
        }
    }
    let open = |taken: &[bool], s: usize| !taken[s] && !excluded[s];
    let stored_profiles: Vec<Profile> = stored.iter().map(profile).collect();
    let text_profiles: Vec<Profile> = text.iter().map(profile).collect();
    let (stored_rank, text_rank) = (ranks(stored), ranks(text));

    // 1. The same normalised title.
    let mut by_title: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (s, c) in stored.iter().enumerate() {
        if !stored_profiles[s].title.is_empty() {
            by_title
                .entry((c.kind, stored_profiles[s].title.as_str()))
                .or_default()
                .push(s);
        }
    }
    let mut exact: Vec<(f64, usize, usize)> = Vec::new();
    for (t, c) in text.iter().enumerate() {
        if matching.matched[t].is_some() {
            continue;
        }
        let Some(candidates) = by_title.get(&(c.kind, text_profiles[t].title.as_str())) else {
            continue;
        };
        for &s in candidates {
            if !open(&taken, s) {
                continue;
            }
            let score = if stored[s].parent == c.parent {
                4.0
            } else {
                0.0
            } + 2.0
                * if stored[s].body == c.body {
                    1.0
                } else {
                    dice(&stored_profiles[s].body_pairs, &text_profiles[t].body_pairs)
                }
                + 1.0 / (1.0 + stored_rank[s].abs_diff(text_rank[t]) as f64)
                + if stored[s].number == c.number {
                    0.5
                } else {
                    0.0
                };
            exact.push((score, s, t));
        }
    }
    exact.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, s, t) in exact {
        if open(&taken, s) && matching.matched[t].is_none() {
            taken[s] = true;
            matching.matched[t] = Some((s, relation(&stored[s], &text[t], true)));
        }
    }

    // 2. Similar content, among what is left.
    let left_text: Vec<usize> = (0..text.len())
        .filter(|&t| matching.matched[t].is_none())
        .collect();
    let left_stored: Vec<usize> = (0..stored.len()).filter(|&s| open(&taken, s)).collect();
    let within_parent = left_text.len().saturating_mul(left_stored.len()) > PAIR_LIMIT;
    let mut similar: Vec<(f64, usize, usize)> = Vec::new();
    for &t in &left_text {
        for &s in &left_stored {
            if stored[s].kind != text[t].kind
                || (within_parent && stored[s].parent != text[t].parent)
            {
                continue;
            }
            let mut score = similarity(&stored_profiles[s], &text_profiles[t]);
            if stored[s].parent == text[t].parent {
                score = (score + 0.03).min(1.0);
            }
            if score >= POSSIBLE {
                similar.push((score, s, t));
            }
        }
    }
    similar.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // Each side's pairs, best first (the order of `similar`), to find a close rival.
    let mut of_stored: HashMap<usize, Vec<(f64, usize)>> = HashMap::new();
    let mut of_text: HashMap<usize, Vec<(f64, usize)>> = HashMap::new();
    for &(score, s, t) in &similar {
        of_stored.entry(s).or_default().push((score, t));
        of_text.entry(t).or_default().push((score, s));
    }
    let mut used_text = vec![false; text.len()];
    for &(score, s, t) in &similar {
        if !open(&taken, s) || used_text[t] {
            continue;
        }
        // A close rival: another pair of either side, still open, nearly as good.
        let rival_text = of_stored.get(&s).and_then(|pairs| {
            pairs
                .iter()
                .find(|&&(_, t2)| t2 != t && !used_text[t2])
                .map(|&(other, _)| other)
        });
        let rival_stored = of_text.get(&t).and_then(|pairs| {
            pairs
                .iter()
                .find(|&&(_, s2)| s2 != s && open(&taken, s2))
                .map(|&(other, _)| other)
        });
        let rival = [rival_text, rival_stored]
            .into_iter()
            .flatten()
            .any(|other| other >= score - RIVAL_MARGIN);
        taken[s] = true;
        used_text[t] = true;
        if score >= CONFIDENT && !rival {
            let same = normalise(stored[s].title) == normalise(text[t].title);
            matching.matched[t] = Some((s, relation(&stored[s], &text[t], same)));
        } else {
            matching.uncertain.push(Uncertain {
                stored: s,
                text: t,
                score,
            });
        }
    }
    matching
}

#[cfg(test)]
mod tests;
