//! `plantrack note ID TEXT...` (or `-` to read the note from stdin).

use super::{Ctx, item_ref};
use crate::cli::NoteArgs;
use anyhow::{Context, Result, bail};
use std::io::Write;

/// The note: the words joined with spaces, or stdin for a lone `-`.
fn note_text(args: &NoteArgs) -> Result<String> {
    if args.text.len() == 1 && args.text[0] == "-" {
        // A note has at most `Field::Note.limit()` characters, of at most 4 bytes each.
        let cap = 4 * crate::track::limits::Field::Note.limit() as u64;
        let bytes = super::read_capped(std::io::stdin(), cap, "the note on stdin")?;
        return String::from_utf8(bytes)
            .context("cannot read the note from stdin (it must be UTF-8 text)");
    }
    Ok(args.text.join(" "))
}

pub fn run(args: &NoteArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    let text = note_text(args)?;
    if text.trim().is_empty() {
        bail!("a note cannot be empty");
    }
    let text = super::clean_input("the note", &text)?;
    let id = ctx.store.add_note(args.id, &text)?;
    writeln!(
        out,
        "{}  已添加备注 note {id} added ({} characters)",
        item_ref(args.id),
        text.chars().count()
    )?;
    Ok(())
}
