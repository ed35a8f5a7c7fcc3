-- The workbench shows each 重大项目's stage and investment beside its row: the few items
-- that have any are read from this partial index at start, not from the item table.
CREATE INDEX item_project ON item(id, project_stage, invest_total, invest_year_plan, invest_year_done)
WHERE project_stage IS NOT NULL OR invest_total IS NOT NULL
   OR invest_year_plan IS NOT NULL OR invest_year_done IS NOT NULL;
