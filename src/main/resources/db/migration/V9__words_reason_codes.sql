-- The reason the application gave an abandoned course was stored in English ('no-shows: 3'); it is now stored as a
-- message code with its argument (shared.Phrase) and said in each reader's language. Reasons people typed stay as
-- typed. The course tallies follow through their trigger on course.
UPDATE course
SET status_reason = 'msg:course.reason.noShows|' || substring(status_reason FROM '^no-shows: (\d+)$')
WHERE status_reason ~ '^no-shows: \d+$';

UPDATE course_event
SET reason = 'msg:course.reason.noShows|' || substring(reason FROM '^no-shows: (\d+)$')
WHERE act = 'ABANDONED' AND reason ~ '^no-shows: \d+$';
