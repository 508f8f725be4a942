-- Operators' re-drives of dead-lettered commands (issue #13 item 4). A command the worker dead-lettered without
-- sending it (outcome DEAD_LETTERED, no session, never sent) may come back with the header ksef-redrive-of; the row
-- is then queued again and remembers which dead letter it came from, so the same re-drive delivered twice is one.
-- source_offset: where the command was read, for the CommandDeadLettered of a command refused after intake.
ALTER TABLE worker.commands ADD COLUMN source_offset bigint;
ALTER TABLE worker.commands ADD COLUMN redrive_of varchar(300);
ALTER TABLE worker.verifications ADD COLUMN redrive_of varchar(300);
