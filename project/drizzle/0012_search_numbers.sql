-- The numbers in a body (runs of digits) are looked up beside its trigrams. Ten digits make only 1,000 trigrams, so
-- each trigram of a number is in a large share of the bodies ("500", "000", "001" of "500001" among a campaign's
-- "Hi Jane 500001, …"), and intersecting their posting lists read ~900 pages to find one body among 2,000,000; the
-- number itself is in one row. Numbers and trigrams are keys of one GIN index, so a scan walks the rarest key first
-- and skips through the others: a term holding a rare number is a few pages, others cost what trigrams did.
--
-- A body's numbers are its runs of ASCII digits. Letters play no part, so no locale or case rule can make the index
-- and ILIKE disagree. A lexeme holds at most 2 KB: in a body over 2,000 characters a run is cut to its first 100
-- digits (the query never looks for a longer one). Written as one expression, so PostgreSQL inlines it into the
-- generated column, and a body without digits costs a single scan for one: the SQL function call, and splitting
-- every body, had cost an INSERT of 300,000 digit-less messages 12-16% more; now within noise.
CREATE FUNCTION "sms_search_numbers"(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN body !~ '[0-9]' THEN ''::tsvector
         ELSE array_to_tsvector(array_remove(regexp_split_to_array(
                CASE WHEN length(body) > 2000 THEN regexp_replace(body, '([0-9]{100})[0-9]+', '\1', 'g') ELSE body END,
                '[^0-9]+'), ''))
         END
$$;--> statement-breakpoint
-- The numbers every body holding `term` (ILIKE '%term%') has, as a query of sms_search_numbers: a run of digits with
-- a non-digit on each side within the term is a whole number of the body; the last run, with a non-digit before it
-- and 5 digits or more, starts one (a prefix). The first run may be the end of a longer number and says nothing. With
-- no such run, a query every body matches ('x' | !'x').
CREATE FUNCTION "sms_search_numbers_query"(term text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg('''' || run || '''' || CASE WHEN i = n THEN ':*' ELSE '' END, ' & ')::tsquery,
                  $q$'x' | !'x'$q$::tsquery)
  FROM (SELECT run, i, count(*) OVER () AS n
          FROM unnest(regexp_split_to_array(term, '[^0-9]+')) WITH ORDINALITY AS r(run, i)) runs
  WHERE i > 1 AND run <> '' AND length(run) <= 100 AND (i < n OR length(run) >= 5)
$$;--> statement-breakpoint
-- Stored: a bitmap scan rechecks its rows against the numbers, and working them out again would cost 1.5-2 µs a row.
ALTER TABLE "sms_message_search" ADD COLUMN "numbers" tsvector GENERATED ALWAYS AS (sms_search_numbers("message")) STORED;--> statement-breakpoint
DROP INDEX IF EXISTS "sms_message_search_body_trgm_idx";--> statement-breakpoint
CREATE INDEX "sms_message_search_body_idx" ON "sms_message_search" USING gin ("numbers", "message" gin_trgm_ops);--> statement-breakpoint
ANALYZE "sms_message_search";
