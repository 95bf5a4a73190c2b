-- A search by 3 digits matches about 1 number in 100 (8 places in a number for 1 of 1,000 runs of digits), but the
-- planner judges `phone_number like '%723%'` from the column's histogram: with the default 100 entries it often
-- holds none of the term and the estimate falls to its floor (1 row in 10,000). It then fetches every match and
-- sorts them (40 ms at 1,000,000 messages, 650 ms from disk) instead of reading the history newest first until the
-- page is full (2 ms), and the search's estimated total reads 200 where 12,000 match. 500 entries hold a
-- 1-in-100 term about 5 times. The cost: ANALYZE samples 150,000 rows instead of 30,000 (1 s → 2.5 s at 2,000,000
-- messages; docs/operations.md, "Lists at millions of messages").
ALTER TABLE "sms_messages" ALTER COLUMN "phone_number" SET STATISTICS 500;--> statement-breakpoint
ANALYZE "sms_messages" ("phone_number");
