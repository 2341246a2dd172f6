-- Boards have a name and a description in English beside the Chinese ones. Either may be empty:
-- each language shows its own and falls back to the other (the Chinese name stays required).
ALTER TABLE board ADD COLUMN name_en VARCHAR(100);
ALTER TABLE board ADD COLUMN description_en VARCHAR(500);

-- A status-change notification says the status the problem went to, as it was then.
ALTER TABLE notification ADD COLUMN status VARCHAR(16);
