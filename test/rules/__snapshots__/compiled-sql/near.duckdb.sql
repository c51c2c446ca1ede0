-- near (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = 100
WITH "tobacco" AS (
    SELECT "_batch_id", "_row_id", "licence_no", "lat", "lng", CAST(floor("lat" / (CAST($1 AS DOUBLE) / 111000.0)) AS BIGINT) AS "_cell1y", CAST(floor("lng" / (CAST($1 AS DOUBLE) / 55500.0)) AS BIGINT) AS "_cell1x" FROM data."tobacco"
  ),
  "school" AS (
    SELECT "licence_no", "org_name", "school_type", "student_count", "lat", "lng" FROM data."school"
  ),
  "school__grid1" AS (
    SELECT g.*, CAST(floor(g."lat" / (CAST($1 AS DOUBLE) / 111000.0)) AS BIGINT) + dy.d AS _gy, CAST(floor(g."lng" / (CAST($1 AS DOUBLE) / 55500.0)) AS BIGINT) + dx.d AS _gx
    FROM "school" AS g, (VALUES (-1), (0), (1)) AS dy(d), (VALUES (-1), (0), (1)) AS dx(d)
    WHERE g."lat" IS NOT NULL AND g."lng" IS NOT NULL
  ),
  "_hits" AS MATERIALIZED (
    SELECT "tobacco"."licence_no" AS k0,
           "tobacco"._batch_id AS b0,
           "tobacco"._row_id AS r0
    FROM (SELECT DISTINCT ON ("tobacco"._row_id) "tobacco".* FROM "tobacco" JOIN "school__grid1" AS "school" ON "tobacco"."_cell1y" = "school"."_gy" AND "tobacco"."_cell1x" = "school"."_gx" AND ((2 * 6371008.8 * asin(sqrt(power(sin(radians("school"."lat" - "tobacco"."lat") / 2), 2) + cos(radians("tobacco"."lat")) * cos(radians("school"."lat")) * power(sin(radians("school"."lng" - "tobacco"."lng") / 2), 2)))) <= CAST($1 AS DOUBLE))) AS "tobacco"
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
