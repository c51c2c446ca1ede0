-- The SQL of two applyModelRun calls with one batch of hits each — a model's first run, then a re-run — in order, as Kysely
-- sends it, each inside one transaction (BEGIN … COMMIT, issued by the driver).

SELECT pg_advisory_xact_lock(1245989957, hashtext($1));

select "as_of", "status" from "runs" where "id" = $1 for share;

SET LOCAL work_mem = '64MB';

CREATE TEMPORARY TABLE "lead_hit_keys" (
    ord          bigint NOT NULL,
    fingerprint  text COLLATE "C" NOT NULL,
    content_hash text NOT NULL
  ) ON COMMIT DROP;

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

SELECT EXISTS (SELECT 1 FROM leads WHERE model_id = $1) AS known;

WITH p AS (
      INSERT INTO "lead_hits_staging" (ord, fingerprint, subject, title, reason, severity, amount, evidence, explanation, content_hash)
      
  SELECT h.ord, h.fingerprint, h.subject, h.title, h.reason, h.severity, h.amount, h.evidence, h.explanation, h.content_hash
  FROM json_to_recordset($1::json) AS h(
    ord bigint, content_hash text, fingerprint text, subject json, title text, reason text, severity text, amount numeric,
    evidence json, explanation json)
      RETURNING ord, fingerprint, content_hash
    )
    INSERT INTO "lead_hit_keys" (ord, fingerprint, content_hash) SELECT ord, fingerprint, content_hash FROM p;

ANALYZE "lead_hit_keys";

ANALYZE "lead_hits_staging" (ord, fingerprint);

DELETE FROM "lead_hit_keys" AS s USING "lead_hit_keys" AS t WHERE s.fingerprint = t.fingerprint AND s.ord > t.ord;

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

INSERT INTO lead_events (lead_id, run_id, at, event)
  SELECT l.id, $1, now(), 'seen_again'
  FROM "lead_hit_keys" k JOIN leads l ON l.model_id = $2 AND l.fingerprint = k.fingerprint
  WHERE NOT EXISTS (SELECT 1 FROM "lead_hits_staging" s WHERE s.ord = k.ord);

WITH created AS (
    INSERT INTO leads (fingerprint, model_id, model_version, subject, title, reason, severity, amount, status,
                       first_seen_run, last_seen_run, first_seen_at, last_seen_at, evidence, explanation, content_hash)
    SELECT h.fingerprint, $1, $2, h.subject, h.title, h.reason, h.severity, h.amount, 'open',
           $3, $4, now(), now(), h.evidence, h.explanation, h.content_hash
    FROM "lead_hits_staging" h
    WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.model_id = $5 AND l.fingerprint = h.fingerprint)
    ORDER BY h.ord
    RETURNING id
  )
  INSERT INTO lead_events (lead_id, run_id, at, event)
  SELECT id, $6, now(), 'created' FROM created;

WITH gone AS (
    UPDATE leads AS l SET status = 'cleared', cleared_at = now(), cleared_run = $1,
      -- An open lead was seen by every apply of its model until now: fix its last sighting.
      last_seen_run = GREATEST(l.last_seen_run, (SELECT a.last_run FROM model_applies a WHERE a.model_id = $2)),
      last_seen_at  = GREATEST(l.last_seen_at, (SELECT a.last_applied FROM model_applies a WHERE a.model_id = $3))
    WHERE l.model_id = $4 AND l.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM "lead_hit_keys" h WHERE h.fingerprint = l.fingerprint)
    RETURNING l.id, l.last_seen_run
  )
  INSERT INTO lead_events (lead_id, run_id, at, event, detail)
  SELECT id, $5, now(), 'cleared', jsonb_build_object('lastSeenRun', last_seen_run) FROM gone;

INSERT INTO model_applies (model_id, last_run, last_applied) VALUES ($1, $2, now())
  ON CONFLICT (model_id) DO UPDATE SET last_run = excluded.last_run, last_applied = excluded.last_applied;

-- The next run of the model: a changed, b gone, c new

insert into "runs" ("as_of") values ($1) returning *;

