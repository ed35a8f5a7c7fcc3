-- plantrack schema, version 1. Forward-only: later versions add files, never edit this one.

CREATE TABLE plan (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,          -- stable across re-imports
    title         TEXT NOT NULL,
    short_name    TEXT NOT NULL,
    level         TEXT,                          -- 省 / 市
    region        TEXT,
    period_start  INTEGER NOT NULL,              -- first year, inclusive
    period_end    INTEGER NOT NULL,              -- last year, inclusive
    issuer        TEXT,
    doc_number    TEXT,
    issued_on     TEXT,
    sources       TEXT NOT NULL DEFAULT '[]',    -- JSON list of source file names
    imported_at   TEXT NOT NULL,
    imported_by   TEXT NOT NULL
) STRICT;

CREATE TABLE outline_node (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES outline_node(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    level     TEXT NOT NULL CHECK (level IN ('part', 'chapter', 'section', 'point')),
    number    INTEGER NOT NULL,
    label     TEXT NOT NULL,
    title     TEXT NOT NULL
) STRICT;
CREATE INDEX outline_node_plan ON outline_node(plan_id, position);

CREATE TABLE plan_box (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    number   INTEGER NOT NULL,
    title    TEXT,
    chapter  TEXT,
    section  TEXT,
    kind     TEXT NOT NULL CHECK (kind IN ('items', 'indicator_table', 'table')),
    rows     TEXT NOT NULL DEFAULT '[]',         -- JSON rows of cells for tables
    notes    TEXT NOT NULL DEFAULT '[]',         -- JSON list of notes under the box
    UNIQUE (plan_id, number)
) STRICT;

-- Box items and key tasks alike. Tracking fields live here; plan text fields are
-- refreshed by re-import, tracking fields never are.
CREATE TABLE item (
    id           INTEGER PRIMARY KEY,            -- the short stable ID shown everywhere
    plan_id      INTEGER NOT NULL REFERENCES plan(id),
    stable_key   TEXT NOT NULL,                  -- survives re-import
    kind         TEXT NOT NULL CHECK (kind IN ('box_item', 'task')),
    box_id       INTEGER REFERENCES plan_box(id),
    chapter      TEXT,
    section      TEXT,
    number       TEXT,
    grp          TEXT,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    in_plan      INTEGER NOT NULL DEFAULT 1,     -- 0 once a re-import no longer finds it
    owner        TEXT,
    status       TEXT NOT NULL DEFAULT 'not_started'
                 CHECK (status IN ('not_started', 'in_progress', 'done', 'paused')),
    progress     INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    start_on     TEXT,
    due_on       TEXT,
    project_stage TEXT CHECK (project_stage IN ('preparation', 'new_start', 'continuing', 'completed')),
    invest_total      REAL,
    invest_year_plan  REAL,
    invest_year_done  REAL,
    UNIQUE (plan_id, stable_key)
) STRICT;
CREATE INDEX item_plan ON item(plan_id, position);
CREATE INDEX item_owner ON item(owner);

CREATE TABLE department (
    id        INTEGER PRIMARY KEY,
    official  TEXT NOT NULL UNIQUE,
    short     TEXT NOT NULL
) STRICT;

CREATE TABLE department_alias (
    alias          TEXT PRIMARY KEY,             -- normalised name
    department_id  INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE
) STRICT;

CREATE TABLE item_department (
    item_id        INTEGER NOT NULL REFERENCES item(id),
    department_id  INTEGER NOT NULL REFERENCES department(id),
    role           TEXT NOT NULL CHECK (role IN ('lead', 'co')),
    origin         TEXT NOT NULL CHECK (origin IN ('plan', 'user')),
    position       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, department_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX item_department_by_department ON item_department(department_id, item_id);

CREATE TABLE milestone (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES item(id),
    title         TEXT NOT NULL,
    due_on        TEXT NOT NULL,
    original_due  TEXT NOT NULL,                 -- kept when extended
    done_on       TEXT,
    origin        TEXT NOT NULL CHECK (origin IN ('plan', 'user')),
    plan_phrase   TEXT,                          -- the deadline phrase for plan milestones
    removed       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX milestone_item ON milestone(item_id);

CREATE TABLE extension (
    id            INTEGER PRIMARY KEY,
    milestone_id  INTEGER NOT NULL REFERENCES milestone(id),
    from_due      TEXT NOT NULL,
    to_due        TEXT NOT NULL,
    reason        TEXT NOT NULL,
    who           TEXT NOT NULL,
    at            TEXT NOT NULL
) STRICT;

CREATE TABLE note (
    id       INTEGER PRIMARY KEY,
    item_id  INTEGER NOT NULL REFERENCES item(id),
    author   TEXT NOT NULL,
    at       TEXT NOT NULL,
    text     TEXT NOT NULL,
    removed  INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX note_item ON note(item_id, at);

CREATE TABLE indicator (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plan(id),
    stable_key      TEXT NOT NULL,
    box_number      INTEGER,
    number          INTEGER,
    category        TEXT,
    name            TEXT NOT NULL,
    unit            TEXT,
    baseline_year   INTEGER,
    baseline_value  TEXT,
    target_year     INTEGER,
    target_value    TEXT,
    cumulative      INTEGER NOT NULL DEFAULT 0,
    attribute       TEXT CHECK (attribute IN ('expected', 'binding')),
    notes           TEXT NOT NULL DEFAULT '[]',
    position        INTEGER NOT NULL,
    in_plan         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (plan_id, stable_key)
) STRICT;

CREATE TABLE indicator_value (
    id            INTEGER PRIMARY KEY,
    indicator_id  INTEGER NOT NULL REFERENCES indicator(id),
    period        TEXT NOT NULL,                 -- a year (2024) or a date (2024-06-30)
    value         TEXT NOT NULL,
    who           TEXT NOT NULL,
    at            TEXT NOT NULL,
    removed       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX indicator_value_indicator ON indicator_value(indicator_id, period);

CREATE TABLE glossary (
    plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    term        TEXT NOT NULL,
    definition  TEXT NOT NULL,
    PRIMARY KEY (plan_id, term)
) STRICT;

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

-- One user action (a set, a bulk assignment, an import, an undo) is one change;
-- its field-level effects are history rows. Undo reverts a change as a new change.
CREATE TABLE change (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    who        TEXT NOT NULL,
    action     TEXT NOT NULL,
    undone_by  INTEGER REFERENCES change(id),
    undoes     INTEGER REFERENCES change(id)
) STRICT;
CREATE INDEX change_who ON change(who, id);

CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    change_id  INTEGER NOT NULL REFERENCES change(id),
    item_id    INTEGER REFERENCES item(id),
    entity     TEXT NOT NULL,                    -- item, link, milestone, note, indicator_value, plan
    entity_id  INTEGER,
    field      TEXT NOT NULL,
    old        TEXT,
    new        TEXT
) STRICT;
CREATE INDEX history_item ON history(item_id, id);
CREATE INDEX history_entity ON history(entity, entity_id, field, id);
CREATE INDEX history_change ON history(change_id);

-- Substring search over titles and bodies (trigram: works for Chinese without a tokenizer).
CREATE VIRTUAL TABLE item_fts USING fts5(
    title, body, content='item', content_rowid='id', tokenize='trigram'
);
-- No triggers keep item_fts current: only the importer writes title and body, and it
-- updates item_fts itself (a trigger on item would tax every progress edit).
