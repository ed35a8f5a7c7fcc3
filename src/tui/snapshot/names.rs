//! Interned names: chapters, item numbers, owners and departments repeat across
//! thousands of items, so each distinct name is kept (and cleaned for display) once and
//! items hold a 4-byte id.

use crate::text::sanitize::for_display;
use std::collections::HashMap;

/// An interned name; [`NO_NAME`] for none.
pub type NameId = u32;
/// No name (a missing owner, chapter, …).
pub const NO_NAME: NameId = u32::MAX;

#[derive(Debug, Clone, Default)]
pub struct Names {
    list: Vec<Box<str>>,
    index: HashMap<Box<str>, NameId, foldhash::fast::RandomState>,
}

impl Names {
    /// The id of `raw` (as stored), cleaned for display on first sight.
    pub fn intern(&mut self, raw: &str) -> NameId {
        if let Some(&id) = self.index.get(raw) {
            return id;
        }
        let id = NameId::try_from(self.list.len()).unwrap_or(NO_NAME);
        self.list.push(for_display(raw).into());
        self.index.insert(raw.into(), id);
        id
    }

    pub fn intern_opt(&mut self, raw: Option<&str>) -> NameId {
        raw.map_or(NO_NAME, |raw| self.intern(raw))
    }

    /// The id of a name already seen (as stored), without adding it.
    pub fn find(&self, raw: &str) -> Option<NameId> {
        self.index.get(raw).copied()
    }

    /// How many names there are (ids are `0..len`).
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Every name as stored, with its id.
    pub fn entries(&self) -> impl Iterator<Item = (&str, NameId)> {
        self.index.iter().map(|(raw, &id)| (&**raw, id))
    }

    /// The display text of `id`; `None` for [`NO_NAME`].
    pub fn get(&self, id: NameId) -> Option<&str> {
        self.list.get(id as usize).map(|name| &**name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_id_per_name_cleaned_once() {
        let mut names = Names::default();
        let a = names.intern("省发改委");
        assert_eq!(names.intern("省发改委"), a);
        let b = names.intern("王\u{1b}[2J敏");
        assert_ne!(a, b);
        assert_eq!(names.find("王\u{1b}[2J敏"), Some(b));
        assert!(!names.get(b).unwrap_or_default().contains('\u{1b}'));
        assert_eq!(names.get(NO_NAME), None);
        assert_eq!(names.intern_opt(None), NO_NAME);
    }
}
