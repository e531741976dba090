-- Which of an incident's photos is the newest must not depend on chance. Photos are ordered by when
-- they were sent (dikirim_at), but two sent in the same millisecond (two officers at once, or a test
-- whose clock stands still) tied, and the tie was broken by the random uuid: the incident showed
-- either photo as its newest. An identity column records the order in which the links were written;
-- it breaks the tie by arrival. Existing rows are numbered in their stored order (ADD COLUMN fills
-- them without an UPDATE, so the append-only trigger does not fire).
ALTER TABLE kejadian_bukti ADD COLUMN urutan bigint GENERATED ALWAYS AS IDENTITY;
