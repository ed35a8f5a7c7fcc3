-- The workbench reads every item's list columns at start: a covering index lets that
-- scan skip the bodies (a fifth of the pages, and far fewer read from a cold disk).
CREATE INDEX item_row ON item(
    plan_id, position, box_id, chapter, number, title,
    owner, status, progress, in_plan, start_on, due_on
);
-- item_row begins with (plan_id, position): the narrower index only cost writes.
DROP INDEX item_plan;

-- The same for the facts behind each item's pace and light, and its departments in
-- order: compact copies, read in item order.
CREATE INDEX milestone_facts ON milestone(item_id, due_on, done_on) WHERE removed = 0;
CREATE INDEX item_department_facts ON item_department(item_id, position, role, department_id);

-- Milestones due soon (the overview) without a scan of every milestone.
CREATE INDEX milestone_open_due ON milestone(due_on) WHERE removed = 0 AND done_on IS NULL;

-- Bumped by `load`, which replaces history wholesale: a workbench that reads only the
-- changes since its snapshot must then read everything again.
CREATE TABLE epoch (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    value  INTEGER NOT NULL
) STRICT;
INSERT INTO epoch(id, value) VALUES (1, 0);
