-- Why a session was last moved to another time.
ALTER TABLE sessions ADD COLUMN reschedule_reason TEXT NOT NULL DEFAULT '';
