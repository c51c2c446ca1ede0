-- The SQL of two applyModelRun calls with one batch of hits each — a model's first run, then a re-run — in order, as Kysely
-- sends it, each inside one transaction (BEGIN … COMMIT, issued by the driver).

SELECT pg_advisory_xact_lock(1245989957, hashtext($1));

select "as_of", "status" from "runs" where "id" = $1 for share;

SET LOCAL work_mem = '64MB';

CREATE TEMPORARY TABLE "lead_hits_staging" (
    ord         bigint NOT NULL,
    fingerprint text COLLATE "C" NOT NULL,
    subject     json NOT NULL,
    title       text NOT NULL,
    reason      text NOT NULL,
    severity    text NOT NULL,
    amount      numeric(18, 2),
    evidence    json NOT NULL,
    explanation json,
    content_hash text NOT NULL
  ) ON COMMIT DROP;

SELECT string_agg(p.fingerprint || chr(31) || p.content_hash, chr(30)) AS page, count(*)::float8 AS n FROM (SELECT l.fingerprint, l.content_hash FROM leads l
  WHERE l.model_id = $1 AND l.status = 'open' AND l.model_version = $2 AND l.content_hash IS NOT NULL AND ($3 = 1 OR abs(hashtext(l.fingerprint) % $4) = $5)
  LIMIT $6) AS p;

INSERT INTO "lead_hits_staging" (ord, fingerprint, subject, title, reason, severity, amount, evidence, explanation, content_hash)
  SELECT f[1]::bigint, f[2], f[3]::json, f[4], f[5], f[6], nullif(f[7], '')::numeric, f[8]::json, nullif(f[9], 'null')::json, f[10]
  FROM unnest(string_to_array($1::text, chr(30))) AS r, string_to_array(r, chr(31)) AS f;

ANALYZE "lead_hits_staging" (ord, fingerprint);

WITH seen AS (
    UPDATE leads AS l SET
      model_version = $1,
      subject       = h.subject,
      title         = h.title,
      reason        = h.reason,
      severity      = h.severity,
      amount        = h.amount,
      evidence      = h.evidence,
      explanation   = h.explanation,
      content_hash  = h.content_hash,
      last_seen_run = $2,
      last_seen_at  = now(),
      status        = CASE WHEN old.status = 'cleared' THEN 'open' ELSE old.status END,
      cleared_at    = CASE WHEN old.status = 'cleared' THEN NULL ELSE old.cleared_at END,
      cleared_run   = CASE WHEN old.status = 'cleared' THEN NULL ELSE old.cleared_run END
    FROM "lead_hits_staging" h
    JOIN leads old ON old.model_id = $3 AND old.fingerprint = h.fingerprint
    WHERE l.id = old.id
    RETURNING l.id, old.status AS old_status
  ),
  events AS (
    INSERT INTO lead_events (lead_id, run_id, at, event)
    SELECT id, $4, now(), CASE WHEN old_status = 'cleared' THEN 'reopened' ELSE 'seen_again' END FROM seen
    RETURNING event
  )
  SELECT count(*)::int AS seen_again, (count(*) FILTER (WHERE event = 'reopened'))::int AS reopened FROM events;

INSERT INTO leads (fingerprint, model_id, model_version, subject, title, reason, severity, amount, status,
                     first_seen_run, last_seen_run, first_seen_at, last_seen_at, evidence, explanation, content_hash)
  SELECT h.fingerprint, $1, $2, h.subject, h.title, h.reason, h.severity, h.amount, 'open',
         $3, $4, now(), now(), h.evidence, h.explanation, h.content_hash
  FROM "lead_hits_staging" h
  WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.model_id = $5 AND l.fingerprint = h.fingerprint)
  ORDER BY h.ord;

CREATE TEMPORARY TABLE "lead_gone" (fingerprint text COLLATE "C" NOT NULL) ON COMMIT DROP;

WITH gone AS (
    UPDATE leads AS l SET status = 'cleared', cleared_at = now(), cleared_run = $1,
      -- An open lead was seen by every apply of its model until now: fix its last sighting.
      last_seen_run = GREATEST(l.last_seen_run, (SELECT a.last_run FROM model_applies a WHERE a.model_id = $2)),
      last_seen_at  = GREATEST(l.last_seen_at, (SELECT a.last_applied FROM model_applies a WHERE a.model_id = $3))
    WHERE l.model_id = $4 AND l.status = 'open'
      AND (l.fingerprint IN (SELECT g.fingerprint FROM "lead_gone" g)
           OR ((l.model_version <> $5 OR l.content_hash IS NULL)
               AND l.fingerprint NOT IN (SELECT s.fingerprint FROM "lead_hits_staging" s)))
    RETURNING l.id, l.last_seen_run
  )
  INSERT INTO lead_events (lead_id, run_id, at, event, detail)
  SELECT id, $6, now(), 'cleared', jsonb_build_object('lastSeenRun', last_seen_run) FROM gone;

INSERT INTO model_applies (model_id, last_run, last_applied) VALUES ($1, $2, now())
  ON CONFLICT (model_id) DO UPDATE SET last_run = excluded.last_run, last_applied = excluded.last_applied;

INSERT INTO model_apply_log (model_id, run_id, applied_at) VALUES ($1, $2, now())
  ON CONFLICT (model_id, run_id) DO UPDATE SET applied_at = excluded.applied_at;

