-- Hands every object of the application's schemas over to the role :role (a database made
-- before the application role existed, when the app connected as the superuser).
SELECT set_config('committee.role', :'role', false);
DO $$
DECLARE
  role text := current_setting('committee.role');
  item record;
BEGIN
  FOR item IN SELECT nspname FROM pg_namespace
              WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', item.nspname, role);
  END LOOP;
  -- Tables first: their own sequences (serial, identity) follow them.
  FOR item IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, item.name, role);
  END LOOP;
  FOR item IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relkind = 'S'
                AND c.relowner <> role::regrole LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', item.name, role);
  END LOOP;
  FOR item IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE item.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, item.name, role);
  END LOOP;
  FOR item IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
              LEFT JOIN pg_class c ON c.oid = t.typrelid
              WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                AND (t.typtype IN ('e', 'd', 'r') OR c.relkind = 'c') LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', item.name, role);
  END LOOP;
END $$;
