-- org_fuzzy (postgres), run date 2024-06-30, default parameters
-- parameters:
WITH "permit" AS (
    SELECT "_batch_id", "_row_id", "permit_no", "contractor_name", "contractor_uscc", "issue_date" FROM data."permit"
  ),
  "deposit" AS (
    SELECT "contractor_name", "contractor_uscc", "deposit_date", nullif(replace(upper(regexp_replace("contractor_name", '[^0-9A-Za-z一-鿿]', '', 'g')), '有限责任公司', '有限公司'), '') AS "_k_org_name_contractor_name" FROM data."deposit"
  )
SELECT json_build_array(CAST("permit"."permit_no" AS text)) AS texts,
       json_agg(json_build_array("permit"._batch_id, "permit"._row_id)) AS ev0
FROM "permit"
WHERE EXISTS (SELECT 1 FROM "deposit" WHERE nullif(replace(upper(regexp_replace("permit"."contractor_name", '[^0-9A-Za-z一-鿿]', '', 'g')), '有限责任公司', '有限公司'), '') = "deposit"."_k_org_name_contractor_name")
GROUP BY "permit"."permit_no"