SELECT pg_advisory_xact_lock(1245989957, hashtext($1));

select "as_of", "status" from "runs" where "id" = $1 for share;

SET LOCAL work_mem = '64MB';

CREATE TEMPORARY TABLE "lead_hit_keys" (
    ord          bigint NOT NULL,
    fingerprint  text COLLATE "C" NOT NULL,
    content_hash text NOT NULL
  ) ON COMMIT DROP;

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

SELECT EXISTS (SELECT 1 FROM leads WHERE model_id = $1) AS known;

WITH k AS (
    INSERT INTO "lead_hit_keys" (ord, fingerprint, content_hash)
    SELECT (e->>0)::bigint, e->>1, e->>2 FROM json_array_elements($1::json) AS e
    RETURNING ord, fingerprint, content_hash
  )
  SELECT k.ord FROM k
  WHERE NOT EXISTS (
    SELECT 1 FROM leads l
    WHERE l.model_id = $2 AND l.fingerprint = k.fingerprint AND l.content_hash = k.content_hash
      AND l.status = 'open' AND l.model_version = $3);

INSERT INTO "lead_hits_staging" (ord, fingerprint, subject, title, reason, severity, amount, evidence, explanation, content_hash)
  
  SELECT h.ord, h.fingerprint, h.subject, h.title, h.reason, h.severity, h.amount, h.evidence, h.explanation, h.content_hash
  FROM json_to_recordset($1::json) AS h(
    ord bigint, content_hash text, fingerprint text, subject json, title text, reason text, severity text, amount numeric,
    evidence json, explanation json);

ANALYZE "lead_hit_keys";

ANALYZE "lead_hits_staging" (ord, fingerprint);

DELETE FROM "lead_hit_keys" AS s USING "lead_hit_keys" AS t WHERE s.fingerprint = t.fingerprint AND s.ord > t.ord;

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

INSERT INTO lead_events (lead_id, run_id, at, event)
  SELECT l.id, $1, now(), 'seen_again'
  FROM "lead_hit_keys" k JOIN leads l ON l.model_id = $2 AND l.fingerprint = k.fingerprint
  WHERE NOT EXISTS (SELECT 1 FROM "lead_hits_staging" s WHERE s.ord = k.ord);

WITH created AS (
    INSERT INTO leads (fingerprint, model_id, model_version, subject, title, reason, severity, amount, status,
                       first_seen_run, last_seen_run, first_seen_at, last_seen_at, evidence, explanation, content_hash)
    SELECT h.fingerprint, $1, $2, h.subject, h.title, h.reason, h.severity, h.amount, 'open',
           $3, $4, now(), now(), h.evidence, h.explanation, h.content_hash
    FROM "lead_hits_staging" h
    WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.model_id = $5 AND l.fingerprint = h.fingerprint)
    ORDER BY h.ord
    RETURNING id
  )
  INSERT INTO lead_events (lead_id, run_id, at, event)
  SELECT id, $6, now(), 'created' FROM created;

WITH gone AS (
    UPDATE leads AS l SET status = 'cleared', cleared_at = now(), cleared_run = $1,
      -- An open lead was seen by every apply of its model until now: fix its last sighting.
      last_seen_run = GREATEST(l.last_seen_run, (SELECT a.last_run FROM model_applies a WHERE a.model_id = $2)),
      last_seen_at  = GREATEST(l.last_seen_at, (SELECT a.last_applied FROM model_applies a WHERE a.model_id = $3))
    WHERE l.model_id = $4 AND l.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM "lead_hit_keys" h WHERE h.fingerprint = l.fingerprint)
    RETURNING l.id, l.last_seen_run
  )
  INSERT INTO lead_events (lead_id, run_id, at, event, detail)
  SELECT id, $5, now(), 'cleared', jsonb_build_object('lastSeenRun', last_seen_run) FROM gone;

INSERT INTO model_applies (model_id, last_run, last_applied) VALUES ($1, $2, now())
  ON CONFLICT (model_id) DO UPDATE SET last_run = excluded.last_run, last_applied = excluded.last_applied;
