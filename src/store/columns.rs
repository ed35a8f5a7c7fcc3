//! The columns a query reads, named once: a list of names from which the SELECT list and
//! each column's index are derived (the index at compile time), so rows are read by name
//! without a name lookup per row on the hot paths, and a column that is not in the list
//! does not compile.

/// The columns of one query, in SELECT order.
pub(super) struct Columns(pub &'static [&'static str]);

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Columns {
    /// The index of column `name` (a compile error, in a `const`, when it is not listed).
    #[allow(clippy::panic)]
    pub const fn at(&self, name: &str) -> usize {
        let mut i = 0;
        while i < self.0.len() {
            if same(self.0[i], name) {
                return i;
            }
            i += 1;
        }
        panic!("no such column in the list")
    }

    /// The SELECT list: the names, comma separated.
    pub fn list(&self) -> String {
        self.0.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: Columns = Columns(&["i.id", "p.key", "i.title"]);
    const TITLE: usize = COLS.at("i.title");

    #[test]
    fn indexes_follow_the_list() {
        assert_eq!(TITLE, 2);
        assert_eq!(COLS.at("i.id"), 0);
        assert_eq!(COLS.list(), "i.id, p.key, i.title");
    }
}
