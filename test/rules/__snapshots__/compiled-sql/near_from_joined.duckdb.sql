-- near_from_joined (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = 100
WITH "school" AS (
    SELECT "_batch_id", "_row_id", "licence_no", "org_name", "school_type", "student_count", "lat", "lng", CAST(floor("lat" / (CAST($1 AS DOUBLE) / 111000.0)) AS BIGINT) AS "_cell1y", CAST(floor("lng" / (CAST($1 AS DOUBLE) / 55500.0)) AS BIGINT) AS "_cell1x" FROM data."school"
  ),
  "shop" AS (
    SELECT "_batch_id", "_row_id", "licence_no", "lat", "lng", CAST(floor("lat" / (CAST($1 AS DOUBLE) / 111000.0)) AS BIGINT) AS "_cell2y", CAST(floor("lng" / (CAST($1 AS DOUBLE) / 55500.0)) AS BIGINT) AS "_cell2x" FROM data."tobacco"
  ),
  "other" AS (
    SELECT "licence_no", "lat", "lng" FROM data."tobacco"
  ),
  "shop__grid1" AS (
    SELECT g.*, CAST(floor(g."lat" / (CAST($1 AS DOUBLE) / 111000.0)) AS BIGINT) + dy.d AS _gy, CAST(floor(g."lng" / (CAST($1 AS DOUBLE) / 55500.0)) AS BIGINT) + dx.d AS _gx
    FROM "shop" AS g, (VALUES (-1), (0), (1)) AS dy(d), (VALUES (-1), (0), (1)) AS dx(d)
    WHERE g."lat" IS NOT NULL AND g."lng" IS NOT NULL
  ),
  "other__grid2" AS (
    SELECT g.*, CAST(floor(g."lat" / (CAST($1 AS DOUBLE) / 111000.0)) AS BIGINT) + dy.d AS _gy, CAST(floor(g."lng" / (CAST($1 AS DOUBLE) / 55500.0)) AS BIGINT) + dx.d AS _gx
    FROM "other" AS g, (VALUES (-1), (0), (1)) AS dy(d), (VALUES (-1), (0), (1)) AS dx(d)
    WHERE g."lat" IS NOT NULL AND g."lng" IS NOT NULL
  ),
  "_hits" AS MATERIALIZED (
    SELECT "school"."licence_no" AS k0,
           "shop"."licence_no" AS t1,
           "school"._batch_id AS b0,
           "school"._row_id AS r0,
           "shop"._batch_id AS b1,
           "shop"._row_id AS r1
    FROM "school"
      JOIN "shop__grid1" AS "shop" ON "school"."_cell1y" = "shop"."_gy" AND "school"."_cell1x" = "shop"."_gx" AND ((2 * 6371008.8 * asin(sqrt(power(sin(radians("shop"."lat" - "school"."lat") / 2), 2) + cos(radians("school"."lat")) * cos(radians("shop"."lat")) * power(sin(radians("shop"."lng" - "school"."lng") / 2), 2)))) <= CAST($1 AS DOUBLE))
    WHERE EXISTS (SELECT 1 FROM "other__grid2" AS "other" WHERE "shop"."_cell2y" = "other"."_gy" AND "shop"."_cell2x" = "other"."_gx" AND ((2 * 6371008.8 * asin(sqrt(power(sin(radians("other"."lat" - "shop"."lat") / 2), 2) + cos(radians("shop"."lat")) * cos(radians("other"."lat")) * power(sin(radians("other"."lng" - "shop"."lng") / 2), 2)))) <= CAST($1 AS DOUBLE)))
  ),
  "_dup" AS (
    SELECT k0 FROM "_hits" GROUP BY k0 HAVING count(*) > 1
  )
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(t1 AS VARCHAR)) AS VARCHAR) AS texts,
       [{'b': b0, 'r': r0}] AS ev0,
       [{'b': b1, 'r': r1}] AS ev1
FROM "_hits" ANTI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
UNION ALL
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(min(t1) AS VARCHAR)) AS VARCHAR) AS texts,
       list(DISTINCT {'b': b0, 'r': r0}) AS ev0,
       list(DISTINCT {'b': b1, 'r': r1}) AS ev1
FROM "_hits" SEMI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
GROUP BY k0
