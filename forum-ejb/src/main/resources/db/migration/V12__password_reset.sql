-- When a member last asked for a password-reset mail: at most one such mail every few minutes.
ALTER TABLE forum_member ADD COLUMN password_reset_at TIMESTAMP(6) WITH TIME ZONE;
