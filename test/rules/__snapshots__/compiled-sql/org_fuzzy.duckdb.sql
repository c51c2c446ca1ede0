-- org_fuzzy (duckdb), run date 2024-06-30, default parameters
-- parameters:
WITH "permit" AS (
    SELECT "_batch_id", "_row_id", "permit_no", "contractor_name", "contractor_uscc", "issue_date" FROM data."permit"
  ),
  "deposit" AS (
    SELECT "contractor_name", "contractor_uscc", "deposit_date", nullif(replace(upper(regexp_replace("contractor_name", '[^0-9A-Za-z一-鿿]', '', 'g')), '有限责任公司', '有限公司'), '') AS "_k_org_name_contractor_name" FROM data."deposit"
  ),
  "_hits" AS MATERIALIZED (
    SELECT "permit"."permit_no" AS k0,
           "permit"._batch_id AS b0,
           "permit"._row_id AS r0
    FROM "permit"
      SEMI JOIN "deposit" ON nullif(replace(upper(regexp_replace("permit"."contractor_name", '[^0-9A-Za-z一-鿿]', '', 'g')), '有限责任公司', '有限公司'), '') = "deposit"."_k_org_name_contractor_name"
  ),
  "_dup" AS (
    SELECT k0 FROM "_hits" GROUP BY k0 HAVING count(*) > 1
  )
SELECT CAST(json_array(CAST(k0 AS VARCHAR)) AS VARCHAR) AS texts,
       [{'b': b0, 'r': r0}] AS ev0
FROM "_hits" ANTI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
UNION ALL
SELECT CAST(json_array(CAST(k0 AS VARCHAR)) AS VARCHAR) AS texts,
       list({'b': b0, 'r': r0}) AS ev0
FROM "_hits" SEMI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
GROUP BY k0
