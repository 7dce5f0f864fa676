-- Where a cold PostgreSQL page goes: the adapter's page query (storage-jdbi Statements) at
-- n = 100,000, as EXPLAIN ANALYZE. The window is the benchmarks' fixed one (2026-04-02..2026-06-30
-- = epoch days 20545..20634). Run by quick.sh after JMH:
--   psql -h 127.0.0.1 -U postgres -d test -f benchmarks/explain-postgresql.sql
SET search_path = ru_bench_100000;

\echo '=== sorters=-usageCount, offset 0, limit 250'
EXPLAIN (ANALYZE, BUFFERS) SELECT m.identity_id, i.display_name, i.email,
  (SELECT COUNT(*) FROM ru_usage_day u WHERE u.tenant = m.tenant AND u.source_id = 'src-bench'
    AND u.identity_id = m.identity_id AND u.epoch_day BETWEEN 20545 AND 20634) AS usage_count
  FROM ru_membership m LEFT JOIN ru_identity i ON i.tenant = m.tenant AND i.id = m.identity_id
  WHERE m.tenant = 'bench-tenant' AND m.role_id = 'pr-bench'
  ORDER BY usage_count DESC, m.identity_key ASC OFFSET 0 ROWS FETCH NEXT 250 ROWS ONLY;

\echo '=== the same with jit = off'
SET jit = off;
EXPLAIN (ANALYZE, BUFFERS) SELECT m.identity_id, i.display_name, i.email,
  (SELECT COUNT(*) FROM ru_usage_day u WHERE u.tenant = m.tenant AND u.source_id = 'src-bench'
    AND u.identity_id = m.identity_id AND u.epoch_day BETWEEN 20545 AND 20634) AS usage_count
  FROM ru_membership m LEFT JOIN ru_identity i ON i.tenant = m.tenant AND i.id = m.identity_id
  WHERE m.tenant = 'bench-tenant' AND m.role_id = 'pr-bench'
  ORDER BY usage_count DESC, m.identity_key ASC OFFSET 0 ROWS FETCH NEXT 250 ROWS ONLY;
RESET jit;

\echo '=== sorters=displayName, offset 0, limit 250'
EXPLAIN (ANALYZE, BUFFERS) SELECT m.identity_id, i.display_name, i.email,
  (SELECT COUNT(*) FROM ru_usage_day u WHERE u.tenant = m.tenant AND u.source_id = 'src-bench'
    AND u.identity_id = m.identity_id AND u.epoch_day BETWEEN 20545 AND 20634) AS usage_count
  FROM ru_membership m LEFT JOIN ru_identity i ON i.tenant = m.tenant AND i.id = m.identity_id
  WHERE m.tenant = 'bench-tenant' AND m.role_id = 'pr-bench'
  ORDER BY i.display_name_key ASC NULLS LAST, i.display_name_tie ASC NULLS LAST, m.identity_key ASC
  OFFSET 0 ROWS FETCH NEXT 250 ROWS ONLY;
