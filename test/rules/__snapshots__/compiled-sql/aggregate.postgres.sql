-- aggregate (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "2024-01-01"
--   $2 = 3
--   $3 = 2
WITH "claim" AS (
    SELECT 0 AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "person_name", "hospital_name", "settlement_date", "total_amount" FROM data."claim_a"
    UNION ALL
    SELECT 1 AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "person_name", "hospital_name", "settlement_date", "total_amount" FROM data."claim_b"
  )
SELECT json_build_array(CAST("claim"."id_number" AS text), CAST(count(*) AS text), CAST(count(DISTINCT "claim"."hospital_name") AS text), CAST(sum("claim"."total_amount") AS text), CAST(min("claim"."settlement_date") AS text)) AS texts,
       sum("claim"."total_amount") AS amount,
       json_agg(json_build_array("claim"._dataset, "claim"._batch_id, "claim"._row_id)) AS ev0
FROM "claim"
WHERE ("claim"."settlement_date" >= CAST($1 AS date))
GROUP BY "claim"."id_number"
HAVING ((count(*) >= CAST($2 AS double precision)) AND (count(DISTINCT "claim"."hospital_name") >= CAST($3 AS double precision)))
