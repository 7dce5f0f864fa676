-- roleusage schema, version 1, H2.
-- Every key starts with the tenant. Text that is sorted has two binary sort keys computed in
-- Java at write time (TextOrder.sortKey, TextOrder.tieKey): VARBINARY compares as unsigned bytes, and UTF-8
-- bytes compare like code points, so the order never depends on the database collation.
-- Usage days are INTEGER epoch days (days since 1970-01-01 in the usage zone), so no session
-- or JVM time zone can shift them.

CREATE TABLE IF NOT EXISTS ru_identity (
  tenant           VARCHAR(128) NOT NULL,
  id               VARCHAR(128) NOT NULL,
  display_name     VARCHAR(512),
  display_name_key VARBINARY,
  display_name_tie VARBINARY,
  email            VARCHAR(320),
  email_key        VARBINARY,
  email_tie        VARBINARY,
  CONSTRAINT ru_identity_pk PRIMARY KEY (tenant, id)
);

CREATE TABLE IF NOT EXISTS ru_potential_role (
  tenant VARCHAR(128) NOT NULL,
  id     VARCHAR(128) NOT NULL,
  name   VARCHAR(512),
  CONSTRAINT ru_potential_role_pk PRIMARY KEY (tenant, id)
);

CREATE TABLE IF NOT EXISTS ru_source (
  tenant VARCHAR(128) NOT NULL,
  id     VARCHAR(128) NOT NULL,
  name   VARCHAR(512),
  CONSTRAINT ru_source_pk PRIMARY KEY (tenant, id)
);

-- identity_key: UTF-8 bytes of identity_id, the final tie-break (code point order).
CREATE TABLE IF NOT EXISTS ru_membership (
  tenant       VARCHAR(128) NOT NULL,
  role_id      VARCHAR(128) NOT NULL,
  identity_id  VARCHAR(128) NOT NULL,
  identity_key VARBINARY        NOT NULL,
  CONSTRAINT ru_membership_pk PRIMARY KEY (tenant, role_id, identity_id)
);

-- One row per (identity, source, day): the primary key makes days distinct, and its order
-- serves the window lookup (tenant, source, identity, epoch_day BETWEEN first AND last).
CREATE TABLE IF NOT EXISTS ru_usage_day (
  tenant      VARCHAR(128) NOT NULL,
  source_id   VARCHAR(128) NOT NULL,
  identity_id VARCHAR(128) NOT NULL,
  epoch_day   INTEGER      NOT NULL,
  CONSTRAINT ru_usage_day_pk PRIMARY KEY (tenant, source_id, identity_id, epoch_day)
);
