-- Department returns (督查 returns): the workbooks sent to a department (`returns export`)
-- and those collected back (`returns collect`). A receipt, not tracking state: what a
-- return changed is in `change`/`history` like any other change, and `change_id` names
-- it (NULL when the return changed nothing). Departments are kept by official name, so
-- the receipts survive a `load` that renumbers the directory.
CREATE TABLE return_sent (
    id          INTEGER PRIMARY KEY,
    department  TEXT NOT NULL,
    stamp       INTEGER NOT NULL,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL,
    items       INTEGER NOT NULL
) STRICT;
CREATE INDEX return_sent_department ON return_sent(department, id);

CREATE TABLE return_in (
    id          INTEGER PRIMARY KEY,
    department  TEXT NOT NULL,
    stamp       INTEGER NOT NULL,
    digest      TEXT NOT NULL,
    change_id   INTEGER,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL
) STRICT;
CREATE INDEX return_in_department ON return_in(department, stamp);