-- The next run of the model: a changed, b gone, c new

insert into "runs" ("as_of") values ($1) returning *;

SELECT pg_advisory_xact_lock(1245989957, hashtext($1));

select "as_of", "status" from "runs" where "id" = $1 for share;

SET LOCAL work_mem = '64MB';

CREATE TEMPORARY TABLE "lead_hits_staging" (
    ord         bigint NOT NULL,
    fingerprint text COLLATE "C" NOT NULL,
    subject     json NOT NULL,
    title       text NOT NULL,
    reason      text NOT NULL,
    severity    text NOT NULL,
    amount      numeric(18, 2),
    evidence    json NOT NULL,
    explanation json,
    content_hash text NOT NULL
  ) ON COMMIT DROP;

SELECT string_agg(p.fingerprint || chr(31) || p.content_hash, chr(30)) AS page, count(*)::float8 AS n FROM (SELECT l.fingerprint, l.content_hash FROM leads l
  WHERE l.model_id = $1 AND l.status = 'open' AND l.model_version = $2 AND l.content_hash IS NOT NULL AND ($3 = 1 OR abs(hashtext(l.fingerprint) % $4) = $5)
  LIMIT $6) AS p;

INSERT INTO "lead_hits_staging" (ord, fingerprint, subject, title, reason, severity, amount, evidence, explanation, content_hash)
  SELECT f[1]::bigint, f[2], f[3]::json, f[4], f[5], f[6], nullif(f[7], '')::numeric, f[8]::json, nullif(f[9], 'null')::json, f[10]
  FROM unnest(string_to_array($1::text, chr(30))) AS r, string_to_array(r, chr(31)) AS f;

ANALYZE "lead_hits_staging" (ord, fingerprint);

WITH seen AS (
    UPDATE leads AS l SET
      model_version = $1,
      subject       = h.subject,
      title         = h.title,
      reason        = h.reason,
      severity      = h.severity,
      amount        = h.amount,
      evidence      = h.evidence,
      explanation   = h.explanation,
      content_hash  = h.content_hash,
      last_seen_run = $2,
      last_seen_at  = now(),
      status        = CASE WHEN old.status = 'cleared' THEN 'open' ELSE old.status END,
      cleared_at    = CASE WHEN old.status = 'cleared' THEN NULL ELSE old.cleared_at END,
      cleared_run   = CASE WHEN old.status = 'cleared' THEN NULL ELSE old.cleared_run END
    FROM "lead_hits_staging" h
    JOIN leads old ON old.model_id = $3 AND old.fingerprint = h.fingerprint
    WHERE l.id = old.id
    RETURNING l.id, old.status AS old_status
  ),
  events AS (
    INSERT INTO lead_events (lead_id, run_id, at, event)
    SELECT id, $4, now(), CASE WHEN old_status = 'cleared' THEN 'reopened' ELSE 'seen_again' END FROM seen
    RETURNING event
  )
  SELECT count(*)::int AS seen_again, (count(*) FILTER (WHERE event = 'reopened'))::int AS reopened FROM events;

INSERT INTO leads (fingerprint, model_id, model_version, subject, title, reason, severity, amount, status,
                     first_seen_run, last_seen_run, first_seen_at, last_seen_at, evidence, explanation, content_hash)
  SELECT h.fingerprint, $1, $2, h.subject, h.title, h.reason, h.severity, h.amount, 'open',
         $3, $4, now(), now(), h.evidence, h.explanation, h.content_hash
  FROM "lead_hits_staging" h
  WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.model_id = $5 AND l.fingerprint = h.fingerprint)
  ORDER BY h.ord;

CREATE TEMPORARY TABLE "lead_gone" (fingerprint text COLLATE "C" NOT NULL) ON COMMIT DROP;

INSERT INTO "lead_gone" (fingerprint) SELECT f FROM json_array_elements_text($1::json) AS f;

WITH gone AS (
    UPDATE leads AS l SET status = 'cleared', cleared_at = now(), cleared_run = $1,
      -- An open lead was seen by every apply of its model until now: fix its last sighting.
      last_seen_run = GREATEST(l.last_seen_run, (SELECT a.last_run FROM model_applies a WHERE a.model_id = $2)),
      last_seen_at  = GREATEST(l.last_seen_at, (SELECT a.last_applied FROM model_applies a WHERE a.model_id = $3))
    WHERE l.model_id = $4 AND l.status = 'open'
      AND (l.fingerprint IN (SELECT g.fingerprint FROM "lead_gone" g)
           OR ((l.model_version <> $5 OR l.content_hash IS NULL)
               AND l.fingerprint NOT IN (SELECT s.fingerprint FROM "lead_hits_staging" s)))
    RETURNING l.id, l.last_seen_run
  )
  INSERT INTO lead_events (lead_id, run_id, at, event, detail)
  SELECT id, $6, now(), 'cleared', jsonb_build_object('lastSeenRun', last_seen_run) FROM gone;

INSERT INTO model_applies (model_id, last_run, last_applied) VALUES ($1, $2, now())
  ON CONFLICT (model_id) DO UPDATE SET last_run = excluded.last_run, last_applied = excluded.last_applied;

INSERT INTO model_apply_log (model_id, run_id, applied_at) VALUES ($1, $2, now())
  ON CONFLICT (model_id, run_id) DO UPDATE SET applied_at = excluded.applied_at;
