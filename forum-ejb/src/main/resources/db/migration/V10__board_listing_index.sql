-- The board page for readers: visible topics of a board, pinned first, then by last activity.
-- The query orders by every column of this index (board and hidden_at are fixed by its WHERE, so
-- ordering by them changes nothing), which lets H2 and PostgreSQL read a page straight off the
-- index, with no sort: page 1 and page 1,000 of a board with 25,000 topics cost about the same.
CREATE INDEX ix_topic_board_listing ON topic (board_id, hidden_at, pinned DESC, last_post_at DESC, id DESC);
