-- all_any_not (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "reg"
--   $2 = "closure"
--   $3 = "盗窃"
--   $4 = "诈骗"
--   $5 = "撤案"
--   $6 = "all_any_not"
--   $7 = "盗窃"
--   $8 = "诈骗"
--   $9 = "撤案"
WITH "reg" AS (
    SELECT CAST($1 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "case_no", "case_type", "filed_date", "accepted_date", "occurred_date", "status", "suspect_id_number", "victim_id_number" FROM data."reg"
  ),
  "closure" AS (
    SELECT CAST($2 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "case_no", "closure_type", "suspect_id_number" FROM data."closure"
  )
SELECT md5(coalesce(CAST($6 AS VARCHAR), '') || chr(31) || coalesce(CAST("reg"."case_no" AS VARCHAR), '')) AS fingerprint,
       CAST("reg"."case_no" AS VARCHAR) AS s0,
       NULL AS amount,
       CAST(to_json(list(DISTINCT {'dataset': "reg"._dataset, 'batchId': "reg"._batch_id, 'rowId': "reg"._row_id})) AS VARCHAR) AS ev0,
       bool_or(("reg"."case_type" = CAST($7 AS VARCHAR))) AS x0,
       CAST(min("reg"."case_type") AS VARCHAR) AS x0_0,
       bool_or(("reg"."case_type" = CAST($8 AS VARCHAR))) AS x1,
       CAST(min("reg"."case_type") AS VARCHAR) AS x1_0,
       bool_or(("reg"."status" = CAST($9 AS VARCHAR))) AS x2,
       CAST(min("reg"."status") AS VARCHAR) AS x2_0
FROM "reg"
WHERE ((("reg"."case_type" = CAST($3 AS VARCHAR)) OR ("reg"."case_type" = CAST($4 AS VARCHAR))) AND (NOT coalesce(("reg"."status" = CAST($5 AS VARCHAR)), false)))
GROUP BY "reg"."case_no"
