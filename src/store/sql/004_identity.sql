-- Version 4: identity by content, tombstones, undo that can be redone.
-- Runs with foreign keys off (Store::open turns them on after the migrations) and is
-- checked with foreign_key_check afterwards.

-- A 专栏 is found again by its title, not its number: numbers shift when a box is
-- inserted, and two boxes may carry one number for a while during a re-import. The
-- uniqueness of (plan, number) goes; the table is rebuilt with the same ids.
CREATE TABLE plan_box_new (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    number   INTEGER NOT NULL,
    title    TEXT,
    chapter  TEXT,
    section  TEXT,
    kind     TEXT NOT NULL CHECK (kind IN ('items', 'indicator_table', 'table')),
    rows     TEXT NOT NULL DEFAULT '[]',
    notes    TEXT NOT NULL DEFAULT '[]',
    in_plan  INTEGER NOT NULL DEFAULT 1 CHECK (in_plan IN (0, 1))
) STRICT;
INSERT INTO plan_box_new(id, plan_id, number, title, chapter, section, kind, rows, notes)
    SELECT id, plan_id, number, title, chapter, section, kind, rows, notes FROM plan_box;
DROP TABLE plan_box;
ALTER TABLE plan_box_new RENAME TO plan_box;
CREATE INDEX plan_box_plan ON plan_box(plan_id, number);

-- A department link the user removed stays removed when the plan text is imported again.
CREATE TABLE link_removed (
    item_id        INTEGER NOT NULL REFERENCES item(id),
    department_id  INTEGER NOT NULL REFERENCES department(id),
    PRIMARY KEY (item_id, department_id)
) STRICT, WITHOUT ROWID;
-- Removals made before this version: the newest change of a link was a person's removal
-- that still stands, and the link is absent.
INSERT OR IGNORE INTO link_removed(item_id, department_id)
    SELECT h.item_id, h.entity_id FROM history h JOIN change c ON c.id = h.change_id
    WHERE h.entity = 'link' AND h.new IS NULL AND c.action != 'import' AND c.undone_by IS NULL
      AND h.item_id IS NOT NULL AND h.entity_id IS NOT NULL
      AND h.id = (SELECT max(h2.id) FROM history h2
                  WHERE h2.entity = 'link' AND h2.item_id = h.item_id AND h2.entity_id = h.entity_id)
      AND NOT EXISTS (SELECT 1 FROM item_department l
                      WHERE l.item_id = h.item_id AND l.department_id = h.entity_id)
      AND EXISTS (SELECT 1 FROM item WHERE id = h.item_id)
      AND EXISTS (SELECT 1 FROM department WHERE id = h.entity_id);

-- An undone extension is set aside, not deleted: a redo brings it back with its reason.
ALTER TABLE extension ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;

-- Marks the file as plantrack's: another application's database is refused at open.
PRAGMA application_id = 1347179602;
