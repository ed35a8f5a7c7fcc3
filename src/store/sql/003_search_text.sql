-- One text per item for the search index: the body, which holds the title in nearly every
-- plan, or else the title, a line break and the body (a phrase cannot span the break).
-- Two indexed columns cost a fifth more to build on every import than one, and the
-- search never asks which column matched. Computed on read (VIRTUAL): nothing stored.
ALTER TABLE item ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    CASE WHEN instr(body, title) > 0 THEN body ELSE title || char(10) || body END
) VIRTUAL;

-- columnsize=0: no per-row token counts, which only ranking (bm25) would read.
DROP TABLE item_fts;
CREATE VIRTUAL TABLE item_fts USING fts5(
    search_text, content='item', content_rowid='id', tokenize='trigram', columnsize=0
);
-- Rebuilt with a 32 MiB term buffer (twice as fast at 100k items, see
-- store/import/fts.rs), then FTS5's default again.
INSERT INTO item_fts(item_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO item_fts(item_fts) VALUES ('rebuild');
INSERT INTO item_fts(item_fts, rank) VALUES ('hashsize', 1048576);
