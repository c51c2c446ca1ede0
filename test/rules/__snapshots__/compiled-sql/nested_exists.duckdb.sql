-- nested_exists (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = 50000
WITH "claim" AS (
    SELECT 0 AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "person_name", "hospital_name", "settlement_date", "total_amount" FROM data."claim_a"
    UNION ALL
    SELECT 1 AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "person_name", "hospital_name", "settlement_date", "total_amount" FROM data."claim_b"
  ),
  "death" AS (
    SELECT "id_number", "person_name", "death_date" FROM data."死亡登记"
  ),
  "_hits" AS MATERIALIZED (
    SELECT "claim"."claim_no" AS k0,
           "claim"."total_amount" AS t1,
           "claim"._dataset AS d0,
           "claim"._batch_id AS b0,
           "claim"._row_id AS r0,
           ("claim"."total_amount" >= CAST($1 AS DECIMAL(18,2))) AS f0,
           "claim"."_f1" AS f1
    FROM (SELECT *, EXISTS (SELECT 1 FROM "death" WHERE "claim"."id_number" = "death"."id_number" AND ("death"."death_date" < "claim"."settlement_date")) AS "_f1" FROM "claim") AS "claim"
    WHERE (("claim"."total_amount" >= CAST($1 AS DECIMAL(18,2))) OR "claim"."_f1")
  ),
  "_dup" AS (
    SELECT k0 FROM "_hits" GROUP BY k0 HAVING count(*) > 1
  )
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(t1 AS VARCHAR)) AS VARCHAR) AS texts,
       [{'d': d0, 'b': b0, 'r': r0}] AS ev0,
       f0 AS x0,
       f1 AS x1
FROM "_hits" ANTI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
UNION ALL
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(min(t1) AS VARCHAR)) AS VARCHAR) AS texts,
       list({'d': d0, 'b': b0, 'r': r0}) AS ev0,
       bool_or(f0) AS x0,
       bool_or(f1) AS x1
FROM "_hits" SEMI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
GROUP BY k0
