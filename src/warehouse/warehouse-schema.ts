/**
 * Warehouse catalogue tables. Agency rows live in schema `data` (one table per dataset); their
 * provenance lives in schema `jiandu`. Batches are stored here, in the same database as the
 * rows, so that an import commits its rows and its batch record in one transaction.
 */
export const WAREHOUSE_SCHEMA_DDL: readonly string[] = [
  'CREATE SCHEMA IF NOT EXISTS jiandu',
  'CREATE SCHEMA IF NOT EXISTS data',
  `CREATE TABLE IF NOT EXISTS jiandu.datasets (
     name        VARCHAR PRIMARY KEY,
     kind        VARCHAR,
     created_at  TIMESTAMP NOT NULL,
     next_row_id BIGINT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS jiandu.dataset_fields (
     dataset  VARCHAR NOT NULL,
     name     VARCHAR NOT NULL,
     label    VARCHAR NOT NULL,
     type     VARCHAR NOT NULL,
     position INTEGER NOT NULL,
     required BOOLEAN NOT NULL,
     PRIMARY KEY (dataset, name)
   )`,
  'CREATE SEQUENCE IF NOT EXISTS jiandu.batch_seq START 1',
  `CREATE TABLE IF NOT EXISTS jiandu.batches (
     batch_id          INTEGER PRIMARY KEY,
     dataset           VARCHAR NOT NULL,
     kind              VARCHAR,
     agency            VARCHAR,
     file_name         VARCHAR NOT NULL,
     file_sha256       VARCHAR NOT NULL,
     file_bytes        BIGINT NOT NULL,
     format            VARCHAR NOT NULL,
     encoding          VARCHAR,
     sheet             VARCHAR,
     imported_at       TIMESTAMP NOT NULL,
     duration_ms       INTEGER NOT NULL,
     rows_read         BIGINT NOT NULL,
     rows_imported     BIGINT NOT NULL,
     rows_quarantined  BIGINT NOT NULL,
     first_row_id      BIGINT NOT NULL,
     quarantine_file   VARCHAR,
     report            JSON NOT NULL
   )`,
  // Facts about a dataset's columns, each valid for one version of its rows (see column-facts.ts).
  `CREATE TABLE IF NOT EXISTS jiandu.column_facts (
     dataset     VARCHAR NOT NULL,
     column_name VARCHAR NOT NULL,
     version     VARCHAR NOT NULL,
     is_unique   BOOLEAN NOT NULL,
     checked_at  TIMESTAMP NOT NULL,
     PRIMARY KEY (dataset, column_name)
   )`,
];
